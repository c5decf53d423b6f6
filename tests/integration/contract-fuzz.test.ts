import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, type CallName } from '../../api/contract';
import type { ErrorCode, Result } from '../../api/result';
import { dispatch } from '../../db/dispatch';
import { all, qb } from '../../db/query';
import { vi as viTexts } from '../../renderer/i18n/vi';
import { ADMIN, cleanup, createOffice, expectOk, manualClock, type TestOffice } from '../support/backend';
import { buildFixture, sampleOf, SAMPLE_NOW, type Fixture } from '../support/call-samples';
import { fuzzCases, fuzzSeed } from '../support/fuzz';

/**
 * Fuzzing the contract (issue #9, "Fuzzing"): every call of api/contract.ts, as a logged-in
 * administrator of an office with records (tests/support/call-samples.ts builds them), through the
 * dispatcher both transports use, with
 *  (a) arbitrary JSON values, and objects with the call's own keys holding arbitrary JSON;
 *  (b) the call's valid sample with one to three of its fields (those it has and those its schema names)
 *      replaced, edited, removed or added to:
 *      empty, blank, 10k–100k character strings, control characters (NUL, BEL, ESC, C1), bidi and
 *      zero-width marks, lone surrogates, mixed scripts (Vietnamese precomposed and decomposed,
 *      Chinese, Arabic, emoji sequences), search and SQL syntax, near-valid dates, ids and codes,
 *      numbers at their extremes (-0, ±1e308, 5e-324, 2^53+2, negative, fractional), null, arrays
 *      where objects are expected and objects where arrays are, prototype keys, deep nesting.
 * The property: the Result is ok or an error with a code of api/result.ts other than `internal`;
 * a validation error names its fields with keys the interface can translate; nothing is logged (the
 * dispatcher logs exactly the unexpected errors); no text in the result holds U+FFFD (no generated
 * text does, so one there is text corrupted on its way through the store).
 *
 * Then, for the calls that create records with free text, what is accepted reads back exactly as
 * sent after the contract's one normalisation, and what is refused is a validation error on that field.
 * Last, no text anywhere in the store holds U+FFFD or a control character the contract refuses.
 *
 * `npm test` runs 30 inputs per call and property, `npm run fuzz` 300, FUZZ_CASES any number
 * (tests/support/fuzz.ts). Each property's seed is FUZZ_SEED × 1000 plus a number of its own, so a run
 * is the same run until FUZZ_SEED changes. A failure prints fast-check's seed, path and counterexample
 * (not shrunk: the office's state moves on with each call); the file run again with the same FUZZ_SEED
 * and FUZZ_CASES replays it, `-t <call>` replays the inputs on a fresh office.
 */
const RUNS = fuzzCases(30, 300);
/** audit.verify walks the whole chain, which grows with every call: about 100 ms a run at 200 runs. */
const CALL_TIMEOUT = Math.max(30_000, RUNS * 2 * 500);
const callNames = Object.keys(contract) as CallName[];

let office: TestOffice;
let fixture: Fixture;
const logged: string[] = [];
/** Outcomes per call and code, printed at the end. */
const tally = new Map<string, number>();

beforeAll(async () => {
  const clock = manualClock(SAMPLE_NOW);
  office = await createOffice({ now: clock.now, log: (message, error) => logged.push(`${message}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`) });
  fixture = await buildFixture(office, { id: office.adminId, username: ADMIN.username, password: ADMIN.password });
}, 120_000);

afterAll(async () => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  const byCode: Record<string, number> = {};
  for (const [key, n] of tally) {
    const code = key.split(' ')[1]!;
    byCode[code] = (byCode[code] ?? 0) + n;
  }
  console.log(`contract fuzz: ${callNames.length} calls, ${total} calls run`, byCode);
  await cleanup();
});

// ---------------------------------------------------------------------------------------------------
// Values

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = readonly (string | number)[];

/** C0 (except tab, line feed, carriage return), DEL and C1: nobody types them; exports drop them. */
const CONTROL = ['\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u001f', '\u007f', '\u0085', '\u009b'];
/** Formatting marks that are text: kept as sent. */
const MARKS = ['\u202e', '\u202d', '\u200e', '\u200f', '\u200b', '\u200d', '\u2066', '\u2069', '\u061c', '\u00ad', '\ufeff', '\u00a0', '\u2028', '\u3000'];
const LONE = ['\ud800', '\udbff', '\udc00', '\udfff'];
const SCRIPTS = [
  'Nguyễn Văn Ánh',
  'Nguyễn Văn Ánh'.normalize('NFD'),
  'Đường dây đánh bạc ở Thôn Đông, xã Quảng Hưng',
  'ĐỖ THỊ HỒNG NHUNG',
  '山田太郎 北京市朝阳区',
  'محمد بن راشد',
  'Алексей Иванов',
  'ภาษาไทย',
  '👮‍♂️🇻🇳💊🧑🏽‍⚖️',
  'e\u0301\u0302\u0323 a\u0300\u0300\u0300\u0300',
  'ǅ ẞ ß İ ı ﬃ',
  'Thôn Đông 山 محمد 👮 e\u0301',
];
const SYNTAX = [
  '"',
  "'",
  '*',
  '%',
  '_',
  '\\',
  'a" OR "b',
  'NEAR(a b)',
  '-a ^b c*',
  "'; DROP TABLE reports; --",
  '${process.exit()}',
  '<script>alert(1)</script>',
  '../../etc/passwd',
  'C:\\fakepath\\x.pdf',
  '{"a":1}',
  'null',
  'NaN',
  '0x10',
  '1e3',
  '__proto__',
  'constructor',
  'toString',
];
const SHAPED = [
  '2026-02-29',
  '2028-02-29',
  '1899-12-31',
  '1900-01-01',
  '2100-12-31',
  '2101-01-01',
  '2026-13-01',
  '2026-00-10',
  '0026-03-10',
  '20266-03-10',
  '2026-3-1',
  '2026-03-10T00:00:00Z',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '01900000-0000-7000-8000-000000000099',
  '01900000-0000-7000-8000-00000000009Z',
  '12345',
  '38',
  '000',
  '99999',
  '0000000000000000',
  'ffffffffffffffff',
  '038090001234',
  '000000000000',
  '1790000000000-00000-aaaa',
  'BC-CAX',
];

const FILL_UNITS = ['x', 'ễ', 'Nguyễn Văn ', '山', '👮', 'e\u0301', ' ', '\u0000', '\n'];
/** `length` UTF-16 units of `unit` repeated (a cut may leave half of a surrogate pair: a boundary too). */
const fill = (unit: string, length: number) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length);

/**
 * No generated text holds U+FFFD, the replacement character: where one shows up in a result or in the
 * store, text was corrupted on its way (a lone surrogate written as UTF-8, a cut multi-byte sequence).
 */
const noReplacement = (text: string) => text.replace(/\ufffd/g, '?');

const longString = fc.tuple(fc.constantFrom(...FILL_UNITS), fc.integer({ min: 10_000, max: 100_000 })).map(([unit, n]) => fill(unit, n));
const oddUnit = fc
  .oneof(
    fc.constantFrom(...CONTROL, ...MARKS, ...LONE, '\t', '\n', '\r'),
    fc.constantFrom(...SCRIPTS),
    fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }),
    fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code)),
  )
  .map(noReplacement);
/** Any JSON, its strings made of the odd characters above. */
const anyJson = (maxDepth: number) => fc.jsonValue({ maxDepth, stringUnit: oddUnit }) as fc.Arbitrary<Json>;
const mixedString = fc.string({ unit: oddUnit, maxLength: 20 });
const boundaryString = fc.oneof(
  fc.constantFrom('', ' ', '   ', '\t', '\n', '\r\n', '\u3000'),
  fc.constantFrom(...SCRIPTS, ...SYNTAX, ...SHAPED),
  longString,
  mixedString,
);

const NUMBERS = [
  0, -0, 1, -1, 0.5, -0.5, 0.1, 1e308, -1e308, 5e-324, -5e-324, Number.MAX_SAFE_INTEGER, 2 ** 53 + 2, -(2 ** 53 + 2), 2 ** 31, 2 ** 31 - 1, -(2 ** 31),
  2 ** 32, 1e15, 1e15 + 2, 1e21, 1899, 1900, 2100, 2101, 8.64e15, 8.64e15 + 1, Date.UTC(1990, 0, 1) - 1, Date.UTC(2200, 0, 1) + 1,
];
const boundaryNumber = fc.oneof(fc.constantFrom(...NUMBERS), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.integer());

/** An array or object nested `depth` times around a string. */
const deepNested = fc.tuple(fc.integer({ min: 20, max: 2_000 }), fc.boolean()).map(([depth, asArray]) => {
  let value: Json = 'x';
  for (let i = 0; i < depth; i += 1) value = asArray ? [value] : { a: value };
  return value;
});

const boundaryValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 5, arbitrary: boundaryString },
  { weight: 3, arbitrary: boundaryNumber },
  { weight: 2, arbitrary: fc.constantFrom<Json>(null, true, false, [], {}, [null], [{}], [[]], { '': '' }, ['x'], [0]) },
  { weight: 1, arbitrary: anyJson(3) },
  { weight: 1, arbitrary: fc.array(boundaryString, { maxLength: 3 }) },
  { weight: 1, arbitrary: deepNested },
);

const EXTRA_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '', ' ', 'id', 'office_id', 'officeId', 'version', 'seq', 'deleted_at', 'created_by', 'userId', 'role', 'admin'];

// ---------------------------------------------------------------------------------------------------
// Mutations of a valid sample, as data so a counterexample reads plainly

/** Edits of the value at a path, by its type. */
const TRANSFORMS = {
  appendNul: (v: Json) => (typeof v === 'string' ? `${v}\u0000` : v),
  prependEsc: (v: Json) => (typeof v === 'string' ? `\u001b[2J${v}` : v),
  rtlOverride: (v: Json) => (typeof v === 'string' ? `\u202e${v}` : v),
  loneSurrogate: (v: Json) => (typeof v === 'string' ? `${v}\ud83d` : v),
  decomposed: (v: Json) => (typeof v === 'string' ? v.normalize('NFD') : v),
  padded: (v: Json) => (typeof v === 'string' ? `  \t${v}\u3000\n` : v),
  upper: (v: Json) => (typeof v === 'string' ? v.toUpperCase() : v),
  doubled: (v: Json) => (typeof v === 'string' ? v + v : v),
  long: (v: Json) => (typeof v === 'string' ? v + fill('ễ', 20_000) : v),
  quoted: (v: Json) => (typeof v === 'string' ? `"${v}*` : v),
  negated: (v: Json) => (typeof v === 'number' ? -v : v),
  plusHalf: (v: Json) => (typeof v === 'number' ? v + 0.5 : v),
  plusOne: (v: Json) => (typeof v === 'number' ? v + 1 : v),
  minusOne: (v: Json) => (typeof v === 'number' ? v - 1 : v),
  huge: (v: Json) => (typeof v === 'number' ? v * 1e12 : v),
  asString: (v: Json) => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : v),
  asNumber: (v: Json) => (typeof v === 'string' ? Number(v) || 0 : v),
  inArray: (v: Json): Json => [v],
  inObject: (v: Json): Json => ({ value: v }),
  asJsonText: (v: Json): Json => JSON.stringify(v),
  emptied: (v: Json): Json => (Array.isArray(v) ? [] : typeof v === 'object' && v !== null ? {} : typeof v === 'string' ? '' : v),
  repeatedArray: (v: Json): Json => (Array.isArray(v) ? Array.from({ length: 600 }, () => v[0] ?? null) : v),
} as const;
type TransformName = keyof typeof TRANSFORMS;

type Mutation =
  | { readonly op: 'set'; readonly path: Path; readonly value: Json }
  | { readonly op: 'edit'; readonly path: Path; readonly how: TransformName }
  | { readonly op: 'delete'; readonly path: Path }
  | { readonly op: 'extra'; readonly at: Path; readonly key: string; readonly value: Json };

const isObject = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every path into a value (object keys and array indexes), the root excluded. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const children: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : isObject(value) ? Object.entries(value) : [];
  return children.flatMap(([key, child]) => [[...prefix, key], ...pathsOf(child, [...prefix, key])]);
}

/** The paths of the objects in a value, the root included when it is one. */
function objectPathsOf(value: unknown): Path[] {
  return [[], ...pathsOf(value)].filter((path) => isObject(getAt(value, path)));
}

function getAt(root: unknown, path: Path): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/** Sets an own property, as JSON.parse would ("__proto__" included), when the parent is still there. */
function setAt(root: Json, path: Path, value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const parent = getAt(root, path.slice(0, -1));
  if (typeof parent !== 'object' || parent === null) return root;
  const key = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete (parent as Record<string | number, unknown>)[key];
  } else {
    Object.defineProperty(parent, key, { value, writable: true, enumerable: true, configurable: true });
  }
  return root;
}

function mutate(sample: unknown, mutations: readonly Mutation[]): Json {
  let root = structuredClone(sample) as Json;
  for (const m of mutations) {
    if (m.op === 'set') root = setAt(root, m.path, m.value);
    else if (m.op === 'delete') root = setAt(root, m.path, undefined);
    else if (m.op === 'edit') {
      const current = getAt(root, m.path);
      if (current !== undefined) root = setAt(root, m.path, TRANSFORMS[m.how](current as Json));
    } else {
      const target = getAt(root, m.at);
      if (isObject(target)) root = setAt(root, [...m.at, m.key], m.value);
    }
  }
  return root;
}

type ZodDef = Record<string, unknown> & { type: string };
const defOf = (schema: unknown) => (schema as { _zod: { def: ZodDef } })._zod.def;

/**
 * Every path the input schema names (object keys, index 0 of arrays, each branch of a union) with the
 * schema found there, so that fields the sample leaves out are fuzzed too.
 */
function schemaPaths(schema: unknown, prefix: Path = [], depth = 0): [Path, unknown][] {
  if (depth > 8) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape as Record<string, unknown>).flatMap(([key, inner]): [Path, unknown][] => [[[...prefix, key], inner], ...schemaPaths(inner, [...prefix, key], depth + 1)]);
    case 'default':
    case 'optional':
    case 'nullable':
    case 'readonly':
      return schemaPaths(def.innerType, prefix, depth);
    case 'pipe':
      return schemaPaths(def.in, prefix, depth);
    case 'array':
      return [[[...prefix, 0], def.element], ...schemaPaths(def.element, [...prefix, 0], depth + 1)];
    case 'union':
      return (def.options as unknown[]).flatMap((option) => schemaPaths(option, prefix, depth));
    default:
      return [];
  }
}

/**
 * Boundary values of the type a schema expects: odd strings for a string, extreme numbers for a number,
 * arrays of the element's boundary values for an array, and so on; where a value of the right type gets
 * past the type check, the handler is what has to cope.
 */
function typedBoundary(schema: unknown, depth = 0): fc.Arbitrary<Json> {
  const def = defOf(schema);
  if (depth > 4) return boundaryValue;
  switch (def.type) {
    case 'string':
      return boundaryString;
    case 'number':
      return boundaryNumber;
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.oneof(fc.constantFrom(...(Object.values(def.entries as Record<string, Json>))), boundaryString);
    case 'literal':
      return fc.constantFrom(...(def.values as Json[]));
    case 'array':
      return fc.array(typedBoundary(def.element, depth + 1), { maxLength: 4 });
    case 'object':
      return fc.record(Object.fromEntries(Object.entries(def.shape as Record<string, unknown>).map(([key, inner]) => [key, typedBoundary(inner, depth + 1)])), { requiredKeys: [] }) as fc.Arbitrary<Json>;
    case 'default':
    case 'optional':
    case 'readonly':
      return typedBoundary(def.innerType, depth);
    case 'nullable':
      return fc.oneof(fc.constant(null), typedBoundary(def.innerType, depth));
    case 'pipe':
      return typedBoundary(def.in, depth);
    case 'union':
      return fc.oneof(...(def.options as unknown[]).map((option) => typedBoundary(option, depth)));
    default:
      return boundaryValue;
  }
}

function mutationsOf(sample: unknown, schema: unknown): fc.Arbitrary<Mutation[]> {
  const byPath = new Map<string, { path: Path; value: fc.Arbitrary<Json> }>();
  for (const [path, inner] of schemaPaths(schema)) {
    if (!byPath.has(JSON.stringify(path))) byPath.set(JSON.stringify(path), { path, value: fc.oneof(typedBoundary(inner), boundaryValue) });
  }
  for (const path of pathsOf(sample)) if (!byPath.has(JSON.stringify(path))) byPath.set(JSON.stringify(path), { path, value: boundaryValue });
  const targets = [...byPath.values()];
  const objects = objectPathsOf(sample);
  const extraKey = fc.oneof(fc.constantFrom(...EXTRA_KEYS), fc.string({ unit: oddUnit, maxLength: 10 }));
  const options: fc.Arbitrary<Mutation>[] = [];
  if (objects.length > 0) options.push(fc.record({ op: fc.constant('extra' as const), at: fc.constantFrom(...objects), key: extraKey, value: boundaryValue }));
  const editable: Path[] = [[], ...targets.map((t) => t.path)];
  options.push(fc.record({ op: fc.constant('edit' as const), path: fc.constantFrom(...editable), how: fc.constantFrom(...(Object.keys(TRANSFORMS) as TransformName[])) }));
  if (targets.length > 0) {
    const setOne = fc.constantFrom(...targets).chain(({ path, value }) => value.map((v): Mutation => ({ op: 'set', path, value: v })));
    options.push(setOne, setOne, setOne, fc.record({ op: fc.constant('delete' as const), path: fc.constantFrom(...targets.map((t) => t.path)) }));
  }
  return fc.array(fc.oneof(...options), { minLength: 1, maxLength: 3 });
}

/** Arbitrary JSON, and objects with the sample's own keys holding arbitrary JSON. */
function jsonInputsOf(sample: unknown): fc.Arbitrary<Json> {
  const keys = isObject(sample) ? Object.keys(sample) : [];
  const json = anyJson(4);
  if (keys.length === 0) return json;
  const shaped = fc.record(Object.fromEntries(keys.map((key) => [key, fc.oneof(json, boundaryValue)])), { requiredKeys: [] }) as fc.Arbitrary<Json>;
  return fc.oneof(json, shaped);
}

// ---------------------------------------------------------------------------------------------------
// The property

const knownKeys = new Set(Object.keys(viTexts));

/** A long text shortened for a message. */
const clip = (text: string) => JSON.stringify(text.length > 100 ? `${text.slice(0, 60)}…(${text.length})…${text.slice(-30)}` : text);

/** Runs one call as the administrator; the session is put back afterwards (logout, lock, a login as someone else). */
async function probe(name: CallName, input: unknown): Promise<Result<unknown>> {
  const session = office.session;
  const loggedBefore = logged.length;
  const result = await dispatch(office.backend, session, name, input);
  session.userId = office.adminId;
  session.locked = false;
  const code: ErrorCode | 'ok' = result.ok ? 'ok' : result.error.code;
  tally.set(`${name} ${code}`, (tally.get(`${name} ${code}`) ?? 0) + 1);
  const detail = result.ok ? '' : `${result.error.message} ${JSON.stringify(result.error.fields ?? {})}`;
  expect(code, `${name} gave ${code}: ${detail}\n${logged.slice(loggedBefore).join('\n')}`).not.toBe('internal');
  expect(logged.slice(loggedBefore), `${name} logged an unexpected error`).toEqual([]);
  if (!result.ok) {
    for (const [path, key] of Object.entries(result.error.fields ?? {})) {
      expect(knownKeys.has(key), `${name}: field ${path} has ${key}, which the interface cannot translate`).toBe(true);
    }
    if (result.error.code === 'validation') expect(Object.keys(result.error.fields ?? {}).length, `${name}: a validation error names no field`).toBeGreaterThan(0);
  }
  // What the transports send back must be plain JSON, and no text in it corrupted.
  const text = JSON.stringify(result);
  expect(text.includes('\ufffd'), `${name}: the result holds U+FFFD: ${clip(text)}`).toBe(false);
  return result;
}

describe(`every call of the contract under ${RUNS} arbitrary JSON inputs and ${RUNS} mutations of its valid sample`, () => {
  it('the fixture office is there', () => {
    expect(fixture.reports.main.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it.each(callNames.map((name, index) => [name, index] as const))('%s', async (name, index) => {
    const sample = sampleOf(name, fixture);
    await fc.assert(
      fc.asyncProperty(jsonInputsOf(sample), async (input) => {
        await probe(name, input);
      }),
      { numRuns: RUNS, seed: fuzzSeed * 1_000 + index * 2, endOnFailure: true },
    );
    await fc.assert(
      fc.asyncProperty(mutationsOf(sample, contract[name].input), async (mutations) => {
        await probe(name, mutate(sample, mutations));
      }),
      { numRuns: RUNS, seed: fuzzSeed * 1_000 + index * 2 + 1, endOnFailure: true },
    );
  }, CALL_TIMEOUT);
});

// ---------------------------------------------------------------------------------------------------
// Free text: kept exactly, or refused on its field

/**
 * The contract's one normalisation of free text (api/fields.ts, requiredText and optionalText): white
 * space at either end is trimmed (String.prototype.trim). Nothing else: no NFC, so "Nguyễn" typed
 * decomposed is kept decomposed (search folds both alike). Limits count code points after the trim
 * (zod counts a surrogate pair as one; "👮" is one, "e\u0301" two). Refused: C0 controls other than tab, line feed and carriage return, DEL, C1 controls, and lone
 * surrogates (SQLite stores text as UTF-8, which has no lone surrogate: it would read back as U+FFFD).
 * Formatting marks (bidi, zero-width, soft hyphen) are text and kept.
 */
// eslint-disable-next-line no-control-regex
const BAD_TEXT = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

interface Limits {
  readonly required: boolean;
  readonly max: number;
}

type Expected = { readonly kept: string } | { readonly refused: string };

function expectedOf(value: string, limits: Limits): Expected {
  const kept = value.trim();
  if (limits.required && kept.length === 0) return { refused: 'v.required' };
  if (Array.from(kept).length > limits.max) return { refused: 'v.too_long' };
  if (BAD_TEXT.test(kept)) return { refused: 'v.bad_chars' };
  return { kept };
}

/** A text field's limits, read from its schema: z.string() with max (and min 1 when required), maybe with a default. */
function limitsOf(schema: unknown): Limits {
  const def = (schema as { _zod: { def: { type: string; innerType?: unknown } } })._zod.def;
  const inner = (def.type === 'default' ? def.innerType : schema) as { minLength: number | null; maxLength: number | null; _zod: { def: { type: string } } };
  if (inner._zod.def.type !== 'string' || inner.maxLength === null) throw new Error('not a text field with a limit');
  return { required: (inner.minLength ?? 0) > 0, max: inner.maxLength };
}

type TextCall = 'reports.create' | 'persons.create' | 'localities.create' | 'hotspots.create';

/** How each create call's record reads back, through the calls the interface uses. */
const readers: Record<TextCall, (created: unknown, field: string) => Promise<unknown>> = {
  'reports.create': async (created, field) => expectOk(await office.call('reports.get', { id: (created as { id: string }).id }))[field as 'summary'],
  'persons.create': async (created, field) => expectOk(await office.call('persons.get', { id: (created as { id: string }).id }))[field as 'fullName'],
  'localities.create': async (created, field) => expectOk(await office.call('localities.list', {})).find((l) => l.id === (created as { id: string }).id)?.[field as 'name'],
  'hotspots.create': async (created, field) => expectOk(await office.call('hotspots.get', { id: (created as { id: string }).id }))[field as 'name'],
};

const TEXT_FIELDS: readonly (readonly [TextCall, string])[] = [
  ['reports.create', 'summary'],
  ['reports.create', 'description'],
  ['reports.create', 'reporterName'],
  ['persons.create', 'fullName'],
  ['persons.create', 'notes'],
  ['localities.create', 'name'],
  ['hotspots.create', 'name'],
  ['hotspots.create', 'description'],
];

const textUnit = fc.oneof(
  { weight: 8, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).map(noReplacement) },
  { weight: 3, arbitrary: fc.constantFrom(...SCRIPTS, ' ', '\t', '\n', '\r\n', '\u3000') },
  { weight: 1, arbitrary: fc.constantFrom(...MARKS) },
  { weight: 1, arbitrary: fc.constantFrom(...CONTROL) },
  { weight: 1, arbitrary: fc.constantFrom(...LONE) },
);

/** `length` code points of `unit` repeated. */
const fillPoints = (unit: string, length: number) => Array.from(unit.repeat(Math.ceil(length / Array.from(unit).length))).slice(0, length).join('');

/** Short mixed text, and text of about the field's limit (a few code points under to a few over, or a cut through a pair). */
function textFor(max: number): fc.Arbitrary<string> {
  const units = ['a', 'ễ', 'e\u0301', '山', '👮', 'Nguyễn Văn Ánh ', 'محمد '];
  const nearLimit = fc
    .tuple(fc.constantFrom(...units), fc.integer({ min: Math.max(0, max - 4), max: max + 4 }), fc.string({ unit: textUnit, maxLength: 2 }), fc.boolean())
    .map(([unit, n, tail, byUnits]) => (byUnits ? fill(unit, n) : fillPoints(unit, n - Array.from(tail).length)) + tail);
  return fc.oneof({ weight: 3, arbitrary: fc.string({ unit: textUnit, maxLength: 40 }) }, { weight: 1, arbitrary: nearLimit });
}

/** Always tried first, for every field: the cases named in issue #9. */
function examplesFor(max: number): string[] {
  const vietnamese = 'Nguyễn Văn Ánh, thôn Đông; ';
  return [
    fill(vietnamese, max),
    fill(vietnamese, max + 1),
    fillPoints('👮', max),
    fillPoints('👮', max + 1),
    fillPoints('👮‍♂️', max),
    fill('👮', 2 * max - 1),
    'Nguyễn Văn Ánh'.normalize('NFD'),
    'Nguyễn Văn Ánh'.normalize('NFC'),
    'Thôn Đông 山 محمد 👮‍♂️🇻🇳 e\u0301',
    '\u202egnp.exe',
    '  \t Tổ dân phố 5 \n\u3000',
    'dòng một\ndòng hai\r\n\tthụt lề',
    'a\u0000b',
    'chuông\u0007',
    '\u001b[31mđỏ',
    'C1\u0085',
    'nửa \ud83d',
    '\udc00 nửa',
    '',
    '   ',
  ];
}

describe(`free text: ${TEXT_FIELDS.length} fields of the calls that create records, ${RUNS} texts each besides the named cases`, () => {
  it('the limits are read from the schemas', () => {
    expect(limitsOf((contract['reports.create'].input as unknown as { shape: Record<string, unknown> }).shape.summary)).toEqual({ required: true, max: 300 });
    expect(limitsOf((contract['reports.create'].input as unknown as { shape: Record<string, unknown> }).shape.description)).toEqual({ required: false, max: 20_000 });
  });

  it.each(TEXT_FIELDS.map(([call, field], index) => [`${call} ${field}`, call, field, index] as const))('%s: accepted text reads back as sent (trimmed), refused text is a validation error on the field', async (_, call, field, index) => {
    const sample = sampleOf(call, fixture);
    const limits = limitsOf((contract[call].input as unknown as { shape: Record<string, unknown> }).shape[field]);
    const check = async (value: string) => {
      const input = setAt(structuredClone(sample) as Json, [field], value);
      const result = await probe(call, input);
      const expected = expectedOf(value, limits);
      const shown = clip(value);
      if ('kept' in expected) {
        if (!result.ok) throw new Error(`${call} ${field}: ${shown} was refused: ${result.error.code} ${JSON.stringify(result.error.fields ?? {})}`);
        const stored = await readers[call](result.value, field);
        if (stored !== expected.kept) throw new Error(`${call} ${field}: ${shown} read back as ${clip(String(stored))}`);
      } else {
        if (result.ok) throw new Error(`${call} ${field}: ${shown} was accepted (read back as ${clip(String(await readers[call](result.value, field)))}); expected ${expected.refused}`);
        expect(result.error.code).toBe('validation');
        expect(result.error.fields).toEqual({ [field]: expected.refused });
      }
    };
    await fc.assert(
      fc.asyncProperty(textFor(limits.max), check),
      { numRuns: RUNS + examplesFor(limits.max).length, seed: fuzzSeed * 1_000 + 500 + index, examples: examplesFor(limits.max).map((value) => [value]), endOnFailure: true },
    );
  }, CALL_TIMEOUT);
});

// eslint-disable-next-line no-control-regex
const CONTROL_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('after all of that', () => {
  it('no text in the store holds U+FFFD or a control character other than tab, line feed and carriage return', () => {
    const sql = office.backend.requireStore().sql;
    const tables = sql.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
    const found: string[] = [];
    let values = 0;
    for (const table of tables) {
      for (const row of all(sql, qb.selectFrom(table as never).selectAll()) as Record<string, unknown>[]) {
        for (const [column, value] of Object.entries(row)) {
          if (typeof value !== 'string') continue;
          values += 1;
          if (value.includes('\ufffd') || CONTROL_CHAR.test(value)) found.push(`${table}.${column}: ${clip(value)}`);
        }
      }
    }
    expect(values).toBeGreaterThan(1_000);
    expect(found).toEqual([]);
  });
});
