import { LineCounter, parseAllDocuments } from 'yaml';
import { importError } from '../import-input';

/**
 * Every document of a YAML stream as plain data, parsed defensively: aliases are capped (no
 * "billion laughs"), only the core schema is understood and any explicit tag other than the
 * standard ones (`!!js/function`, `!Ref`, …) is refused, so nothing but data comes out.
 * Errors name the line.
 */
export function parseYamlDocuments(text: string): unknown[] {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', strict: true });
  const list = Array.isArray(docs) ? docs : [docs];
  const out: unknown[] = [];
  for (const doc of list) {
    const problem = doc.errors[0] ?? doc.warnings.find((w) => w.code === 'TAG_RESOLVE_FAILED' || /tag/i.test(w.message));
    if (problem) {
      const line = lineCounter.linePos(problem.pos[0]).line;
      throw importError(
        `line ${line}`,
        problem.code === 'TAG_RESOLVE_FAILED' || /tag/i.test(problem.message) ? `unsupported YAML tag (${firstLine(problem.message)})` : firstLine(problem.message),
      );
    }
    const unsafeTags: string[] = [];
    if (doc.contents) visitTags(doc.contents, (tag) => unsafeTags.push(tag));
    if (unsafeTags.length) throw importError(null, `unsupported YAML tag ${unsafeTags[0]}: only plain data is accepted`);
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 50 });
    } catch (error) {
      throw importError(null, `the YAML could not be read: ${firstLine((error as Error).message)}`);
    }
    if (value !== null && value !== undefined) out.push(value);
  }
  return out;
}

const STANDARD_TAGS = new Set([
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
  '!',
]);

function visitTags(node: unknown, found: (tag: string) => void) {
  if (!node || typeof node !== 'object') return;
  const n = node as { tag?: string; items?: unknown[]; key?: unknown; value?: unknown };
  if (n.tag && !STANDARD_TAGS.has(n.tag)) found(n.tag);
  if (Array.isArray(n.items)) for (const item of n.items) visitTags(item, found);
  if ('key' in n) visitTags(n.key, found);
  if ('value' in n) visitTags(n.value, found);
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/\s+at line \d+, column \d+:?$/, '');
}
