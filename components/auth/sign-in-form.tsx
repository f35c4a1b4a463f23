'use client';

import { useRouter } from 'next/navigation';
import { useState, type FormEvent } from 'react';
import { Button } from '@/components/ui/button';
import { Field, FieldErrors } from '@/components/ui/field';
import { readFormText } from '@/lib/actions/read-form-text';

/** Posts to Better Auth's sign-in endpoint (rate-limited there), then goes where the visitor was. */
export function SignInForm({ next }: { next: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const response = await fetch('/api/auth/sign-in/email', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: readFormText(form, 'email') ?? '', password: readFormText(form, 'password') ?? '', rememberMe: false }),
      });
      if (response.ok) {
        router.replace(next);
        router.refresh();
        return;
      }
      const body = (await response.json().catch(() => null)) as { message?: string } | null;
      setError(
        response.status === 429
          ? 'Too many sign-in attempts. Wait a minute and try again.'
          : response.status === 401 || response.status === 403
            ? (body?.message ?? 'Wrong email or password.')
            : (body?.message ?? `Sign-in failed (HTTP ${response.status}).`),
      );
    } catch {
      setError('The server could not be reached. Try again.');
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={(event) => void submit(event)} className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm" aria-label="Sign in">
      <Field label="Email" name="email" type="email" autoComplete="username" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <FieldErrors errors={error ? [error] : undefined} />
      <Button type="submit" variant="primary" className="mt-3 w-full" disabled={pending}>
        {pending ? 'Signing in…' : 'Sign in'}
      </Button>
    </form>
  );
}
