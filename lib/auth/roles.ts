import { createAccessControl } from 'better-auth/plugins/access';
import { adminAc, defaultStatements } from 'better-auth/plugins/admin/access';

/** The roles, lowest first; each may do everything the ones before it may. */
export const ROLES = ['viewer', 'planner', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  viewer: 'Viewer',
  planner: 'Planner',
  operator: 'Operator',
  admin: 'Admin',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  viewer: 'reads everything, changes nothing',
  planner: 'edits scenarios, imports, runs placements and experiments',
  operator: 'also applies placements, recomputes control plans, manages controllers and VNFs',
  admin: 'also manages users',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/** Whether `role` may do what `min` may. A missing or unknown role may do nothing. */
export function roleAtLeast(role: string | null | undefined, min: Role): boolean {
  return isRole(role) && ROLES.indexOf(role) >= ROLES.indexOf(min);
}

// Better Auth's access control: the admin plugin checks user management against these; our own
// checks use the order above (requireRole), and the statements say the same in its terms.
const statements = {
  ...defaultStatements,
  scenario: ['read', 'edit'],
  placement: ['run', 'apply'],
  control: ['manage'],
} as const;

export const accessControl = createAccessControl(statements);

export const accessRoles = {
  viewer: accessControl.newRole({ scenario: ['read'] }),
  planner: accessControl.newRole({ scenario: ['read', 'edit'], placement: ['run'] }),
  operator: accessControl.newRole({ scenario: ['read', 'edit'], placement: ['run', 'apply'], control: ['manage'] }),
  admin: accessControl.newRole({ scenario: ['read', 'edit'], placement: ['run', 'apply'], control: ['manage'], ...adminAc.statements }),
} satisfies Record<Role, unknown>;
