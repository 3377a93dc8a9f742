import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GuideDocument, type GuideMigration, guideMigrations, migrateGuide } from './migrateGuide.ts';
import { parseGuide } from './parseGuide.ts';

const guideText = readFileSync(
  new URL('../../../content/guides/business-inquiry.json', import.meta.url),
  'utf8',
);

// A fabricated v0 layout: the support line was three flat fields and inquiry types were "types".
function toFabricatedV0(v1: GuideDocument): GuideDocument {
  const { supportLine, inquiryTypes, ...rest } = v1;
  if (typeof supportLine !== 'object' || supportLine === null) throw new Error('fixture has no supportLine');
  return {
    ...rest,
    schemaVersion: 0,
    types: inquiryTypes,
    supportName: Reflect.get(supportLine, 'name'),
    supportPhone: Reflect.get(supportLine, 'phone'),
    supportRest: { hours: Reflect.get(supportLine, 'hours'), caveat: Reflect.get(supportLine, 'caveat') },
  };
}

const fabricatedV0ToV1: GuideMigration = {
  from: 0,
  description: 'group the support line; rename types → inquiryTypes',
  migrate: ({ types, supportName, supportPhone, supportRest, ...rest }) => ({
    ...rest,
    inquiryTypes: types,
    supportLine: {
      name: supportName,
      phone: supportPhone,
      ...(typeof supportRest === 'object' ? supportRest : {}),
    },
  }),
};

describe('migrateGuide', () => {
  it('lifts a v0 document to v1 so that it parses and equals the v1 guide', () => {
    const v1: GuideDocument = JSON.parse(guideText);
    const v0 = toFabricatedV0(v1);
    const migrated = migrateGuide(v0, [fabricatedV0ToV1], 1);
    expect(migrated.ok).toBe(true);
    if (!migrated.ok) return;
    expect(migrated.fromVersion).toBe(0);
    expect(migrated.applied).toEqual(['v0 → v1: group the support line; rename types → inquiryTypes']);
    expect(migrated.document).toEqual(v1);
    // The input is not modified.
    expect(v0.schemaVersion).toBe(0);

    const parsed = parseGuide(JSON.stringify(v0, null, 2), 'old.json', {
      migrations: [fabricatedV0ToV1, ...guideMigrations],
    });
    expect(parsed.ok && parsed.migratedFrom).toBe(0);
    expect(parsed.ok && parsed.guide.supportLine.phone).toBe('1644-7391');
  });

  it('reports a version with no migration path, naming /schemaVersion', () => {
    const v0 = toFabricatedV0(JSON.parse(guideText));
    const parsed = parseGuide(JSON.stringify(v0, null, 2), 'old.json');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([
      {
        file: 'old.json',
        line: expect.any(Number),
        pointer: '/schemaVersion',
        message: 'schemaVersion 0 → 1 마이그레이션이 없습니다',
      },
    ]);
  });

  it('refuses a document newer than this code and one without a version', () => {
    const newer = migrateGuide({ schemaVersion: 3 });
    expect(newer.ok || newer.message).toContain('보다 새롭습니다');
    const unversioned = migrateGuide({ id: 'x' });
    expect(unversioned.ok || unversioned.pointer).toBe('/schemaVersion');
    expect(migrateGuide([1, 2]).ok).toBe(false);
  });

  it('lifts the v1 business guide to v2: channels become data, taken from the consent rule', () => {
    const v1: GuideDocument = JSON.parse(guideText);
    expect(v1.schemaVersion).toBe(1);
    const migrated = migrateGuide(v1);
    expect(migrated.ok && migrated.applied).toEqual([
      "v1 → v2: channels become guide data: `channels` (id, label) from the consent rule's channels",
    ]);
    expect(migrated.ok && migrated.document.channels).toEqual([
      { id: 'call', label: '전화' },
      { id: 'chat', label: '채팅' },
    ]);
    const parsed = parseGuide(guideText, 'business-inquiry.json');
    expect(parsed.ok && parsed.migratedFrom).toBe(1);
    expect(parsed.ok && parsed.guide.scripts.every((script) => script.channels === undefined)).toBe(true);
  });

  it('leaves a current document as it is', () => {
    const lifted = migrateGuide(JSON.parse(guideText));
    if (!lifted.ok) throw new Error(lifted.message);
    const migrated = migrateGuide(lifted.document);
    expect(migrated.ok && migrated.applied).toEqual([]);
    expect(migrated.ok && migrated.document).toEqual(lifted.document);
  });
});
