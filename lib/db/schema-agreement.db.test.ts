import fs from 'node:fs';
import path from 'node:path';
import wasm from '@prisma/prisma-schema-wasm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from './test-database';

// Proves that the hand-written SQL migrations build exactly the database that
// prisma/schema.prisma describes, by reading Prisma's own datamodel (DMMF) and the catalog.

type DmmfField = {
  name: string;
  kind: 'scalar' | 'object' | 'enum';
  type: string;
  isList: boolean;
  isRequired: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  isUpdatedAt: boolean;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
};
type DmmfModel = { name: string; fields: DmmfField[] };
type DmmfIndex = { model: string; type: 'id' | 'unique' | 'normal'; fields: { name: string }[] };
type Datamodel = { models: DmmfModel[]; enums: { name: string; values: { name: string }[] }[]; indexes: DmmfIndex[] };

const schemaText = fs.readFileSync(path.join(process.cwd(), 'prisma', 'schema.prisma'), 'utf8');
const datamodel = (JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: schemaText }))) as { datamodel: Datamodel }).datamodel;

const SCALAR_TYPES: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  Float: 'double precision',
  BigInt: 'bigint',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
};

function expectedDefault(field: DmmfField): string | null {
  const value = field.default;
  if (!field.hasDefaultValue || value === undefined) return null;
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const fn = (value as { name: string }).name;
    return fn === 'now' ? 'CURRENT_TIMESTAMP' : null; // uuid()/cuid() are made by the client
  }
  if (Array.isArray(value)) return 'ARRAY[]::text[]';
  if (typeof value === 'string') return field.kind === 'enum' ? `'${value}'::"${field.type}"` : `'${value}'::text`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new Error(`${field.name}: a default the test does not know, ${JSON.stringify(value)}`);
}

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => db?.drop());

describe('schema.prisma and the migrations agree', () => {
  test('tables', async () => {
    const rows = await db.sql.query<{ table_name: string }>(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> '_prisma_migrations'`,
    );
    expect(rows.map((r) => r.table_name).sort()).toEqual(datamodel.models.map((m) => m.name).sort());
  });

  test('enums and their values', async () => {
    const rows = await db.sql.query<{ typname: string; labels: string[] }>(
      `SELECT t.typname::text AS typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
         FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname`,
    );
    const actual = Object.fromEntries(rows.map((r) => [r.typname, r.labels]));
    const expected = Object.fromEntries(datamodel.enums.map((e) => [e.name, e.values.map((v) => v.name)]));
    expect(actual).toEqual(expected);
  });

  test('columns: type, nullability, default', async () => {
    const rows = await db.sql.query<{ table_name: string; column_name: string; type: string; not_null: boolean; default: string | null }>(
      `SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
              a.attnotnull AS not_null, pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a
         JOIN pg_class c ON c.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
          AND c.relname <> '_prisma_migrations'`,
    );
    const actual = rows.map((r) => `${r.table_name}.${r.column_name} ${r.type}${r.not_null ? ' not null' : ''} default=${r.default}`).sort();
    const expected = datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind !== 'object')
          .map((f) => {
            const base = f.kind === 'enum' ? `"${f.type}"` : SCALAR_TYPES[f.type];
            const type = f.isList ? `${base}[]` : base;
            const notNull = f.isRequired || f.isList;
            return `${model.name}.${f.name} ${type}${notNull ? ' not null' : ''} default=${expectedDefault(f)}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  test('primary keys, unique constraints and indexes', async () => {
    const rows = await db.sql.query<{ table_name: string; is_primary: boolean; is_unique: boolean; columns: string[] }>(
      `SELECT t.relname AS table_name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
              array_agg(a.attname::text ORDER BY k.ord) AS columns
         FROM pg_index ix
         JOIN pg_class t ON t.oid = ix.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
         CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
         JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'
        GROUP BY t.relname, ix.indexrelid, ix.indisprimary, ix.indisunique`,
    );
    const kind = (primary: boolean, unique: boolean) => (primary ? 'id' : unique ? 'unique' : 'normal');
    const actual = rows.map((r) => `${r.table_name} ${kind(r.is_primary, r.is_unique)} (${r.columns.join(',')})`).sort();
    const expected = datamodel.indexes.map((i) => `${i.model} ${i.type} (${i.fields.map((f) => f.name).join(',')})`).sort();
    expect(actual).toEqual(expected);
  });

  test('foreign keys and their ON DELETE', async () => {
    const rows = await db.sql.query<{ table_name: string; columns: string[]; target: string; target_columns: string[]; on_delete: string }>(
      `SELECT c.conrelid::regclass::text AS table_name,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.conkey) WITH ORDINALITY k(n, ord)
                 JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n) AS columns,
              c.confrelid::regclass::text AS target,
              (SELECT array_agg(a.attname::text ORDER BY k.ord) FROM unnest(c.confkey) WITH ORDINALITY k(n, ord)
                 JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n) AS target_columns,
              c.confdeltype AS on_delete
         FROM pg_constraint c WHERE c.contype = 'f'`,
    );
    const action: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };
    const unquote = (s: string) => s.replace(/"/g, '');
    const actual = rows.map((r) => `${unquote(r.table_name)}(${r.columns.join(',')}) -> ${unquote(r.target)}(${r.target_columns.join(',')}) ${action[r.on_delete]}`).sort();
    const expected = datamodel.models
      .flatMap((model) =>
        model.fields
          .filter((f) => f.kind === 'object' && f.relationFromFields && f.relationFromFields.length > 0)
          .map((f) => {
            const onDelete = f.relationOnDelete ?? (f.isRequired ? 'Restrict' : 'SetNull');
            return `${model.name}(${f.relationFromFields!.join(',')}) -> ${f.type}(${f.relationToFields!.join(',')}) ${onDelete}`;
          }),
      )
      .sort();
    expect(actual).toEqual(expected);
  });

  test('migrations are recorded as prisma migrate deploy records them', async () => {
    const rows = await db.sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    const dirs = fs.readdirSync(path.join(process.cwd(), 'prisma', 'migrations')).sort();
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).not.toBeNull();
      expect(row.applied_steps_count).toBe(1);
    }
  });
});
