'use client';

import { useRouter } from 'next/navigation';
import { useActionState, useEffect, useRef } from 'react';
import { ActionButton } from '@/components/ui/action-button';
import { Button } from '@/components/ui/button';
import { Field, FieldErrors } from '@/components/ui/field';
import { banUserAction, createUserAction, removeUserAction, setUserRoleAction, unbanUserAction } from '@/lib/actions/user-actions';
import type { UserSummary } from '@/lib/auth/list-users';
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from '@/lib/auth/roles';

const selectClass = 'rounded-md border border-slate-300 px-2 py-1.5 text-sm';

export function UsersManager({ users, selfId }: { users: UserSummary[]; selfId: string }) {
  return (
    <div className="space-y-6">
      <CreateUserForm />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <caption className="sr-only">Users</caption>
          <thead className="bg-slate-50 text-left text-xs font-semibold text-slate-600 uppercase">
            <tr>
              <th scope="col" className="px-3 py-2">
                Email
              </th>
              <th scope="col" className="px-3 py-2">
                Name
              </th>
              <th scope="col" className="px-3 py-2">
                Role
              </th>
              <th scope="col" className="px-3 py-2">
                Status
              </th>
              <th scope="col" className="px-3 py-2">
                Actions
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {users.map((u) => (
              <tr key={u.id} data-testid="user-row" data-email={u.email} className="align-top">
                <td className="px-3 py-2">{u.email}</td>
                <td className="px-3 py-2">{u.name}</td>
                <td className="px-3 py-2">{u.id === selfId ? <span>{u.role ? ROLE_LABELS[u.role] : '—'} (you)</span> : <RoleForm user={u} />}</td>
                <td className="px-3 py-2">{u.banned ? <span className="text-red-700">banned</span> : 'active'}</td>
                <td className="px-3 py-2">
                  {u.id !== selfId && (
                    <span className="flex flex-wrap gap-1">
                      {u.banned ? (
                        <ActionButton action={() => unbanUserAction(u.id)} pendingLabel="Unbanning…" variant="ghost">
                          Unban
                        </ActionButton>
                      ) : (
                        <ActionButton action={() => banUserAction(u.id)} pendingLabel="Banning…" variant="ghost">
                          Ban
                        </ActionButton>
                      )}
                      <ActionButton action={() => removeUserAction(u.id)} pendingLabel="Removing…" variant="danger">
                        Remove
                      </ActionButton>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

function RoleForm({ user }: { user: UserSummary }) {
  const router = useRouter();
  const [state, action, pending] = useActionState(setUserRoleAction, null);
  useEffect(() => {
    if (state?.ok) router.refresh();
  }, [state, router]);
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={user.id} />
      <select name="role" defaultValue={user.role ?? 'viewer'} aria-label={`Role of ${user.email}`} className={selectClass}>
        {ROLES.map((r) => (
          <option key={r} value={r}>
            {ROLE_LABELS[r]}
          </option>
        ))}
      </select>
      <Button type="submit" variant="ghost" disabled={pending}>
        {pending ? 'Saving…' : 'Change role'}
      </Button>
      {state && !state.ok && <FieldErrors errors={Object.values(state.errors).flat()} />}
    </form>
  );
}

function CreateUserForm() {
  const router = useRouter();
  const formRef = useRef<HTMLFormElement>(null);
  const [state, action, pending] = useActionState(createUserAction, null);
  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      router.refresh();
    }
  }, [state, router]);
  const errors = state && !state.ok ? state.errors : {};
  return (
    <form ref={formRef} action={action} noValidate className="max-w-xl rounded-lg border border-slate-200 bg-white p-4" aria-label="Create a user">
      <h2 className="mb-3 font-semibold">Create a user</h2>
      <div className="grid gap-x-4 sm:grid-cols-2">
        <Field label="User email" name="email" type="email" autoComplete="off" required errors={errors.email} />
        <Field label="User name" name="name" autoComplete="off" required errors={errors.name} />
        <Field
          label="Initial password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters; tell the user in person."
          errors={errors.password}
        />
        <div className="mb-3">
          <label htmlFor="field-role" className="mb-1 block text-sm font-medium text-slate-700">
            Role
          </label>
          <select id="field-role" name="role" defaultValue="viewer" className={`w-full ${selectClass}`}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r]} — {ROLE_DESCRIPTIONS[r]}
              </option>
            ))}
          </select>
          <FieldErrors errors={errors.role} />
        </div>
      </div>
      <FieldErrors errors={errors._form} />
      {state?.ok && (
        <p role="status" className="mb-2 text-sm text-green-800">
          Created {state.email}.
        </p>
      )}
      <Button type="submit" variant="primary" disabled={pending}>
        {pending ? 'Creating…' : 'Create user'}
      </Button>
    </form>
  );
}
