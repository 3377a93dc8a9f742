import { describe, expect, it } from 'vitest';
import type { AccessLogVerification } from '../../../contract/privacy/accessLogVerificationSchema.ts';
import type { MessageKey } from '../../i18n/catalogue.ts';
import type { MessageParams } from '../../i18n/defineMessages.ts';
import { translate } from '../../i18n/translate.ts';
import { describeAccessLogVerification } from './describeAccessLogVerification.ts';

const ko = (key: MessageKey, params?: MessageParams) => translate('ko', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);

const intact: AccessLogVerification = {
  ok: true,
  checked: 12,
  legacyChecked: 0,
  unchainedBefore: 0,
  brokenAt: null,
  unverifiableFrom: null,
  checkpoint: {
    file: '/data/access-log.checkpoint',
    state: 'matched',
    seq: 10,
    problem: null,
    keyId: null,
    written: 12,
  },
};
const checkpointOf = (state: AccessLogVerification['checkpoint']['state'], more = {}) => ({
  ...intact.checkpoint,
  state,
  written: null,
  ...more,
});

describe('describeAccessLogVerification', () => {
  it('reads an intact log in teal with the rows checked and the checkpoint now written', () => {
    expect(describeAccessLogVerification(intact, ko)).toEqual({
      color: 'teal',
      text: '해시 체인 정상: 12건 검증, 체크포인트 12',
    });
  });

  it('reads a checkpoint signed with a key not given in orange, as a setting and not tampering', () => {
    const result: AccessLogVerification = {
      ...intact,
      ok: false,
      checkpoint: checkpointOf('unverifiable', { keyId: 'k-2025', problem: 'signed with key k-2025' }),
    };
    const korean = describeAccessLogVerification(result, ko);
    expect(korean.color).toBe('orange');
    expect(korean.text).toContain('체크포인트를 검증할 수 없음');
    expect(korean.text).toContain('k-2025');
    expect(korean.text).toContain('위변조의 흔적은 아닙니다');
    expect(describeAccessLogVerification(result, en).text).toContain('not a sign of tampering');
  });

  it('reads rows linked with a key not given in orange, unless something else is broken', () => {
    const unverifiable: AccessLogVerification = {
      ...intact,
      ok: false,
      unverifiableFrom: { id: 7, keyId: 'k-2025' },
    };
    expect(describeAccessLogVerification(unverifiable, ko)).toMatchObject({
      color: 'orange',
      text: expect.stringContaining('7번 행부터 검증할 수 없음'),
    });
    const alsoBroken = {
      ...unverifiable,
      checkpoint: checkpointOf('broken', { problem: 'the newest rows were removed' }),
    };
    expect(describeAccessLogVerification(alsoBroken, ko).color).toBe('red');
  });

  it('reads an edited row or a mismatched checkpoint in red as possible tampering', () => {
    expect(
      describeAccessLogVerification(
        { ...intact, ok: false, brokenAt: { id: 11, problem: 'hash differs' } },
        ko,
      ),
    ).toEqual({ color: 'red', text: '위변조 의심: 11번 행 — hash differs' });
    expect(
      describeAccessLogVerification(
        {
          ...intact,
          ok: false,
          checkpoint: checkpointOf('broken', { problem: 'the newest rows were removed' }),
        },
        en,
      ),
    ).toEqual({
      color: 'red',
      text: 'Possible tampering: checkpoint mismatch — the newest rows were removed',
    });
  });
});
