import type { AppContext } from '../../appContext.ts';
import { verifyAccessLog } from './verifyAccessLog.ts';

/** How often a running server advances its access-log checkpoint. */
export const CHECKPOINT_INTERVAL_MS = 5_000;

/**
 * Advances the access log's signed checkpoint every few seconds (and once more on stop): the rows
 * appended since the last checkpoint are verified and the new head is signed into the checkpoint
 * file. Rows appended after the last checkpoint are the only ones that could be removed without
 * `ieum access-log verify` noticing. A failed verification is logged (row id and problem, never
 * content) and the checkpoint is not moved, so it keeps pointing at the last good head.
 */
export function startAccessLogCheckpoints(
  ctx: AppContext,
  intervalMs = CHECKPOINT_INTERVAL_MS,
): {
  stop: () => Promise<void>;
} {
  let running: Promise<void> | null = null;
  let lastProblem: string | null = null;
  const advance = async () => {
    try {
      const result = await verifyAccessLog(ctx, { fromCheckpoint: true });
      const unverifiable = result.unverifiableFrom;
      const problem = result.ok
        ? null
        : result.brokenAt
          ? `row ${result.brokenAt.id}: ${result.brokenAt.problem}`
          : unverifiable
            ? `row ${unverifiable.id} on: linked with key ${unverifiable.keyId}, which is not configured`
            : (result.checkpoint.problem ?? 'checkpoint broken');
      if (problem && problem !== lastProblem) {
        // A key left out after a rotation is a configuration to fix, not evidence of tampering.
        if (!result.brokenAt && (unverifiable || result.checkpoint.state === 'unverifiable'))
          ctx.logger.warn(
            { problem },
            'access log cannot be verified past a key that is not configured: add it to IEUM_ENCRYPTION_OLD_KEYS',
          );
        else ctx.logger.error({ problem }, 'access log does not verify: run `npx ieum access-log verify`');
      }
      lastProblem = problem;
    } catch (error) {
      ctx.logger.warn({ err: error }, 'access-log checkpoint not advanced');
    }
  };
  const tick = () => {
    running ??= advance().finally(() => {
      running = null;
    });
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await advance();
    },
  };
}
