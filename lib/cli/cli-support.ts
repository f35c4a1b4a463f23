import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { ZodError } from 'zod';
import { closeDatabase, getDatabase, type Database } from '@/lib/db';
import { translatePrismaError } from '@/lib/db/translate-prisma-error';
import { isDomainError } from '@/lib/errors';
import { decodeUtf8 } from '@/lib/importers/decode-utf8';
import { MAX_IMPORT_BYTES } from '@/lib/importers/import-input';
import type { CliIo } from './main';

/** A mistake of the person at the keyboard: printed as one line, exit code 2. */
export class UsageError extends Error {}

export type Flags = { positional: string[]; values: Map<string, string>; switches: Set<string> };

/** `--name value`, `--name=value`; names in `switchNames` take no value. */
export function parseFlags(argv: string[], known: readonly string[], switchNames: readonly string[] = []): Flags {
  const positional: string[] = [];
  const values = new Map<string, string>();
  const switches = new Set<string>();
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg.startsWith('--') && arg.length > 2) {
      const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
      if (switchNames.includes(name)) {
        switches.add(name);
        continue;
      }
      if (!known.includes(name)) throw new UsageError(`unknown option --${name}${known.length ? ` (options: ${[...known, ...switchNames].map((n) => `--${n}`).join(' ')})` : ''}`);
      const value = inline ?? argv[++k];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      values.set(name, value);
    } else positional.push(arg);
  }
  return { positional, values, switches };
}

export const kebab = (camel: string) => camel.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
export const camel = (kebabName: string) => kebabName.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

/**
 * Reads a stream up to `maxBytes`, and stops pulling as soon as it has more: an endless or huge
 * input is refused after the limit, never buffered whole.
 */
export async function readLimited(source: AsyncIterable<Uint8Array> | Iterable<Uint8Array>, maxBytes: number, what: string): Promise<Buffer> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    // Leaving the loop early returns the iterator, which closes a file stream.
    if (size > maxBytes) throw new UsageError(`${what}: larger than ${maxBytes} bytes (${(maxBytes / 1024 / 1024).toFixed(0)} MiB), the limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A file read up to a limit: its size is checked first when it has one (a regular file), and
 * the read itself stops at the limit (pipes and devices report no size). */
async function readFileLimited(file: string, maxBytes: number): Promise<Buffer> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (error) {
    throw new UsageError(`${file}: cannot read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  if (size > maxBytes) throw new UsageError(`${file}: input is ${size} bytes; the limit is ${maxBytes} (${(maxBytes / 1024 / 1024).toFixed(0)} MiB)`);
  return readLimited(createReadStream(file), maxBytes, file);
}

/** A file's text: size-limited, and refused unless it is UTF-8 (the offset of the first bad byte). */
export async function readTextFile(file: string, maxBytes: number): Promise<string> {
  const bytes = await readFileLimited(file, maxBytes);
  try {
    return decodeUtf8(bytes, file);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads a file for import, refusing one above the upload limit before reading it. */
export async function readImportFile(file: string): Promise<Buffer> {
  return readFileLimited(file, MAX_IMPORT_BYTES);
}

/**
 * Runs a command against the app's database (DATABASE_URL, else the embedded one) and turns
 * expected failures into one line on stderr with exit code 2: bad input, unknown names, a
 * database held by another process. Anything else is a bug: exit 1 with the stack.
 */
export async function withDatabase(io: CliIo, prefix: string, fn: (database: Database) => Promise<number>): Promise<number> {
  try {
    const database = await getDatabase();
    return await fn(database);
  } catch (error) {
    return reportFailure(io, prefix, error);
  } finally {
    await closeDatabase().catch(() => undefined);
  }
}

export function reportFailure(io: CliIo, prefix: string, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr(`${prefix}: ${error.message}\n`);
    return 2;
  }
  if (isDomainError(error)) {
    io.stderr(`${prefix}: ${error.message.replace(/\n+/g, ' ')}\n`);
    return 2;
  }
  if (error instanceof ZodError) {
    const issue = error.issues[0];
    io.stderr(`${prefix}: ${issue.path.length ? `--${kebab(String(issue.path[0]))}` : 'input'}: ${issue.message}\n`);
    return 2;
  }
  const translated = translatePrismaError(error);
  if (translated) {
    io.stderr(`${prefix}: ${translated.message}\n`);
    return 2;
  }
  io.stderr(`${prefix}: unexpected failure: ${(error as Error)?.stack ?? String(error)}\n`);
  return 1;
}
