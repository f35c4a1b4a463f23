// `npm run docs:schemas`: rewrites docs/*.schema.json from the zod schemas. The test in
// lib/formats fails until they are rewritten after a schema change.
import fs from 'node:fs';
import path from 'node:path';
import { FORMAT_SCHEMAS, formatJsonSchemaText, type FormatName } from '../lib/formats/format-json-schemas';

const docs = path.join(import.meta.dirname, '..', 'docs');
for (const name of Object.keys(FORMAT_SCHEMAS) as FormatName[]) {
  const file = path.join(docs, `${name}.schema.json`);
  fs.writeFileSync(file, formatJsonSchemaText(name));
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
}
