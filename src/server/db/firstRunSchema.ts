import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { users } from './schema.ts';

/**
 * What admins decided about the first-run checklist's steps. A step's state is otherwise derived
 * from the data (accounts, rotations, the outbox, the brochure), so only what the data cannot say
 * is kept here: a skip, the review of the closures, and which outbox e-mail was the last SMTP test.
 */
export const firstRunSteps = pgTable('first_run_steps', {
  /** A step id of src/contract/firstRun/firstRunStepIdSchema.ts. */
  step: text('step').primaryKey(),
  skippedAt: timestamp('skipped_at', { withTimezone: true }),
  skippedBy: uuid('skipped_by').references(() => users.id, { onDelete: 'set null' }),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
  reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
  /** The latest test mail (email_outbox.id) of the 'smtp' step; its delivery decides the step. */
  testMailId: uuid('test_mail_id'),
  /** Its recipient, masked (maskEmail): the screen says where it went without opening the outbox. */
  testMailTo: text('test_mail_to'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
