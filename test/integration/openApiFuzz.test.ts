import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../helpers/buildTestApp.ts';
import { testBackends } from '../helpers/testDatabases.ts';

// Property-based fuzzing of every operation the OpenAPI document lists: parameters, query strings,
// headers and bodies generated from each operation's own schemas (valid values, values at and past
// their limits, wrong types, missing and extra fields, broken JSON), sent as every role and as
// nobody. Whatever arrives, the answer is never a 5xx, and every error is problem+json with a
// `code` and an `errors` list. Seeded: set IEUM_FUZZ_SEED to replay a failing run.

type Schema = { [key: string]: unknown };
type OpenApiDocument = {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema?: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
};
type FuzzRequest = {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  body?: string;
};

const MIN_REQUESTS = 2_000;
const MAX_DEPTH = 5;
const seed = Number(process.env.IEUM_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));

const isSchema = (value: unknown): value is Schema =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const asSchemas = (value: unknown): Schema[] => (Array.isArray(value) ? value.filter(isSchema) : []);
const numberOr = (value: unknown, fallback: number): number => (typeof value === 'number' ? value : fallback);

/** Strings that break naive code: control and NUL characters, huge, encodings, injections, emoji. */
const nastyString = fc.constantFrom(
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%FF%FE',
  '%',
  '../../etc/passwd',
  "' or 1=1 --",
  '<script>alert(1)</script>',
  '😀👍🏽',
  '\uFEFF',
  '\uD800',
  'ㄱㄴㄷ',
  '010-1234-5678',
  '9'.repeat(40),
  'x'.repeat(5_000),
  '2026-02-30T25:61:00+09:00',
  'NaN',
  '-1',
  'null',
);
const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, [], {}),
  fc.jsonValue({ maxDepth: 2 }),
);

/** Values for a JSON Schema (OpenAPI 3.0 dialect, as @fastify/swagger writes it), mostly valid. */
function valuesOf(
  schema: Schema,
  doc: OpenApiDocument,
  ids: readonly string[],
  depth = 0,
): fc.Arbitrary<unknown> {
  const ref = schema.$ref;
  if (typeof ref === 'string') {
    const target = doc.components?.schemas?.[ref.replace('#/components/schemas/', '')];
    return target && depth < MAX_DEPTH
      ? valuesOf(target, doc, ids, depth + 1)
      : fc.jsonValue({ maxDepth: 1 });
  }
  const plain = ((): fc.Arbitrary<unknown> => {
    const choices = [...asSchemas(schema.anyOf), ...asSchemas(schema.oneOf)];
    if (choices.length) return fc.oneof(...choices.map((choice) => valuesOf(choice, doc, ids, depth + 1)));
    const all = asSchemas(schema.allOf);
    if (all[0]) return valuesOf(all[0], doc, ids, depth + 1);
    if ('const' in schema) return fc.constant(schema.const);
    if (Array.isArray(schema.enum) && schema.enum.length) return fc.constantFrom(...schema.enum);
    const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    switch (type) {
      case 'string':
        return stringsOf(schema, ids);
      case 'integer':
        return fc.integer({ min: numberOr(schema.minimum, -1_000), max: numberOr(schema.maximum, 1_000) });
      case 'number':
        return fc.double({
          noNaN: true,
          noDefaultInfinity: true,
          min: numberOr(schema.minimum, -1e6),
          max: numberOr(schema.maximum, 1e6),
        });
      case 'boolean':
        return fc.boolean();
      case 'array': {
        const items = isSchema(schema.items)
          ? valuesOf(schema.items, doc, ids, depth + 1)
          : fc.jsonValue({ maxDepth: 1 });
        const minLength = numberOr(schema.minItems, 0);
        return fc.array(items, {
          minLength,
          maxLength: Math.max(minLength, Math.min(numberOr(schema.maxItems, 4), 4)),
        });
      }
      case 'object':
      case undefined: {
        if (!isSchema(schema.properties) || depth >= MAX_DEPTH) return fc.jsonValue({ maxDepth: 1 });
        const properties = schema.properties;
        const required = Array.isArray(schema.required)
          ? schema.required.filter((key) => typeof key === 'string')
          : [];
        const shape = Object.fromEntries(
          Object.entries(properties).map(([key, inner]) => [
            key,
            isSchema(inner) ? valuesOf(inner, doc, ids, depth + 1) : fc.jsonValue(),
          ]),
        );
        return fc.record(shape, { requiredKeys: required.filter((key) => key in properties) });
      }
      default:
        return fc.jsonValue({ maxDepth: 1 });
    }
  })();
  return schema.nullable === true ? fc.option(plain, { nil: null, freq: 8 }) : plain;
}

function stringsOf(schema: Schema, ids: readonly string[]): fc.Arbitrary<string> {
  const minLength = numberOr(schema.minLength, 0);
  const maxLength = Math.max(minLength, Math.min(numberOr(schema.maxLength, 40), 60));
  switch (schema.format) {
    case 'uuid':
      return ids.length ? fc.oneof(fc.uuid(), fc.constantFrom(...ids)) : fc.uuid();
    case 'date-time':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString());
    case 'date':
      return fc
        .date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true })
        .map((date) => date.toISOString().slice(0, 10));
    case 'email':
      return fc.emailAddress();
    case 'uri':
      return fc.webUrl();
  }
  if (typeof schema.pattern === 'string') {
    try {
      return fc
        .stringMatching(new RegExp(schema.pattern))
        .filter((text) => text.length <= Math.max(maxLength, 200));
    } catch {
      // A pattern fast-check cannot generate from: plain strings below.
    }
  }
  return fc.oneof(fc.string({ minLength, maxLength }), fc.string({ minLength, maxLength, unit: 'grapheme' }));
}

/** Mostly values the schema allows, sometimes anything at all. */
function fieldValues(
  schema: Schema | undefined,
  doc: OpenApiDocument,
  ids: readonly string[],
): fc.Arbitrary<unknown> {
  const valid = schema ? valuesOf(schema, doc, ids) : fc.jsonValue({ maxDepth: 1 });
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: nastyValue });
}

/** Bodies: valid ones, valid ones with one field broken or dropped, foreign JSON, broken JSON. */
function bodiesOf(
  schema: Schema | undefined,
  doc: OpenApiDocument,
  ids: readonly string[],
): fc.Arbitrary<string | undefined> {
  const valid = schema ? valuesOf(schema, doc, ids) : fc.constant(undefined);
  const broken = fc
    .tuple(valid, fc.string({ maxLength: 12 }), nastyValue, fc.boolean())
    .map(([value, key, bad, drop]) => {
      if (!isSchema(value)) return bad;
      const keys = Object.keys(value);
      const target = keys.length ? (keys[key.length % keys.length] ?? key) : key;
      const copy: Record<string, unknown> = { ...value };
      if (drop) delete copy[target];
      else copy[target] = bad;
      return copy;
    });
  return fc.oneof(
    { weight: 5, arbitrary: valid.map((value) => (value === undefined ? undefined : JSON.stringify(value))) },
    { weight: 3, arbitrary: broken.map((value) => JSON.stringify(value)) },
    { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }).map((value) => JSON.stringify(value)) },
    {
      weight: 1,
      arbitrary: fc.constantFrom('{', '{"a":', '', 'null', '[]', '"text"', '{"__proto__":{"x":1}}', '\u0000'),
    },
  );
}

/** A header value Node accepts on the wire (printable ASCII). */
const headerSafe = (value: unknown): string =>
  (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
    .replace(/[^\x20-\x7e]/g, '?')
    .slice(0, 2_000);

/** Path segment: the value as a client would encode it, or raw broken encodings. */
function pathSegment(value: unknown): string {
  if (typeof value === 'string' && /^%|^\.\.|^x{5000}$/.test(value)) return value;
  // A lone surrogate cannot be encoded as UTF-8: send the bytes a broken client would.
  // Not String(value): a generated object may have no prototype, and so no toString.
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? '');
  return encodeURIComponent(text.replace(/[\uD800-\uDFFF]/g, '\uFFFD'));
}

function requestsFor(
  method: string,
  path: string,
  operation: Operation,
  doc: OpenApiDocument,
  ids: readonly string[],
  callers: fc.Arbitrary<Record<string, string>>,
): fc.Arbitrary<FuzzRequest> {
  const parameters = operation.parameters ?? [];
  const inPath = parameters.filter((parameter) => parameter.in === 'path');
  const inQuery = parameters.filter((parameter) => parameter.in === 'query');
  const inHeader = parameters.filter((parameter) => parameter.in === 'header');
  const pathValues = fc.tuple(...inPath.map((parameter) => fieldValues(parameter.schema, doc, ids)));
  const queryValues = fc.tuple(
    ...inQuery.map((parameter) =>
      parameter.required
        ? fieldValues(parameter.schema, doc, ids)
        : fc.option(fieldValues(parameter.schema, doc, ids), { nil: undefined }),
    ),
  );
  const headerValues = fc.tuple(
    ...inHeader.map((parameter) => fc.option(fieldValues(parameter.schema, doc, ids), { nil: undefined })),
  );
  const bodySchema = operation.requestBody?.content?.['application/json']?.schema;
  const bodies = operation.requestBody
    ? bodiesOf(bodySchema, doc, ids)
    : fc.option(fc.string({ maxLength: 50 }), { nil: undefined, freq: 4 });
  const extras = fc.record(
    {
      'idempotency-key': fc.oneof(fc.uuid(), fc.string({ maxLength: 300 })),
      'content-type': fc.constantFrom(
        'application/json',
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/json; charset=euc-kr',
        'multipart/form-data',
      ),
      'x-csrf-token': fc.string({ maxLength: 40 }),
      'last-event-id': fc.oneof(fc.nat().map(String), nastyString),
    },
    { requiredKeys: [] },
  );
  const extraQuery = fc.option(fc.tuple(fc.string({ maxLength: 10 }), fc.string({ maxLength: 20 })), {
    nil: undefined,
    freq: 4,
  });
  return fc
    .record({ pathValues, queryValues, headerValues, bodies, extras, extraQuery, caller: callers })
    .map(
      ({
        pathValues: pv,
        queryValues: qv,
        headerValues: hv,
        bodies: body,
        extras: extra,
        extraQuery: eq,
        caller,
      }) => {
        let url = path;
        inPath.forEach((parameter, index) => {
          url = url.replace(`{${parameter.name}}`, pathSegment(pv[index]));
        });
        const query = new URLSearchParams();
        inQuery.forEach((parameter, index) => {
          const value = qv[index];
          if (value !== undefined)
            query.append(parameter.name, typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
        });
        if (eq) query.append(eq[0], eq[1]);
        const search = query.toString();
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(extra)) headers[name] = headerSafe(value);
        inHeader.forEach((parameter, index) => {
          const value = hv[index];
          if (value !== undefined) headers[parameter.name.toLowerCase()] = headerSafe(value);
        });
        if (body !== undefined && !('content-type' in extra)) headers['content-type'] = 'application/json';
        Object.assign(headers, caller);
        const upper = method.toUpperCase();
        if (upper !== 'GET' && upper !== 'POST' && upper !== 'PUT' && upper !== 'PATCH' && upper !== 'DELETE')
          throw new Error(`unexpected method ${method}`);
        return {
          method: upper,
          url: search ? `${url}?${search}` : url,
          headers,
          ...(body !== undefined ? { body } : {}),
        };
      },
    );
}

describe('the OpenAPI document, fuzzed (seed printed on failure)', () => {
  const backend = testBackends().find((candidate) => candidate.name === 'pglite');
  let t: TestApp;
  let doc: OpenApiDocument;
  const ids: string[] = [];
  const callerHeaders: Array<Record<string, string>> = [
    {},
    { authorization: 'Bearer ieum_not-a-token' },
    { authorization: 'Basic YTpi' },
  ];

  beforeAll(async () => {
    if (!backend) throw new Error('PGlite backend missing');
    t = await buildTestApp(backend);
    for (const role of ['admin', 'agent', 'backoffice', 'supervisor'] as const) {
      const user = await t.userWithToken(role);
      callerHeaders.push(user.headers, {
        authorization: user.headers.authorization.replace('Bearer', 'bearer'),
      });
    }
    const [, , , admin, , agent] = callerHeaders;
    // A few real records, so generated ids sometimes hit something.
    const consultation = await t.app.inject({
      method: 'POST',
      url: '/api/v1/consultations',
      headers: agent,
      payload: { channel: 'call', guideId: 'business-inquiry', callerNumber: '010-2345-6789' },
    });
    const transfer = await t.app.inject({
      method: 'POST',
      url: '/api/v1/transfers',
      headers: agent,
      payload: {
        inquiryType: 1,
        channel: 'call',
        companyName: 'ACME',
        phone: '010-3333-4444',
        inquiry: '문의',
      },
    });
    const closure = await t.app.inject({
      method: 'POST',
      url: '/api/v1/closures',
      headers: admin,
      payload: { date: '2026-12-24', name: '창립기념일' },
    });
    const webhook = await t.app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: admin,
      payload: { url: 'https://crm.example.com/hook', eventTypes: ['transfer.filed'] },
    });
    for (const created of [consultation, transfer, closure, webhook]) {
      expect(created.statusCode, created.body).toBeLessThan(300);
      ids.push(created.json().id);
    }
    const document = await t.app.inject({ url: '/api/openapi.json' });
    doc = document.json();
  }, 120_000);
  afterAll(async () => {
    await t?.close();
  });

  it(`answers ≥ ${MIN_REQUESTS} generated requests over every operation without a 5xx, errors as problem+json`, async () => {
    // A live event stream with valid credentials never ends by design; its HEAD and its refusals
    // are covered in httpEdges.test.ts.
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods)
        .filter(([method]) => !(method === 'get' && path === '/api/v1/events'))
        .map(([method, operation]) => ({ method, path, operation })),
    );
    expect(operations.length).toBeGreaterThan(50);
    const runsEach = Math.ceil(MIN_REQUESTS / operations.length);
    const callers = fc.constantFrom(...callerHeaders);
    let sent = 0;
    const statuses = new Map<number, number>();
    for (const [index, { method, path, operation }] of operations.entries()) {
      const requests = requestsFor(method, path, operation, doc, ids, callers);
      try {
        await fc.assert(
          fc.asyncProperty(requests, async (request) => {
            const response = await t.app.inject({
              method: request.method,
              url: request.url,
              headers: request.headers,
              ...(request.body !== undefined ? { payload: request.body } : {}),
            });
            sent += 1;
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            const where = `${request.method} ${request.url} → ${response.statusCode}: ${response.body.slice(0, 300)}`;
            if (response.statusCode >= 500) throw new Error(`server error: ${where}`);
            if (response.statusCode >= 400) {
              if (!String(response.headers['content-type']).startsWith('application/problem+json'))
                throw new Error(`not problem+json: ${where}`);
              const problem: unknown = JSON.parse(response.body);
              if (!isSchema(problem) || typeof problem.code !== 'string' || !Array.isArray(problem.errors))
                throw new Error(`problem without code and errors: ${where}`);
            }
          }),
          { seed: seed + index, numRuns: runsEach, endOnFailure: true },
        );
      } catch (error) {
        throw new Error(
          `fuzzing ${method.toUpperCase()} ${path} failed — replay with IEUM_FUZZ_SEED=${seed}\n${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
    console.log(
      `openApiFuzz: ${sent} requests, seed ${seed}, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(sent).toBeGreaterThanOrEqual(MIN_REQUESTS);
    // Not only refusals: a good share of the generated requests must get through validation.
    const succeeded = [...statuses].filter(([status]) => status < 300).reduce((sum, [, n]) => sum + n, 0);
    expect(succeeded, JSON.stringify(Object.fromEntries(statuses))).toBeGreaterThan(sent / 20);
  }, 240_000);
});
