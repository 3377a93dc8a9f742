// The CSRF token lives in memory only: it comes with the session and must not outlive the tab.
let current: string | null = null;

/** Holds the CSRF token from the session (or login) response for state-changing requests. */
export const csrfTokenStore = {
  get: (): string | null => current,
  set: (token: string | null): void => {
    current = token;
  },
};
