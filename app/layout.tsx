import type { Metadata } from 'next';
import Image from 'next/image';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/auth/sign-out-button';
import { DatabaseUnavailable } from '@/components/shell/database-unavailable';
import { NavLinks } from '@/components/shell/nav-links';
import { ScenarioSwitcher } from '@/components/shell/scenario-switcher';
import { RoleProvider } from '@/components/auth/role-context';
import { getActor } from '@/lib/auth/get-actor';
import { ROLE_LABELS, roleAtLeast } from '@/lib/auth/roles';
import { getDb } from '@/lib/db';
import { isDatabaseUnavailable } from '@/lib/db/database-unavailable';
import { listScenarioNames } from '@/lib/scenarios/list-scenario-names';
import { getCurrentScenario } from './current-scenario';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'edgestack', template: '%s · edgestack' },
  description: 'Plan and operate cloud-native edge computing: four-layer architecture and layer-sharing-aware placement.',
  icons: { icon: '/favicon.svg' },
};

// Every page reads the database for the visitor's scenario: render per request, never at build.
export const dynamic = 'force-dynamic';

async function loadShell() {
  const db = await getDb();
  const [scenarios, current] = await Promise.all([listScenarioNames(db), getCurrentScenario()]);
  return { scenarios, current, databaseUnavailable: false };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page needs the database; when it cannot be reached the shell still renders, with a
  // notice that retries, instead of a bare server error.
  const actor = await getActor().catch((error: unknown) => {
    if (isDatabaseUnavailable(error)) return 'unavailable' as const;
    throw error;
  });
  if (!actor) {
    // Not signed in: only the sign-in page renders (every other page redirects there itself).
    return (
      <html lang="en">
        <body>
          <main id="main" className="min-h-screen bg-slate-50 px-6 py-6">
            {children}
          </main>
        </body>
      </html>
    );
  }
  const { scenarios, current, databaseUnavailable } =
    actor === 'unavailable'
      ? { scenarios: [], current: null, databaseUnavailable: true }
      : await loadShell().catch((error: unknown) => {
          if (!isDatabaseUnavailable(error)) throw error;
          console.warn(`[edgestack] database unavailable: ${(error as Error).message.split('\n').at(-1)}`);
          return { scenarios: [], current: null, databaseUnavailable: true };
        });
  const role = actor === 'unavailable' ? null : actor.role;
  const adminLinks = [
    ...(role && roleAtLeast(role, 'operator') ? [{ href: '/audit', label: 'Audit' }] : []),
    ...(role && roleAtLeast(role, 'admin') ? [{ href: '/users', label: 'Users' }] : []),
  ];
  return (
    <html lang="en">
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:rounded focus:bg-white focus:p-2">
          Skip to content
        </a>
        {actor !== 'unavailable' && actor.kind === 'demo' && (
          <div role="status" className="bg-amber-100 px-6 py-2 text-center text-sm font-medium text-amber-900">
            You are browsing a read-only demo: nothing can be changed.{' '}
            <Link href="/sign-in" className="underline">
              Sign in
            </Link>{' '}
            to make changes.
          </div>
        )}
        <div className="flex min-h-screen">
          <aside className="w-56 shrink-0 border-r border-slate-200 bg-slate-100 p-4">
            <Link href="/" className="mb-6 flex items-center gap-2 px-2 text-lg font-semibold">
              <Image src="/favicon.svg" alt="" width={24} height={24} unoptimized priority />
              edgestack
            </Link>
            <NavLinks adminLinks={adminLinks} />
          </aside>
          <div className="flex min-w-0 flex-1 flex-col">
            <header className="flex items-center justify-between gap-4 border-b border-slate-200 bg-white px-6 py-3">
              <ScenarioSwitcher scenarios={scenarios} currentId={current?.id ?? null} />
              <div className="flex items-center gap-4">
                <Link href="/scenarios" className="text-sm text-blue-700 hover:underline">
                  Manage scenarios
                </Link>
                {actor === 'unavailable' ? null : actor.kind === 'user' ? (
                  <span className="flex items-center gap-2 text-sm text-slate-600" data-testid="signed-in-as">
                    <span>
                      {actor.email} · <span className="font-medium">{ROLE_LABELS[actor.role]}</span>
                    </span>
                    <SignOutButton />
                  </span>
                ) : (
                  <span className="rounded bg-amber-100 px-2 py-0.5 text-xs font-semibold text-amber-900">read-only demo</span>
                )}
              </div>
            </header>
            <main id="main" className="flex-1 px-6 py-6">
              {databaseUnavailable ? <DatabaseUnavailable /> : <RoleProvider role={role}>{children}</RoleProvider>}
            </main>
          </div>
        </div>
      </body>
    </html>
  );
}
