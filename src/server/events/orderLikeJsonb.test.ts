import { PGlite } from '@electric-sql/pglite';
import { afterAll, describe, expect, it } from 'vitest';
import { orderLikeJsonb } from './orderLikeJsonb.ts';

describe('orderLikeJsonb', () => {
  const db = new PGlite();
  afterAll(() => db.close());

  it('orders keys as jsonb does: shorter first (in UTF-8 bytes), then byte order, at every depth', async () => {
    const value = {
      transferId: 't-1',
      at: 1,
      filedById: 'u',
      가: { zz: [{ b: 1, a: 2 }], a: null },
      ab: true,
      B: 'x',
      é: 2,
    };
    const [row] = (
      await db.query<{ text: string }>('select $1::jsonb::text as text', [JSON.stringify(value)])
    ).rows;
    expect(JSON.stringify(orderLikeJsonb(value))).toBe(JSON.stringify(JSON.parse(row?.text ?? '')));
    expect(Object.keys(orderLikeJsonb(value) as object)).toEqual([
      'B',
      'ab',
      'at',
      'é',
      '가',
      'filedById',
      'transferId',
    ]);
  });
});
