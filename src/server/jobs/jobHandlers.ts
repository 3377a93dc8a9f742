import type { AppContext } from '../appContext.ts';

/** A claimed job as a handler sees it. `attempts` counts this attempt. */
export type ClaimedJob = {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  maxAttempts: number;
};

/** Does the work of one job. Throw to retry with backoff; throw PermanentJobError to give up. */
export type JobHandler = (ctx: AppContext, job: ClaimedJob) => Promise<void>;

/** A failure that retrying cannot fix (bad payload, missing record): the job is marked failed at once. */
export class PermanentJobError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentJobError';
  }
}

/**
 * Not a failure: the job cannot proceed yet (someone else holds what it needs) and should run
 * again at `retryAt`. The attempt is not counted against the job's maximum.
 */
export class RetryJobLaterError extends Error {
  readonly retryAt: Date;
  constructor(message: string, retryAt: Date) {
    super(message);
    this.name = 'RetryJobLaterError';
    this.retryAt = retryAt;
  }
}

const handlers = new Map<string, JobHandler>();

/** Registers the handler for a job kind (see allJobHandlers.ts). Registering a kind twice replaces it. */
export function registerJobHandler(kind: string, handler: JobHandler): void {
  handlers.set(kind, handler);
}

/** The handler for a kind, if any. */
export function findJobHandler(kind: string): JobHandler | undefined {
  return handlers.get(kind);
}
