import type { z } from 'zod';
import { firstRunChecklistSchema } from '../../../contract/firstRun/firstRunChecklistSchema.ts';
import type { FirstRunStepId } from '../../../contract/firstRun/firstRunStepIdSchema.ts';
import { sendTestMailSchema } from '../../../contract/firstRun/sendTestMailSchema.ts';
import { updateFirstRunStepSchema } from '../../../contract/firstRun/updateFirstRunStepSchema.ts';
import { assignTransferTypesSchema } from '../../../contract/transfers/assignTransferTypesSchema.ts';
import { transferSettingsSchema } from '../../../contract/transfers/transferSettingsSchema.ts';
import { requestJson } from '../../api/requestJson.ts';

/** Query key of the checklist (the landing after sign-in reads it too). */
export const firstRunKey = ['first-run'] as const;

/** Calls of the first-run checklist. */
export const firstRunApi = {
  checklist: (signal?: AbortSignal) =>
    requestJson({ path: '/api/v1/first-run', schema: firstRunChecklistSchema, signal }),
  updateStep: (step: FirstRunStepId, change: z.input<typeof updateFirstRunStepSchema>) =>
    requestJson({
      method: 'PATCH',
      path: `/api/v1/first-run/steps/${encodeURIComponent(step)}`,
      bodySchema: updateFirstRunStepSchema,
      body: change,
      schema: firstRunChecklistSchema,
    }),
  sendTestMail: (to: string) =>
    requestJson({
      method: 'POST',
      path: '/api/v1/first-run/test-mail',
      bodySchema: sendTestMailSchema,
      body: { to },
      schema: firstRunChecklistSchema,
    }),
  assignAllTypes: (body: z.input<typeof assignTransferTypesSchema>) =>
    requestJson({
      method: 'PUT',
      path: '/api/v1/transfer-settings/assignees',
      bodySchema: assignTransferTypesSchema,
      body,
      schema: transferSettingsSchema,
    }),
};
