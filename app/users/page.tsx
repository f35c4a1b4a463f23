import type { Metadata } from 'next';
import { UsersManager } from '@/components/users/users-manager';
import { PageHeader } from '@/components/ui/page-header';
import { listUsers } from '@/lib/auth/list-users';
import { requirePageRole } from '@/lib/auth/require-role';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';

export const metadata: Metadata = { title: 'Users' };

export default async function UsersPage() {
  const actor = await requirePageRole('admin', '/users');
  if (!actor || actor.kind !== 'user') {
    return (
      <>
        <PageHeader title="Users" layer="Administration" />
        <p className="text-sm text-slate-700">Only admins manage users.</p>
      </>
    );
  }
  const users = await listUsers(await getDb());
  return (
    <>
      <PageHeader title="Users" layer="Administration" />
      <ul className="-mt-4 mb-6 max-w-3xl text-sm text-slate-600">
        {ROLES.map((r) => (
          <li key={r}>
            <span className="font-medium">{ROLE_LABELS[r]}</span>: {ROLE_DESCRIPTIONS[r]}
          </li>
        ))}
      </ul>
      <UsersManager users={users} selfId={actor.id} />
    </>
  );
}
