import { useCallback, useState } from 'react';

/** The console's extra state for the sign-up intake: the optional 사업자등록번호 and whether the agent tried to continue. */
export type LeadIntakeState = {
  businessNumber: string;
  setBusinessNumber: (value: string) => void;
  /** Counts attempts to continue with invalid values (each one moves focus to the first wrong field). */
  attempts: number;
  markAttempt: () => void;
  reset: () => void;
};

/** Holds the intake's extra state for one consultation. */
export function useLeadIntake(): LeadIntakeState {
  const [businessNumber, setBusinessNumber] = useState('');
  const [attempts, setAttempts] = useState(0);
  const markAttempt = useCallback(() => setAttempts((count) => count + 1), []);
  const reset = useCallback(() => {
    setBusinessNumber('');
    setAttempts(0);
  }, []);
  return { businessNumber, setBusinessNumber, attempts, markAttempt, reset };
}
