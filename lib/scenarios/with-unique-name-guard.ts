import { translatePrismaError } from '@/lib/db/translate-prisma-error';

/** Two requests racing for one name both pass the check; the database's unique index stops
 * the second, and this turns its error into the same NAME_TAKEN the check gives. */
export async function withUniqueNameGuard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    const translated = translatePrismaError(error, { field: 'name' });
    if (translated?.code === 'NAME_TAKEN') throw translated;
    throw error;
  }
}
