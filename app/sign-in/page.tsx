import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/sign-in-form';
import { getActor } from '@/lib/auth/get-actor';

export const metadata = { title: 'Sign in' };

/** Only same-site paths: `next` must not send anyone elsewhere after signing in. */
function safeNext(value: string | string[] | undefined): string {
  const next = Array.isArray(value) ? value[0] : value;
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const next = safeNext((await searchParams).next);
  const actor = await getActor();
  if (actor?.kind === 'user') redirect(next);
  return (
    <div className="flex flex-col items-center gap-4 pt-16">
      <h1 className="text-2xl font-semibold">Sign in to edgestack</h1>
      <p className="max-w-sm text-center text-sm text-slate-600">
        Accounts are made by an administrator on the Users page. The first one is printed once when the server starts on an empty database.
      </p>
      <SignInForm next={next} />
    </div>
  );
}
