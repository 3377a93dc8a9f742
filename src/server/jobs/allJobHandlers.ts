import { ABANDON_IDLE_JOB, runAbandonmentJob } from '../services/consultations/scheduleAbandonment.ts';
import { deliverQueuedEmail } from '../services/email/deliverQueuedEmail.ts';
import { EMAIL_JOB } from '../services/email/queueEmail.ts';
import { KAKAO_EXPIRE_JOB, runKakaoExpiryJob } from '../services/kakao/expireKakaoConversations.ts';
import { registerLeadJobs } from '../services/leads/registerLeadJobs.ts';
import {
  EMBEDDED_MAINTENANCE_JOB,
  runEmbeddedMaintenanceJob,
} from '../services/maintenance/scheduleEmbeddedMaintenance.ts';
import { RETENTION_PURGE_JOB, runRetentionPurgeJob } from '../services/privacy/scheduleRetentionPurge.ts';
import { deliverWebhook } from '../services/webhooks/deliverWebhook.ts';
import { WEBHOOK_JOB } from '../services/webhooks/enqueueWebhookDeliveries.ts';
import { registerJobHandler } from './jobHandlers.ts';

/** Registers every job kind's handler. Each area adds its line here. Safe to call more than once. */
export function registerAllJobHandlers(): void {
  registerJobHandler(EMAIL_JOB, deliverQueuedEmail);
  registerJobHandler(RETENTION_PURGE_JOB, runRetentionPurgeJob);
  registerJobHandler(WEBHOOK_JOB, deliverWebhook);
  registerLeadJobs();
  registerJobHandler(ABANDON_IDLE_JOB, runAbandonmentJob);
  registerJobHandler(KAKAO_EXPIRE_JOB, runKakaoExpiryJob);
  registerJobHandler(EMBEDDED_MAINTENANCE_JOB, runEmbeddedMaintenanceJob);
}
