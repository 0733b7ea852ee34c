// Parse and validate a scenario file (YAML or JSON). Every user error is an InputError naming
// the file, the line where we can find it, the dotted field, what was expected and what was got.
import { LineCounter, parseDocument, isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from 'yaml';
import { z } from 'zod';
import { InputError, formatPath, fromZodError, jsonSyntaxProblem, shortValue } from '../errors.js';
import type { Io } from '../io.js';
import { GRID_REGIONS, lookupGrid } from '../data/grid.js';
import { Scenario } from './schema.js';
import { suggest } from './suggest.js';

type Issue = z.core.$ZodIssue;
type Path = PropertyKey[];

/**
 * Bounds on a scenario (a few kB in practice: the examples are 2 kB), checked before and while
 * parsing so a crafted file is an exit-2 message at once, never a hang, a 4 GB heap or a crash:
 * size (YAML parsing costs up to ~2 µs a byte: 64 KiB is a tenth of a second, 30× the examples),
 * nesting depth (the YAML library recurses), keys per mapping, items per list.
 */
export const SCENARIO_LIMITS = { bytes: 64 * 1024, depth: 64, keysPerMap: 256, itemsPerList: 10_000 } as const;

/** Parse scenario text; `file` is used for messages and to pick JSON (`.json`) or YAML. */
export function parseScenario(text: string, file: string): Scenario {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > SCENARIO_LIMITS.bytes) {
    throw new InputError({ code: 'FILE_TOO_LARGE', file, expected: `a scenario of at most ${SCENARIO_LIMITS.bytes >> 10} KiB`, got: `${bytes} bytes` });
  }
  checkNesting(text, file);
  const { data, locate } = parseText(text, file);
  if (data === null || data === undefined || typeof data !== 'object' || Array.isArray(data)) {
    // The file is not a scenario (perhaps not even meant as one): say what it is, never quote it.
    throw new InputError({
      code: 'SCENARIO_INVALID',
      file,
      expected: 'a mapping of scenario keys (name, functional_unit, deployment, hardware, stages, ...)',
      got: data === null || data === undefined ? 'an empty document' : Array.isArray(data) ? 'a list' : `a single ${typeof data} value`,
    });
  }
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) {
    const issue = pickIssue(parsed.error.issues as Issue[], data);
    if (issue.code === 'invalid_key') {
      // A record key (stage name) that fails its pattern: name the key, not its value.
      const key = String(issue.path[issue.path.length - 1] ?? '');
      throw new InputError({
        code: 'SCENARIO_INVALID',
        file,
        line: locate(issue.path as Path, true),
        field: formatPath(issue.path as Path),
        expected: issue.path[0] === 'stages' ? 'a stage name of 1–40 letters, digits, "_" or "-"' : 'a valid key',
        got: shortValue(key),
      });
    }
    if (issue.code === 'unrecognized_keys' && issue.path[0] === 'budgets' && keysAt(issue.path as Path).includes(issue.keys[0] ?? '')) {
      // A key of another budget kind (`max` next to `max_increase_pct`): name the kinds.
      const key = issue.keys[0] ?? '';
      throw new InputError({
        code: 'SCENARIO_UNKNOWN_KEY',
        file,
        line: locate([...(issue.path as Path), key], true),
        field: formatPath([...(issue.path as Path), key]),
        expected:
          'the keys of one budget kind: absolute {metric, max, warn}, regression {metric, max_increase_pct, warn_increase_pct} or period {scope, team, period, metric, max, warn}',
        got: `${JSON.stringify(key)} mixed with keys of another kind`,
        hint: 'split it into two budgets',
      });
    }
    const err = fromZodError(new z.ZodError([issue]), {
      file,
      input: data,
      suggest: (key, path) =>
        suggest(
          key,
          keysAt(path).filter((k) => k !== key),
        ),
    });
    const keyPath = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0] ?? ''] : issue.path;
    return rethrowWithLine(err, locate(keyPath as Path, issue.code === 'unrecognized_keys'));
  }
  checkSemantics(parsed.data, file, locate);
  return parsed.data;
}

/**
 * The line of a dotted field (`stages.training.logs[0]`) in scenario text, for errors found
 * after parsing (unknown hardware, a log glob that matches nothing); undefined when not found.
 */
export function locateField(text: string, file: string, field: string): number | undefined {
  try {
    const path: Path = [];
    for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) path.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
    return parseText(text, file).locate(path);
  } catch {
    return undefined;
  }
}

/** Read and parse a scenario file through `io` (FILE_NOT_FOUND names the file). */
export async function loadScenario(file: string, io: Io): Promise<Scenario> {
  const text = await io.readText(file, { maxBytes: SCENARIO_LIMITS.bytes });
  return parseScenario(text, file);
}

// ---------------------------------------------------------------- text -> unknown + locator

type Locate = (path: Path, key?: boolean) => number | undefined;

function isJsonFile(file: string, text: string): boolean {
  if (/\.json$/i.test(file)) return true;
  if (/\.ya?ml$/i.test(file)) return false;
  return /^\s*\{/.test(text);
}

function parseText(text: string, file: string): { data: unknown; locate: Locate } {
  const lineCounter = new LineCounter();
  if (isJsonFile(file, text)) {
    let data: unknown;
    try {
      data = JSON.parse(text) as unknown;
    } catch (e) {
      const { line, problem } = jsonSyntaxProblem(e, text);
      throw new InputError({ code: 'SCENARIO_SYNTAX', file, line, expected: 'valid JSON', got: problem });
    }
    // JSON is (nearly) YAML 1.2: the YAML CST finds the lines of fields and duplicate keys
    // (JSON.parse keeps the last silently); best effort if the YAML parser disagrees.
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    if (doc.errors.length) {
      checkValue(data, file);
      return { data, locate: () => undefined };
    }
    checkStructure(doc, lineCounter, file, 'JSON');
    return { data, locate: locator(doc, lineCounter) };
  }
  // uniqueKeys off: the library's check compares every key with every other (80,000 keys: 33 s);
  // checkStructure does it with a Set.
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const first = doc.errors[0];
  if (first) {
    const line = first.linePos?.[0]?.line ?? lineCounter.linePos(first.pos[0]).line;
    throw new InputError({
      code: 'SCENARIO_SYNTAX',
      file,
      line,
      expected: 'valid YAML',
      got: yamlProblem(first.code, first.message),
    });
  }
  checkStructure(doc, lineCounter, file, 'YAML');
  let data: unknown;
  try {
    // maxAliasCount: an alias bomb (anchors of anchors) expands exponentially.
    data = doc.toJS({ maxAliasCount: 100 }) as unknown;
  } catch (e) {
    if (!(e instanceof ReferenceError || e instanceof RangeError)) throw e;
    throw new InputError({
      code: 'SCENARIO_SYNTAX',
      file,
      expected: 'YAML whose aliases (*name) expand to a bounded document',
      got: e instanceof ReferenceError ? 'aliases that expand without bound (or an alias to an undefined anchor)' : 'a document too deeply nested',
    });
  }
  return { data, locate: locator(doc, lineCounter) };
}

/**
 * Flow nesting (`[[[[…`) deeper than SCENARIO_LIMITS.depth, counted over the raw text before any
 * parser recurses into it. Brackets inside strings count too: harmless, as no real scenario
 * comes near the limit.
 */
function checkNesting(text: string, file: string): void {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 91 || c === 123) {
      if (++depth > SCENARIO_LIMITS.depth) {
        throw new InputError({
          code: 'SCENARIO_SYNTAX',
          file,
          line: text.slice(0, i).split('\n').length,
          expected: `nesting at most ${SCENARIO_LIMITS.depth} levels deep`,
          got: 'deeper nesting of [ or {',
        });
      }
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
}

/**
 * One linear walk over the parsed document: duplicate keys (an error in YAML, and in JSON too,
 * where JSON.parse would keep the last silently), `__proto__` as a key (a JavaScript object
 * cannot hold it as data: it would vanish or change the object's prototype), keys per mapping,
 * items per list, depth (block indentation nests without brackets).
 */
function checkStructure(doc: Document, lc: LineCounter, file: string, syntax: 'YAML' | 'JSON'): void {
  const fail = (node: { range?: [number, number, number] | null | undefined } | null | undefined, expected: string, got: string): never => {
    const at = node?.range?.[0];
    throw new InputError({ code: 'SCENARIO_SYNTAX', file, line: at === undefined ? undefined : lc.linePos(at).line, expected, got });
  };
  const walk = (node: unknown, depth: number): void => {
    if (depth > SCENARIO_LIMITS.depth) fail(node as Node, `nesting at most ${SCENARIO_LIMITS.depth} levels deep`, 'deeper nesting');
    if (isMap(node)) {
      if (node.items.length > SCENARIO_LIMITS.keysPerMap) fail(node, `at most ${SCENARIO_LIMITS.keysPerMap} keys in one mapping`, `${node.items.length} keys`);
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key)) {
          const k = String(key.value);
          if (seen.has(k)) fail(key, `valid ${syntax}`, 'a duplicate key (map keys must be unique)');
          seen.add(k);
          if (k === '__proto__') fail(key, 'keys other than __proto__', 'the key "__proto__"');
        }
        walk(pair.value, depth + 1);
      }
    } else if (isSeq(node)) {
      if (node.items.length > SCENARIO_LIMITS.itemsPerList)
        fail(node, `at most ${SCENARIO_LIMITS.itemsPerList} items in one list`, `${node.items.length} items`);
      for (const item of node.items) walk(item, depth + 1);
    } else if (isPair(node)) {
      walk(node.value, depth + 1);
    } else if (isAlias(node)) {
      // Expanded (and bounded) by toJS.
    }
  };
  walk(doc.contents, 0);
}

/** The same bounds on an already parsed value (JSON the YAML parser could not read). */
function checkValue(data: unknown, file: string): void {
  const fail = (expected: string, got: string): never => {
    throw new InputError({ code: 'SCENARIO_SYNTAX', file, expected, got });
  };
  const walk = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object') return;
    if (depth > SCENARIO_LIMITS.depth) fail(`nesting at most ${SCENARIO_LIMITS.depth} levels deep`, 'deeper nesting');
    if (Array.isArray(v)) {
      if (v.length > SCENARIO_LIMITS.itemsPerList) fail(`at most ${SCENARIO_LIMITS.itemsPerList} items in one list`, `${v.length} items`);
      for (const x of v) walk(x, depth + 1);
      return;
    }
    const keys = Object.keys(v);
    if (keys.length > SCENARIO_LIMITS.keysPerMap) fail(`at most ${SCENARIO_LIMITS.keysPerMap} keys in one mapping`, `${keys.length} keys`);
    if (Object.hasOwn(v, '__proto__')) fail('keys other than __proto__', 'the key "__proto__"');
    for (const k of keys) walk((v as Record<string, unknown>)[k], depth + 1);
  };
  walk(data, 0);
}

function yamlProblem(code: string, message: string): string {
  const head = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  if (code === 'DUPLICATE_KEY') return 'a duplicate key (map keys must be unique)';
  if (code === 'RESOURCE_EXHAUSTION') return 'a document too large or too deeply nested to read';
  return head.charAt(0).toLowerCase() + head.slice(1);
}

/** Line of the node at `path` (or of the key itself when `key`), 1-based. */
function locator(doc: Document, lc: LineCounter): Locate {
  return (path, key = false) => {
    try {
      for (let n = path.length; n >= 0; n--) {
        const p = path.slice(0, n);
        if (key && n === path.length && p.length > 0) {
          const parent = doc.getIn(p.slice(0, -1), true);
          if (isMap(parent)) {
            const last = String(p[p.length - 1]);
            const pair = parent.items.find((it) => isPair(it) && isScalar(it.key) && String(it.key.value) === last);
            const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
            if (range) return lc.linePos(range[0]).line;
          }
          continue;
        }
        const node = p.length === 0 ? doc.contents : doc.getIn(p, true);
        const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
        if (range) return lc.linePos(range[0]).line;
      }
    } catch {
      return undefined;
    }
    return undefined;
  };
}

function rethrowWithLine(err: InputError, line: number | undefined): never {
  if (line === undefined || err.line !== undefined) throw err;
  throw new InputError({
    code: err.code,
    file: err.file,
    line,
    field: err.field,
    expected: err.expected,
    got: err.got,
    hint: err.hint,
  });
}

// ---------------------------------------------------------------- zod issue selection

/**
 * The issue to show: the user fixes one thing at a time. Unions (budgets) are unwrapped to the
 * branch that fits the input best; an unknown key wins over a missing one, because a typo
 * (`maxx`) causes both and the unknown key is the cause.
 */
function pickIssue(issues: readonly Issue[], input: unknown): Issue {
  const flat = issues.flatMap((i) => flatten(i, input));
  return flat.find((i) => i.code === 'unrecognized_keys') ?? flat[0] ?? issues[0]!;
}

function flatten(issue: Issue, input: unknown): Issue[] {
  if (issue.code !== 'invalid_union' || !('errors' in issue) || issue.errors.length === 0) return [issue];
  const value = valueAt(input, issue.path as Path);
  const keys = value && typeof value === 'object' ? Object.keys(value) : [];
  let best: { issues: Issue[]; known: number } | undefined;
  for (const branch of issue.errors as Issue[][]) {
    const unknown = new Set(branch.flatMap((i) => (i.code === 'unrecognized_keys' && i.path.length === 0 ? i.keys : [])));
    const known = keys.filter((k) => !unknown.has(k)).length;
    // Prefer the branch that knows most of the given keys, then the one with fewest issues;
    // ties go to the later branch (AbsoluteBudget, the most common, is last).
    if (!best || known > best.known || (known === best.known && branch.length <= best.issues.length)) {
      best = { issues: branch, known };
    }
  }
  const chosen = best?.issues ?? [];
  return chosen.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] } as Issue, input));
}

function valueAt(root: unknown, path: Path): unknown {
  let cur = root;
  for (const p of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[p];
  }
  return cur;
}

// ---------------------------------------------------------------- allowed keys at a path

interface SchemaLike {
  _zod: {
    def: {
      type: string;
      shape?: Record<string, SchemaLike>;
      innerType?: SchemaLike;
      element?: SchemaLike;
      valueType?: SchemaLike;
      options?: SchemaLike[];
      in?: SchemaLike;
    };
  };
}

/** Keys an object accepts at `path` of the Scenario schema (union branches merged). */
export function keysAt(path: ReadonlyArray<PropertyKey>): string[] {
  let nodes: SchemaLike[] = [Scenario as unknown as SchemaLike];
  for (const p of path) {
    nodes = nodes.flatMap(unwrap).flatMap((n) => {
      const d = n._zod.def;
      if (d.type === 'object' && d.shape) return typeof p === 'string' && d.shape[p] ? [d.shape[p]] : [];
      if (d.type === 'record' && d.valueType) return [d.valueType];
      if (d.type === 'array' && d.element) return [d.element];
      return [];
    });
  }
  const keys = new Set<string>();
  for (const n of nodes.flatMap(unwrap)) {
    const d = n._zod.def;
    if (d.type === 'object' && d.shape) for (const k of Object.keys(d.shape)) keys.add(k);
  }
  return [...keys];
}

function unwrap(n: SchemaLike): SchemaLike[] {
  const d = n._zod.def;
  if ((d.type === 'optional' || d.type === 'default' || d.type === 'nullable' || d.type === 'prefault') && d.innerType) return unwrap(d.innerType);
  if (d.type === 'pipe' && d.in) return unwrap(d.in);
  if (d.type === 'union' && d.options) return d.options.flatMap(unwrap);
  return [n];
}

// ---------------------------------------------------------------- checks zod cannot express

function checkSemantics(s: Scenario, file: string, locate: Locate): void {
  const region = s.grid.region;
  if (region !== undefined && s.grid.intensity_g_per_kwh === undefined && lookupGrid(region) === null) {
    const hint = suggest(region, GRID_REGIONS);
    throw new InputError({
      code: 'SCENARIO_INVALID',
      file,
      line: locate(['grid', 'region']),
      field: 'grid.region',
      expected: 'a known region (ISO country like US or FR, subdivision like CA-QC, or cloud region like aws:us-east-1), or grid.intensity_g_per_kwh',
      got: shortValue(region),
      hint: hint ? `did you mean "${hint}"?` : undefined,
    });
  }
  const lo = s.grid.intensity_low_g_per_kwh;
  const hi = s.grid.intensity_high_g_per_kwh;
  const mid = s.grid.intensity_g_per_kwh;
  if (mid !== undefined && ((lo !== undefined && lo > mid) || (hi !== undefined && hi < mid))) {
    const field = lo !== undefined && lo > mid ? 'grid.intensity_low_g_per_kwh' : 'grid.intensity_high_g_per_kwh';
    throw new InputError({
      code: 'SCENARIO_INVALID',
      file,
      line: locate(field.split('.')),
      field,
      expected: `intensity_low_g_per_kwh <= intensity_g_per_kwh (${mid}) <= intensity_high_g_per_kwh`,
      got: String(field.endsWith('low_g_per_kwh') ? lo : hi),
    });
  }
  for (const [name, stage] of Object.entries(s.stages)) {
    if (stage.logs !== undefined && stage.logs.length === 0 && stage.energy_kwh === undefined && stage.hours === undefined && !stage.prometheus) {
      throw new InputError({
        code: 'SCENARIO_INVALID',
        file,
        line: locate(['stages', name, 'logs']),
        field: formatPath(['stages', name, 'logs']),
        expected: 'at least one log glob (or energy_kwh, or hours)',
        got: '[]',
      });
    }
  }
}
