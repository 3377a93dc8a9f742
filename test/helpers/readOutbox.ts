import type { AppContext } from '../../src/server/appContext.ts';
import { openRow } from '../../src/server/crypto/openRow.ts';
import { emailOutbox } from '../../src/server/db/jobsSchema.ts';
import { sealedTables } from '../../src/server/repositories/sealedTables.ts';

/** Every outbox e-mail, opened (recipient, subject and body are sealed at rest), oldest first. */
export async function readOutbox(ctx: AppContext) {
  const rows = await ctx.database.db.select().from(emailOutbox).orderBy(emailOutbox.createdAt);
  return rows.map((row) => openRow(ctx.fieldCodec, sealedTables.emailOutbox, row));
}
