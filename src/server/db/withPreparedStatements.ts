import {
  type PGlite,
  parse as pgliteParse,
  protocol,
  type QueryOptions,
  type Results,
  type Transaction,
} from '@electric-sql/pglite';
import { query as templatedQuery } from '@electric-sql/pglite/template';
import { encodeBindMessage } from './encodeBindMessage.ts';
import { isChangedResultType } from './isChangedResultType.ts';

type BackendMessage = Awaited<ReturnType<PGlite['execProtocol']>>['messages'][number];

/** A statement PostgreSQL holds parsed and planned under a name, with what describing it returned. */
type PreparedStatement = {
  name: string;
  /** The parameter types PostgreSQL inferred, which pick each value's serialiser. */
  parameterTypes: number[];
  /** The result's columns (absent for a statement that returns no rows), sent once, at prepare. */
  rowDescription: BackendMessage | undefined;
};

/**
 * How many statements stay prepared per database. The app has a few hundred distinct statements;
 * texts that vary with their input (IN lists, multi-row VALUES) are the ones that fall out.
 */
const MAX_PREPARED = 400;

const { serialize } = protocol;

function joinMessages(parts: Uint8Array[]): Uint8Array {
  let length = 0;
  for (const part of parts) length += part.length;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.length;
  }
  return joined;
}

/**
 * PGlite's `query` parses, describes, plans and executes every statement anew, in six calls into
 * PostgreSQL — most of the cost of a short statement. Here each parameterised statement is
 * prepared once under a name (parse and describe, as PGlite does) and then runs as bind, execute and
 * sync in one call, on the plan PostgreSQL keeps for it: a finish request spent a third less CPU.
 * Values are serialised and rows parsed by the instance's own serialisers and parsers, exactly as
 * `query` does. Statements without parameters (DDL, BEGIN) go through `query` unchanged. Prepared
 * statements belong to the session, not to a transaction, so a rollback keeps them.
 */
class StatementCache {
  readonly #client: PGlite;
  readonly #prepared = new Map<string, PreparedStatement>();
  /** Statements evicted from the map, closed in PostgreSQL with the next call. */
  #toClose: string[] = [];
  #nextName = 1;

  constructor(client: PGlite) {
    this.#client = client;
  }

  /** Runs one statement; the caller holds PGlite's query mutex. */
  async run<T>(text: string, params: unknown[], options: QueryOptions | undefined): Promise<Results<T>> {
    const statement = this.#prepared.get(text) ?? (await this.#prepare(text));
    const serializers = this.#client.serializers;
    const values = params.map((param, i) => {
      if (param === null || param === undefined) return null;
      const type = statement.parameterTypes[i] ?? 0;
      const serializer = options?.serializers?.[type] ?? serializers[type];
      return serializer ? serializer(param) : String(param);
    });
    const { messages } = await this.#client.execProtocol(
      joinMessages([
        ...this.#closeMessages(),
        encodeBindMessage(statement.name, values),
        serialize.execute({}),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const described = statement.rowDescription ? [statement.rowDescription, ...messages] : messages;
    const [result] = pgliteParse.parseResults(described, this.#client.parsers, options);
    if (!result) throw new Error('PGlite returned no result for a prepared statement');
    return result as Results<T>;
  }

  /** Forgets a statement PostgreSQL refused to run as prepared, so the next call prepares it again. */
  forget(text: string): void {
    const statement = this.#prepared.get(text);
    if (!statement) return;
    this.#prepared.delete(text);
    this.#toClose.push(statement.name);
  }

  async #prepare(text: string): Promise<PreparedStatement> {
    const name = `ieum_${this.#nextName++}`;
    const { messages } = await this.#client.execProtocol(
      joinMessages([
        ...this.#closeMessages(),
        serialize.parse({ name, text }),
        serialize.describe({ type: 'S', name }),
        serialize.sync(),
      ]),
      { syncToFs: false },
    );
    const statement = {
      name,
      parameterTypes: pgliteParse.parseDescribeStatementResults(messages),
      rowDescription: messages.find((message) => message.name === 'rowDescription'),
    };
    if (this.#prepared.size >= MAX_PREPARED) {
      // The least recently prepared one goes; hot statements were prepared first and stay hot.
      const [oldest] = this.#prepared.keys();
      if (oldest !== undefined) this.forget(oldest);
    }
    this.#prepared.set(text, statement);
    return statement;
  }

  #closeMessages(): Uint8Array[] {
    if (this.#toClose.length === 0) return [];
    const closes = this.#toClose.map((name) => serialize.close({ type: 'S', name }));
    this.#toClose = [];
    return closes;
  }
}

const caches = new WeakMap<PGlite, StatementCache>();

/**
 * The PGlite client with parameterised statements prepared once and run on their kept plan, in and
 * out of transactions (see StatementCache). Everything else is the client's own.
 */
export function withPreparedStatements(client: PGlite): PGlite {
  // One cache per PGlite session: prepared statements are the session's, whoever opened it.
  const cache = caches.get(client) ?? new StatementCache(client);
  caches.set(client, cache);
  const runPrepared = async <T>(
    text: string,
    params: unknown[],
    options: QueryOptions | undefined,
    retry: boolean,
  ): Promise<Results<T>> => {
    try {
      return await client._runExclusiveQuery(() => cache.run<T>(text, params, options));
    } catch (error) {
      if (!isChangedResultType(error)) throw error;
      cache.forget(text);
      // Inside a transaction the error has aborted it; the caller's retry prepares it again.
      if (!retry) throw error;
      return client._runExclusiveQuery(() => cache.run<T>(text, params, options));
    }
  };
  const query = async <T>(text: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
    if (!params || params.length === 0) return client.query<T>(text, params, options);
    await client._checkReady();
    return client._runExclusiveTransaction(async () => {
      const result = await runPrepared<T>(text, params, options, true);
      // As PGlite's own query does outside a transaction (a no-op on the Node filesystem).
      await client.syncToFs();
      return result;
    });
  };
  /**
   * A statement without parameters in the simple protocol: one call into PostgreSQL. PGlite's own
   * `exec` makes two (the query, then a sync) around blob handling no statement here uses, which
   * made BEGIN and COMMIT cost three times what they do this way. The caller holds the query mutex.
   */
  const runSimple = async (text: string, options?: QueryOptions): Promise<Results[]> => {
    const { messages } = await client.execProtocol(serialize.query(text), { syncToFs: false });
    return pgliteParse.parseResults(messages, client.parsers, options);
  };
  const simple = (text: string, options?: QueryOptions) =>
    client._runExclusiveQuery(() => runSimple(text, options));
  /**
   * PGlite's `transaction`, with BEGIN, COMMIT and ROLLBACK sent in the simple protocol (runSimple)
   * and parameterised statements run prepared: the same semantics — the work's error rolls back and
   * is rethrown, a COMMIT that PostgreSQL turns into a ROLLBACK (the transaction had failed) throws,
   * `rollback()` ends it early — holding PGlite's transaction mutex throughout as its own does.
   */
  const transaction = async <T>(work: (tx: Transaction) => Promise<T>): Promise<T> => {
    await client._checkReady();
    return client._runExclusiveTransaction(async () => {
      await simple('BEGIN');
      let closed = false;
      const ensureOpen = () => {
        if (closed) throw new Error('Transaction is closed');
      };
      const tx: Transaction = {
        query: async <R>(text: string, params?: unknown[], options?: QueryOptions) => {
          ensureOpen();
          if (params && params.length > 0) return runPrepared<R>(text, params, options, false);
          const [result] = await simple(text, options);
          return result as Results<R>;
        },
        sql: async <R>(strings: TemplateStringsArray, ...values: unknown[]) => {
          const { query: text, params } = templatedQuery(strings, ...values);
          return tx.query<R>(text, params);
        },
        exec: async (text: string, options?: QueryOptions) => {
          ensureOpen();
          return simple(text, options);
        },
        rollback: async () => {
          ensureOpen();
          await simple('ROLLBACK');
          closed = true;
        },
        listen: (channel, callback) => client.listen(channel, callback, tx),
        get closed() {
          return closed;
        },
      };
      try {
        const result = await work(tx);
        if (!closed) {
          closed = true;
          const [committed] = await simple('COMMIT');
          if (committed?.command === 'ROLLBACK')
            throw new Error('The transaction had failed: COMMIT rolled it back');
        }
        return result;
      } catch (error) {
        if (!closed) {
          closed = true;
          await simple('ROLLBACK');
        }
        throw error;
      }
    });
  };
  return new Proxy(client, {
    get(target, property) {
      if (property === 'query') return query;
      if (property === 'transaction') return transaction;
      return boundMember(target, property);
    },
  });
}

function boundMember(target: object, property: string | symbol): unknown {
  const value: unknown = Reflect.get(target, property, target);
  return typeof value === 'function' ? value.bind(target) : value;
}
