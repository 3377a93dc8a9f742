import { registerJobHandler } from '../../jobs/jobHandlers.ts';
import { registerEmailSentHook } from '../email/emailSentHooks.ts';
import { LEAD_CALLBACK_REMINDER_JOB } from './enqueueCallbackReminder.ts';
import { remindLeadCallback } from './remindLeadCallback.ts';
import {
  LEAD_BROCHURE_EMAIL_PREFIX,
  LEAD_BROCHURE_SENT_JOB,
  noteBrochureSent,
  scheduleLeadCallback,
} from './scheduleLeadCallback.ts';

/** Registers the sign-up lead's background work: the brochure-sent hook and job, and callback reminders. */
export function registerLeadJobs(): void {
  registerEmailSentHook(LEAD_BROCHURE_EMAIL_PREFIX, noteBrochureSent);
  registerJobHandler(LEAD_BROCHURE_SENT_JOB, scheduleLeadCallback);
  registerJobHandler(LEAD_CALLBACK_REMINDER_JOB, remindLeadCallback);
}
