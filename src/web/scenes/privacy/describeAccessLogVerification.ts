import type { AccessLogVerification } from '../../../contract/privacy/accessLogVerificationSchema.ts';
import type { Translate } from '../../i18n/useT.ts';

/** How the verification's result reads on /privacy: the line and its colour. */
export type VerificationNote = { color: 'teal' | 'orange' | 'red'; text: string };

/**
 * The line /privacy shows after 검증: intact in teal; a setting to fix — part of the chain, or the
 * checkpoint, signed with a key this server is not given — in orange, saying it is not a sign of
 * tampering; an edited or removed row, or a checkpoint that does not match, in red.
 */
export function describeAccessLogVerification(result: AccessLogVerification, t: Translate): VerificationNote {
  const { checkpoint } = result;
  if (result.ok) {
    return {
      color: 'teal',
      text: t('accessLog.verified', {
        checked: result.checked,
        checkpoint: String(checkpoint.written ?? checkpoint.seq ?? t('accessLog.noCheckpoint')),
      }),
    };
  }
  const tampering = result.brokenAt !== null || checkpoint.state === 'broken';
  const color = tampering ? 'red' : 'orange';
  if (result.brokenAt) {
    return {
      color,
      text: t('accessLog.brokenRow', { id: String(result.brokenAt.id), problem: result.brokenAt.problem }),
    };
  }
  if (result.unverifiableFrom) {
    return {
      color,
      text: t('accessLog.unverifiable', {
        id: String(result.unverifiableFrom.id),
        keyId: result.unverifiableFrom.keyId,
        checked: result.checked,
      }),
    };
  }
  if (checkpoint.state === 'unverifiable') {
    return {
      color,
      text: t('accessLog.unverifiableCheckpoint', {
        keyId: String(checkpoint.keyId),
        checked: result.checked,
      }),
    };
  }
  return { color, text: t('accessLog.brokenCheckpoint', { problem: String(checkpoint.problem) }) };
}
