/** Shortest password accepted (the setup screen and the account form say so before submitting). */
export const MIN_PASSWORD_LENGTH = 10;
