import type { Db } from '@/lib/db';
import { isRole, type Role } from './roles';

export type UserSummary = { id: string; email: string; name: string; role: Role | null; banned: boolean; banReason: string | null; createdAt: string };

export async function listUsers(db: Db): Promise<UserSummary[]> {
  const users = await db.user.findMany({ orderBy: { email: 'asc' } });
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    role: isRole(u.role) ? u.role : null,
    banned: u.banned === true,
    banReason: u.banReason,
    createdAt: u.createdAt.toISOString(),
  }));
}
