import type { AuditActor } from '@/lib/db/audit-actor';
import type { Role } from './roles';

/** Who is asking: a signed-in user, or a visitor of the read-only demo (EDGESTACK_DEMO_VIEWER=1). */
export type Actor = { kind: 'user'; id: string; email: string; name: string; role: Role } | { kind: 'demo'; role: 'viewer' };

/** The actor the audit trail records for a user's writes. Demo visitors cannot write. */
export function auditActorOf(actor: Actor): AuditActor {
  return actor.kind === 'user' ? { id: actor.id, name: actor.email } : { id: null, name: 'demo' };
}

/** `EDGESTACK_DEMO_VIEWER=1`: visitors who are not signed in browse as viewers. */
export function demoViewerEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return env.EDGESTACK_DEMO_VIEWER === '1';
}
