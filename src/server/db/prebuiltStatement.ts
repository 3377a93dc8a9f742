import { getTableColumns, is, Param, Placeholder, type Query, type SQL } from 'drizzle-orm';
import type { SelectedFieldsOrdered } from 'drizzle-orm/operations';
import { type PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './openDatabase.ts';

/** What a statement selects or returns, as given to drizzle's select() or returning(). */
export type Selection = Record<string, PgColumn | SQL | SQL.Aliased | PgTable>;

/** A drizzle query builder: awaiting it runs it; toSQL() gives its text and parameters. */
type Builder = PromiseLike<unknown> & { toSQL(): Query };

/**
 * The selection in the order drizzle writes it into the statement (tables expanded to their
 * columns, each under its path), which is how a row that comes back as an array is mapped.
 */
function orderedFields(selection: Selection, prefix: string[] = []): SelectedFieldsOrdered<PgColumn> {
  return Object.entries(selection).flatMap(([name, field]) => {
    const path = [...prefix, name];
    if (is(field, PgTable)) return orderedFields(getTableColumns(field), path);
    return [{ path, field }];
  });
}

/** How one parameter of a built statement gets its value: fixed, or a placeholder's (encoded by its column). */
type Slot = { fixed: unknown } | { placeholder: string; encode: ((value: unknown) => unknown) | undefined };

function slotsOf(params: readonly unknown[]): Slot[] {
  return params.map((param) => {
    if (is(param, Placeholder)) return { placeholder: param.name, encode: undefined };
    if (is(param, Param) && is(param.value, Placeholder)) {
      const { encoder } = param;
      return { placeholder: param.value.name, encode: (value) => encoder.mapToDriverValue(value) };
    }
    return { fixed: param };
  });
}

/**
 * A statement drizzle builds once per shape, with placeholders (`sql.placeholder(name)`) where its
 * values go, and then runs on any database or transaction with the values filled in. Building a
 * query — drizzle walking its chunks to write the text — cost a finish request about a sixth of
 * its CPU, a third of it for the three statements of its write; the statements on that path are
 * built here once and run as the builder would run them (same text, same value encoding, rows
 * mapped to the same shape). A shape is whatever changes the text (which columns an update sets,
 * whether a CTE is there); `build` gets it and must give the same text for the same shape.
 */
export class PrebuiltStatement<Shape extends string, B extends Builder> {
  readonly #build: (db: Database, shape: Shape) => B;
  readonly #fields: SelectedFieldsOrdered<PgColumn> | undefined;
  readonly #built = new Map<Shape, { sql: string; slots: Slot[] }>();

  /**
   * @param build the statement as a drizzle builder, every value a placeholder
   * @param selection what it selects or returns (the object given to select() or returning()),
   *   so its rows come back as the builder's would; omit for a statement returning nothing.
   */
  constructor(build: (db: Database, shape: Shape) => B, selection?: Selection) {
    this.#build = build;
    this.#fields = selection ? orderedFields(selection) : undefined;
  }

  /**
   * Runs a statement that has one shape (its `build` takes no shape) with these placeholder
   * values; a statement built per shape cannot be run this way.
   */
  runOnly(
    this: PrebuiltStatement<string, B>,
    db: Database,
    values: Record<string, unknown>,
  ): Promise<Awaited<B>> {
    return this.run(db, '', values);
  }

  /** Runs the statement of this shape with these placeholder values; resolves as the builder would. */
  async run(db: Database, shape: Shape, values: Record<string, unknown>): Promise<Awaited<B>> {
    let built = this.#built.get(shape);
    if (!built) {
      const query = this.#build(db, shape).toSQL();
      built = { sql: query.sql, slots: slotsOf(query.params) };
      this.#built.set(shape, built);
    }
    const params = built.slots.map((slot) => {
      if ('fixed' in slot) return slot.fixed;
      if (!Object.hasOwn(values, slot.placeholder)) {
        throw new Error(`no value for placeholder "${slot.placeholder}"`);
      }
      const value = values[slot.placeholder];
      // A null stays SQL NULL, as when drizzle builds the statement with the value in it.
      return value === null || value === undefined || !slot.encode ? (value ?? null) : slot.encode(value);
    });
    return db._.session
      .prepareQuery<{ execute: Awaited<B>; all: unknown; values: unknown }>(
        { sql: built.sql, params },
        this.#fields,
        undefined,
        this.#fields !== undefined,
      )
      .execute();
  }
}
