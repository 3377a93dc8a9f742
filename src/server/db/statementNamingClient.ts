import pg from 'pg';
import { isChangedResultType } from './isChangedResultType.ts';

/**
 * How many statement texts get a name. The app has a few hundred distinct statements and the hot
 * ones are met first; texts that vary with their input (IN lists, multi-row VALUES) would otherwise
 * grow every connection's set of prepared statements without end, so past this they run unnamed.
 */
const MAX_NAMED = 400;

/** Statement names by text, shared by every connection of the process (a name means one text). */
const namesByText = new Map<string, string>();
let nextName = 1;

function nameFor(text: string): string | undefined {
  const known = namesByText.get(text);
  if (known !== undefined || namesByText.size >= MAX_NAMED) return known;
  const name = `ieum_${nextName++}`;
  namesByText.set(text, name);
  return name;
}

type QueryCallback = (error: Error | null, result: unknown) => void;

/** A statement this client names: the query config with its name, and the caller's callback if any. */
type NamedQuery = { query: pg.QueryConfig & { name: string }; text: string; callback?: QueryCallback };

/**
 * The statement a call to `query` runs, named, when it is one with parameters and in a form this
 * wrapper understands: `query(config)` with values in the config, `query(config, values)` as
 * Drizzle calls it, and `query(text | config, values, callback)` as pg's Pool calls a client. A
 * streamed query (`submit`), one named by its caller, or one without parameters is left alone.
 */
function nameQuery(config: unknown, rest: readonly unknown[]): NamedQuery | undefined {
  let base: pg.QueryConfig;
  if (typeof config === 'string') base = { text: config };
  else if (
    typeof config === 'object' &&
    config !== null &&
    !('submit' in config) &&
    'text' in config &&
    typeof config.text === 'string' &&
    !('name' in config && config.name)
  )
    base = config as pg.QueryConfig;
  else return undefined;
  let next = 0;
  let values = base.values;
  if (Array.isArray(rest[next])) values = rest[next++] as unknown[];
  // pg's Pool passes `undefined` for values kept in the config: query(config, undefined, callback).
  else if (rest[next] === undefined && next < rest.length) next++;
  const callback = typeof rest[next] === 'function' ? (rest[next++] as QueryCallback) : undefined;
  if (next !== rest.length || !Array.isArray(values) || values.length === 0) return undefined;
  const name = nameFor(base.text);
  if (name === undefined) return undefined;
  return { query: { ...base, values, name }, text: base.text, ...(callback ? { callback } : {}) };
}

/**
 * A node-postgres client that runs each parameterised statement as a named prepared statement, so
 * PostgreSQL parses and plans it once per connection instead of on every call (what drivers such
 * as pgx and JDBC do by default). Drizzle passes its statements as a query config and a values
 * array, pg's Pool as text or config, values and a callback; all of them get a name here. The pool
 * makes every connection with this class.
 */
export class StatementNamingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const unnamed = this.query.bind(this);
    // pg's query has a dozen overloads; this keeps every one of them and only adds a name.
    this.query = ((config: unknown, ...rest: unknown[]) => {
      const named = nameQuery(config, rest);
      if (!named) return Reflect.apply(unnamed, this, [config, ...rest]);
      const forgetOnChangedResult = (error: unknown) => {
        if (isChangedResultType(error) && namesByText.get(named.text) === named.query.name)
          namesByText.delete(named.text);
      };
      const { callback } = named;
      if (callback) {
        return unnamed(named.query, (error: Error | null, result: unknown) => {
          forgetOnChangedResult(error);
          callback(error, result);
        });
      }
      return unnamed(named.query).catch((error: unknown) => {
        forgetOnChangedResult(error);
        throw error;
      });
    }) as pg.Client['query'];
  }
}
