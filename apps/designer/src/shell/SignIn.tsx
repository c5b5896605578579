import { useEffect, useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { User } from '../api/client.ts';
import { FirstAdminSetup } from './FirstAdminSetup.tsx';

/** The sign-in page; `notice` explains why the person is here (e.g. an expired session). */
export function SignIn({ notice, onSignedIn }: { notice?: string | undefined; onSignedIn: (user: User) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [setupNeeded, setSetupNeeded] = useState(false);

  useEffect(() => {
    api.setupNeeded().then((s) => setSetupNeeded(s.needed), () => undefined);
  }, []);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get('email') ?? '').trim();
    const password = String(form.get('password') ?? '');
    if (!email || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const { user } = await api.signIn(email, password);
      onSignedIn(user);
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 400)) setError('Wrong email or password. Check both and try again.');
      else if (e instanceof ApiError && e.status === 429) setError('Too many attempts. Wait a minute, then try again.');
      else if (e instanceof ApiError) setError(`${e.message}${e.requestId ? ` (request id ${e.requestId})` : ''}`);
      else setError('Could not sign in. Try again.');
    } finally {
      setBusy(false);
    }
  }

  if (setupNeeded) return <FirstAdminSetup onSignedIn={onSignedIn} />;

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} noValidate>
        <h1>Baton</h1>
        <p className="muted">Sign in to draw and run your handoff maps.</p>
        {notice && !error && <p className="notice" role="status">{notice}</p>}
        {error && <p className="form-error" role="alert" data-testid="sign-in-error">{error}</p>}
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required autoFocus />
        </label>
        <label>
          Password
          <input name="password" type="password" autoComplete="current-password" required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>
  );
}
