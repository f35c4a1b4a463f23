// Arbitraries for property tests that try hostile input at a boundary: valid documents with one
// part broken (a value swapped for anything, a key removed, a number out of range, a prototype
// key), and texts with one edit (cut, inserted junk, repeated slice). Test support only.
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Every path to a value inside `doc` (arrays and objects included), root first. */
export function jsonPaths(doc: unknown, limit = 5_000): (string | number)[][] {
  const paths: (string | number)[][] = [[]];
  for (let i = 0; i < paths.length && paths.length < limit; i++) {
    let node: unknown = doc;
    for (const key of paths[i]) node = (node as Record<string | number, unknown>)[key];
    if (Array.isArray(node)) node.forEach((_, k) => paths.push([...paths[i], k]));
    else if (node && typeof node === 'object') for (const key of Object.keys(node)) paths.push([...paths[i], key]);
  }
  return paths;
}

const HOSTILE_VALUES: unknown[] = [
  null,
  '',
  ' ',
  -1,
  0,
  1e308,
  -1e308,
  2_000_000_000,
  2 ** 53 + 1,
  0.1,
  '1e999',
  'NaN',
  true,
  [],
  {},
  'x'.repeat(5_000),
  '=HYPERLINK("http://example.invalid")',
  '__proto__',
  '../../etc/passwd',
  '\u0000',
  '\uFFFD',
  { __proto__: null, polluted: true },
];

type JsonMutation = { path: (string | number)[]; op: 'replace' | 'delete' | 'proto-key' | 'duplicate'; value: unknown };

/** Applies one mutation to a deep copy of `doc` (a JSON value). */
function applyMutation(doc: unknown, mutation: JsonMutation): unknown {
  const copy = doc === undefined ? undefined : (JSON.parse(JSON.stringify(doc)) as Json);
  const { path, op, value } = mutation;
  if (path.length === 0) return op === 'replace' ? value : copy;
  // An earlier mutation may have removed or replaced part of the path: then this one does nothing.
  const isContainer = (v: unknown): v is Record<string | number, unknown> => v !== null && typeof v === 'object';
  let parent: unknown = copy;
  for (const key of path.slice(0, -1)) {
    if (!isContainer(parent)) return copy;
    parent = parent[key];
  }
  if (!isContainer(parent)) return copy;
  const last = path[path.length - 1];
  const container = parent;
  switch (op) {
    case 'replace':
      container[last] = value;
      break;
    case 'delete':
      if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete container[last];
      break;
    case 'proto-key':
      // A key named __proto__ as JSON.parse would produce it: an own property, not the prototype.
      if (container[last] && typeof container[last] === 'object' && !Array.isArray(container[last])) {
        Object.defineProperty(container[last], '__proto__', { value, enumerable: true, configurable: true, writable: true });
      } else container[last] = value;
      break;
    case 'duplicate':
      if (Array.isArray(container)) container.splice(Number(last), 0, JSON.parse(JSON.stringify(container[last] ?? null)));
      else container[last] = [container[last], container[last]];
      break;
  }
  return copy;
}

/** A valid document with one part broken; `paths` precomputed from the document. */
export function mutatedJson(doc: unknown, paths = jsonPaths(doc)): fc.Arbitrary<unknown> {
  const value = fc.oneof(fc.constantFrom(...HOSTILE_VALUES), fc.jsonValue({ maxDepth: 2 }), fc.anything({ maxDepth: 2 }));
  const mutation = fc.record({
    path: fc.constantFrom(...paths),
    op: fc.constantFrom<JsonMutation['op']>('replace', 'replace', 'delete', 'proto-key', 'duplicate'),
    value,
  });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce<unknown>((d, m) => applyMutation(d, m), doc));
}

/** A text with one to three edits: cut short, junk inserted, a slice repeated or removed. */
export function mutatedText(text: string): fc.Arbitrary<string> {
  const junk = fc.oneof(
    fc.string({ maxLength: 40 }),
    fc.constantFrom(
      '"',
      '""""""""',
      '<',
      '</',
      '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
      '&a;',
      '\u0000',
      '\r',
      '\n\n',
      '[',
      '{',
      '- ',
      ': ',
      '&anchor',
      '*anchor',
      '!!js/function',
      ',',
      ';',
      '=cmd|"/c calc"!A1',
      '\uFEFF',
      '\uD800',
    ),
  );
  const edit = fc.record({ at: fc.nat({ max: Math.max(0, text.length) }), len: fc.nat({ max: 200 }), op: fc.constantFrom('cut', 'insert', 'repeat', 'remove'), junk });
  return fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
    edits.reduce((t, e) => {
      const at = Math.min(e.at, t.length);
      switch (e.op) {
        case 'cut':
          return t.slice(0, at);
        case 'insert':
          return t.slice(0, at) + e.junk + t.slice(at);
        case 'repeat':
          return t.slice(0, at + e.len) + t.slice(at, at + e.len) + t.slice(at + e.len);
        default:
          return t.slice(0, at) + t.slice(at + e.len);
      }
    }, text),
  );
}

/** Whether a message reads as written for a person: not empty, no code or object dump. */
export function isReadableMessage(message: unknown): boolean {
  return typeof message === 'string' && message.trim().length > 0 && !/\[object Object\]|\n\s+at .+:\d+:\d+|TypeError|ReferenceError|Cannot read properties/.test(message);
}

/** Any NaN or ±Infinity inside a planned value (they would be written as junk or fail later). */
export function findNonFinite(value: unknown, path = '$'): string | null {
  if (typeof value === 'number') return Number.isFinite(value) ? null : path;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findNonFinite(value[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [k, v] of Object.entries(value)) {
      const found = findNonFinite(v, `${path}.${k}`);
      if (found) return found;
    }
  }
  return null;
}
