/**
 * The guide's Q4-Y path (sign-up wanted, consent agreed, the four fields taken down) as a finish
 * or complete body starts: the script, the inquiry type and the answers. Tests that file a
 * sign-up lead spread it instead of writing the path out again.
 */
export const signUpLeadPath = {
  scriptId: 'q4',
  inquiryType: 6,
  history: [
    { nodeId: 'q4-signup', answer: 'yes' },
    { nodeId: 'q4-consent', answer: 'agreed' },
    { nodeId: 'q4-lead-details', answer: 'next' },
  ],
};
