import { useState } from 'react';
import type { FormEvent } from 'react';
import { ApiError, api } from '../api/client.ts';
import type { User } from '../api/client.ts';

/**
 * First start with no accounts: the person who started Baton pastes the one-time setup secret it
 * printed and creates the first administrator, then is signed in. No default password exists.
 */
export function FirstAdminSetup({ onSignedIn }: { onSignedIn: (user: User) => void }) {
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const [secret, name, email] = [value('secret'), value('name'), value('email')];
    const password = String(form.get('password') ?? '');
    if (!secret || !name || !email || !password) {
      setError('Fill in every field: the setup secret, your name, e-mail and a password.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.setup({ secret, name, email, password });
      const { user } = await api.signIn(email, password);
      onSignedIn(user);
    } catch (e) {
      if (e instanceof ApiError && e.status === 403) setError('That is not the setup secret. Copy it again from the terminal where Baton started.');
      else if (e instanceof ApiError && e.status === 409) setError('Baton is already set up. Reload the page and sign in.');
      else if (e instanceof ApiError) setError(`${e.message}${e.requestId ? ` (request id ${e.requestId})` : ''}`);
      else setError('Could not create the administrator. Try again.');
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="sign-in">
      <form className="sign-in-card" onSubmit={submit} noValidate data-testid="first-admin-setup">
        <h1>Welcome to Baton</h1>
        <p className="muted">
          Nobody has an account yet. Create the first administrator with the one-time setup secret
          that Baton printed in the terminal when it started.
        </p>
        {error && <p className="form-error" role="alert">{error}</p>}
        <label>
          Setup secret
          <input name="secret" autoComplete="off" spellCheck={false} required autoFocus />
        </label>
        <label>
          Your name
          <input name="name" autoComplete="name" required />
        </label>
        <label>
          Email
          <input name="email" type="email" autoComplete="username" required />
        </label>
        <label>
          Password (at least 8 characters)
          <input name="password" type="password" autoComplete="new-password" minLength={8} required />
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? 'Creating…' : 'Create the administrator'}
        </button>
      </form>
    </main>
  );
}
