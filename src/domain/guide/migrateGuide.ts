import { guideSchemaVersion } from './guideSchema.ts';

/** A raw JSON object, before schema parsing. */
export type GuideDocument = Record<string, unknown>;

/** One step that lifts a document from schema version `from` to `from + 1`. */
export type GuideMigration = {
  from: number;
  /** What changed, for logs and the admin UI. */
  description: string;
  /** Returns the upgraded document; it receives a copy, so it may mutate it. `schemaVersion` is set for it. */
  migrate: (document: GuideDocument) => GuideDocument;
};

// v1 guides ran on the two channels every v1 console offered; their labels were the console's.
const v1ChannelLabels: Readonly<Record<string, string>> = { call: '전화', chat: '채팅' };

/** The migrations shipped with this code, in order. */
export const guideMigrations: readonly GuideMigration[] = [
  {
    from: 1,
    description: "channels become guide data: `channels` (id, label) from the consent rule's channels",
    migrate: (document) => {
      const rule = document.consentRule;
      const declared = typeof rule === 'object' && rule !== null ? Reflect.get(rule, 'channels') : undefined;
      const ids = Array.isArray(declared) && declared.length > 0 ? declared : Object.keys(v1ChannelLabels);
      return {
        ...document,
        channels: ids.map((id) => ({ id, label: typeof id === 'string' ? (v1ChannelLabels[id] ?? id) : id })),
      };
    },
  },
];

/** A migrated document, or why it cannot be read (with the JSON pointer of the culprit). */
export type MigrateGuideResult =
  | { ok: true; document: GuideDocument; fromVersion: number; applied: string[] }
  | { ok: false; pointer: string; message: string };

function isDocument(value: unknown): value is GuideDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Brings a raw guide document up to the current schema version by applying migrations in
 * order. Runs before zod, so stored guides written by older releases keep loading.
 */
export function migrateGuide(
  raw: unknown,
  migrations: readonly GuideMigration[] = guideMigrations,
  targetVersion: number = guideSchemaVersion,
): MigrateGuideResult {
  if (!isDocument(raw)) return { ok: false, pointer: '', message: '가이드 문서는 JSON 객체여야 합니다' };
  const fromVersion = raw.schemaVersion;
  if (typeof fromVersion !== 'number' || !Number.isInteger(fromVersion) || fromVersion < 0) {
    return { ok: false, pointer: '/schemaVersion', message: 'schemaVersion(0 이상의 정수)이 필요합니다' };
  }
  if (fromVersion > targetVersion) {
    return {
      ok: false,
      pointer: '/schemaVersion',
      message: `schemaVersion ${fromVersion}은(는) 이 프로그램이 읽을 수 있는 버전(${targetVersion})보다 새롭습니다`,
    };
  }
  let document: GuideDocument = structuredClone(raw);
  const applied: string[] = [];
  for (let version = fromVersion; version < targetVersion; version += 1) {
    const migration = migrations.find((candidate) => candidate.from === version);
    if (!migration) {
      return {
        ok: false,
        pointer: '/schemaVersion',
        message: `schemaVersion ${version} → ${version + 1} 마이그레이션이 없습니다`,
      };
    }
    document = { ...migration.migrate(document), schemaVersion: version + 1 };
    applied.push(`v${version} → v${version + 1}: ${migration.description}`);
  }
  return { ok: true, document, fromVersion, applied };
}
