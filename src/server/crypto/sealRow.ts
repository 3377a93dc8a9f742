import { findContactPoints } from '../../domain/privacy/findContactPoints.ts';
import {
  blindIndex,
  emailBlindIndex,
  nameBlindIndex,
  nameChoseongBlindIndex,
  phoneBlindIndex,
} from './blindIndex.ts';
import type { FieldCodec } from './fieldCodec.ts';
import { kakaoUserIndex } from './kakaoUserIndex.ts';
import type { SealedTable } from './sealedTable.ts';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** The clear strings of one value as the index sees them: a text, or a json object's string values. */
function textsOf(value: unknown, keys?: readonly string[]): string[] {
  if (typeof value === 'string') return [value];
  if (!isPlainObject(value)) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    typeof inner === 'string' && (keys === undefined || keys.includes(key)) ? [inner] : [],
  );
}

/** A json object with the declared string values mapped. */
export function mapJsonValues(
  value: Record<string, unknown>,
  keys: readonly string[] | undefined,
  map: (text: string) => string,
): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key,
      typeof inner === 'string' && (keys === undefined || keys.includes(key)) ? map(inner) : inner,
    ]),
  );
}

/**
 * Seals the personal columns among `values` per the table's declaration, and computes the blind
 * indexes they feed. An index is written whenever one of its source columns is. In an insert a
 * source left out is empty; in an update all sources of an index must be given together — giving
 * only some is a programming error (the index would describe half a row) and throws.
 */
export function sealRow<Row, Values extends Partial<Row>>(
  codec: FieldCodec,
  table: SealedTable<Row>,
  values: Values,
  write: 'insert' | 'update' = 'insert',
  /**
   * Filled with each sealed value and its clear text, for openRow to give the row the statement
   * returns back in clear without decrypting what was just encrypted.
   */
  sealedNow?: Map<string, string>,
): Values {
  const sealText = sealedNow
    ? (clear: string) => {
        const stored = codec.sealText(clear);
        sealedNow.set(stored, clear);
        return stored;
      }
    : codec.sealText;
  const given = (key: string) => Object.hasOwn(values, key);
  const read = (key: string): unknown => (given(key) ? Reflect.get(values, key) : undefined);
  const sealed: Record<string, unknown> = {};
  for (const index of table.indexes ?? []) {
    const present = index.from.filter(given);
    if (present.length === 0) continue;
    if (write === 'update' && present.length !== index.from.length) {
      throw new Error(
        `sealRow(${table.name}): ${index.column} is computed from ${index.from.join(', ')}; give them together`,
      );
    }
    const texts = index.from.flatMap((key) =>
      textsOf(read(key), table.json?.find((json) => json.column === key)?.keys),
    );
    if (index.kind === 'phone') {
      const phone = texts.find((text) => text !== '');
      sealed[index.column] = phone === undefined ? null : phoneBlindIndex(codec.keys, phone);
    } else if (index.kind === 'email') {
      const email = texts.find((text) => text !== '');
      sealed[index.column] = email === undefined ? null : emailBlindIndex(codec.keys, email);
    } else if (index.kind === 'contact-list') {
      // The same hashes 'contact-points' gives for these values, at a fraction of the cost.
      const hashes = texts
        .flatMap((text) => text.split('\n'))
        .flatMap((line) => {
          const value = line.trim();
          if (value.includes('@')) return [emailBlindIndex(codec.keys, value)];
          const digits = value.replace(/\D/g, '');
          return digits === '' ? [] : [blindIndex(codec.keys, 'phone', digits)];
        });
      sealed[index.column] = hashes.length > 0 ? [...new Set(hashes)] : null;
    } else if (index.kind === 'kakao-user') {
      const userKey = texts.find((text) => text !== '');
      if (userKey !== undefined) sealed[index.column] = kakaoUserIndex(codec.keys, userKey);
    } else if (index.kind === 'name' || index.kind === 'name-choseong') {
      const name = texts.find((text) => text.trim() !== '');
      const hash = index.kind === 'name' ? nameBlindIndex : nameChoseongBlindIndex;
      sealed[index.column] = name === undefined ? null : hash(codec.keys, name);
    } else {
      const points = findContactPoints(texts.join('\n'));
      const hashes = [
        ...points.phones.map((digits) => blindIndex(codec.keys, 'phone', digits)),
        ...points.emails.map((email) => blindIndex(codec.keys, 'email', email)),
      ];
      sealed[index.column] = hashes.length > 0 ? [...new Set(hashes)] : null;
    }
  }
  for (const key of table.text) {
    const value = read(key);
    if (typeof value === 'string') sealed[key] = sealText(value);
  }
  for (const json of table.json ?? []) {
    const value = read(json.column);
    if (isPlainObject(value)) sealed[json.column] = mapJsonValues(value, json.keys, sealText);
  }
  return Object.assign({}, values, sealed);
}
