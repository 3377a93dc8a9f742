import { type PGlite, type QueryOptions, type Transaction, types } from '@electric-sql/pglite';

// What Drizzle's PGlite driver asks for on every query: date, time and interval values (and their
// arrays) as PostgreSQL's text, which its column types then map themselves.
const asText = (value: string) => value;
const DRIZZLE_TEXT_TYPES = [
  types.TIMESTAMP,
  types.TIMESTAMPTZ,
  types.INTERVAL,
  types.DATE,
  1231, // numeric[]
  1115, // timestamp[]
  1185, // timestamptz[]
  1187, // interval[]
  1182, // date[]
];

type Queryable = Pick<PGlite, 'query'> | Pick<Transaction, 'query'>;

function withoutParsers(options: QueryOptions | undefined): QueryOptions | undefined {
  if (!options?.parsers) return options;
  const { parsers: _perQuery, ...rest } = options;
  return rest;
}

function queryWithoutParsers<Client extends Queryable>(client: Client): Client['query'] {
  return ((query: string, params?: unknown[], options?: QueryOptions) =>
    client.query(query, params, withoutParsers(options))) as Client['query'];
}

/**
 * The PGlite client Drizzle is given. Drizzle passes the same parsers with every query, and PGlite
 * merges them into its table of ~320 type parsers on each one — a copy that was 6% of the CPU of a
 * finish request. Here those parsers are set once on the instance instead, and the per-query copy
 * is dropped (in transactions too), so every query parses exactly as Drizzle asked, without the copy.
 * Only Drizzle and LISTEN use the client, so the instance-wide parsers change nothing else.
 */
export function withInstanceParsers(client: PGlite): PGlite {
  for (const type of DRIZZLE_TEXT_TYPES) client.parsers[type] = asText;
  // Made once, not on every property read: Drizzle reads `query` for each statement.
  const query = queryWithoutParsers(client);
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      if (property === 'transaction') {
        return <T>(work: (tx: Transaction) => Promise<T>) =>
          target.transaction((tx) =>
            work(
              new Proxy(tx, {
                get: (t, p) => (p === 'query' ? queryWithoutParsers(t) : boundMember(t, p)),
              }),
            ),
          );
      }
      return boundMember(target, property);
    },
  });
}

function boundMember(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? value.bind(target) : value;
}
