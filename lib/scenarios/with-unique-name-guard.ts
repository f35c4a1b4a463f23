import { DomainError } from '@/lib/errors';

/** Two requests racing for one name both pass the check; the database's unique index stops
 * the second, and this turns its error (Prisma P2002) into the same message the check gives. */
export async function withUniqueNameGuard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if ((error as { code?: string }).code === 'P2002') {
      throw new DomainError('NAME_TAKEN', 'That name is already taken.', 'name');
    }
    throw error;
  }
}
