import pg from 'pg';

/**
 * How many statement texts get a name. The app has a few hundred distinct statements and the hot
 * ones are met first; texts that vary with their input (IN lists, multi-row VALUES) would otherwise
 * grow every connection's set of prepared statements without end, so past this they run unnamed.
 */
const MAX_NAMED = 400;

// PostgreSQL refuses a prepared statement whose result columns a schema change altered ("cached
// plan must not change result type"); the text is then prepared again under a new name.
const FEATURE_NOT_SUPPORTED = '0A000';

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

function isParameterisedConfig(config: unknown): config is pg.QueryConfig & { text: string } {
  return (
    typeof config === 'object' &&
    config !== null &&
    !('submit' in config) &&
    'text' in config &&
    typeof config.text === 'string' &&
    !('name' in config && config.name) &&
    'values' in config &&
    Array.isArray(config.values) &&
    config.values.length > 0
  );
}

function isChangedResultType(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === FEATURE_NOT_SUPPORTED;
}

/**
 * A node-postgres client that runs each parameterised statement as a named prepared statement, so
 * PostgreSQL parses and plans it once per connection instead of on every call (what drivers such
 * as pgx and JDBC do by default). Drizzle passes its statements as query configs with text and
 * values; those get a name here. The pool makes every connection with this class.
 */
export class StatementNamingClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const unnamed = this.query.bind(this);
    // pg's query has a dozen overloads; this keeps every one of them and only adds a name.
    this.query = ((config: unknown, ...rest: unknown[]) => {
      if (!isParameterisedConfig(config) || rest.length > 0)
        return Reflect.apply(unnamed, this, [config, ...rest]);
      const name = nameFor(config.text);
      if (name === undefined) return unnamed(config);
      return unnamed({ ...config, name }).catch((error: unknown) => {
        if (isChangedResultType(error) && namesByText.get(config.text) === name)
          namesByText.delete(config.text);
        throw error;
      });
    }) as pg.Client['query'];
  }
}
