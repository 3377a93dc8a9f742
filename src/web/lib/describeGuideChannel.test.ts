import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGuide } from '../../domain/guide/parseGuide.ts';
import { describeGuideChannel } from './describeGuideChannel.ts';

const parsed = parseGuide(
  readFileSync(new URL('../../../test/fixtures/guides/partner-inquiry.json', import.meta.url), 'utf8'),
  'partner-inquiry.json',
);
if (!parsed.ok) throw new Error('the partner test guide does not parse');
const guide = parsed.guide;

describe('describeGuideChannel', () => {
  it("names a channel by its guide's word on the Korean UI and by the catalogue otherwise", () => {
    expect(describeGuideChannel(guide, 'chat', 'ko')).toBe('채팅');
    expect(describeGuideChannel(guide, 'chat', 'en')).toBe('Chat');
  });

  it('falls back to the catalogue, or the id, when the guide is not loaded or lacks the channel', () => {
    expect(describeGuideChannel(undefined, 'call', 'ko')).toBe('전화');
    expect(describeGuideChannel(guide, 'fax', 'ko')).toBe('fax');
  });
});
