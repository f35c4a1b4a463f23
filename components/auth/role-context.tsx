'use client';

import { createContext, useContext, type ReactNode } from 'react';
import { ROLE_LABELS, roleAtLeast, type Role } from '@/lib/auth/roles';

// The server refuses every action below its role (asRole); this only spares people buttons that
// would be refused. The layout provides the signed-in role once for the whole page.
const RoleContext = createContext<Role | null>(null);

export function RoleProvider({ role, children }: { role: Role | null; children: ReactNode }) {
  return <RoleContext.Provider value={role}>{children}</RoleContext.Provider>;
}

/** Whether the signed-in person may do what `min` may. */
export function useMayAct(min: Role): boolean {
  return roleAtLeast(useContext(RoleContext), min);
}

/** Renders its children only for `min` and above; others see `fallback` (nothing by default). */
export function IfRole({ min, children, fallback = null }: { min: Role; children: ReactNode; fallback?: ReactNode }) {
  return useMayAct(min) ? children : fallback;
}

/** Says, where the actions would be, why there are none. */
export function ReadOnlyNote({ min, what }: { min: Role; what: string }) {
  return (
    <p className="text-sm text-slate-500" data-testid="read-only-note">
      {what} needs the {ROLE_LABELS[min]} role; you can look at everything here.
    </p>
  );
}
