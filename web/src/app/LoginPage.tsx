import { useState, type FormEvent } from 'react';
import type { ApiError } from './api.ts';
import { Button } from './ui/Button.tsx';
import { ErrorBox } from './ui/ErrorBox.tsx';
import { Field } from './ui/Field.tsx';

/** Sign in with name and password; the server sets the session cookie. */
export function LoginPage({
  signIn,
  problem,
}: {
  readonly signIn: (name: string, password: string) => Promise<void>;
  readonly problem?: ApiError | undefined;
}) {
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(problem);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    signIn(name, password).catch((e: unknown) => {
      setError(e);
      setBusy(false);
    });
  };

  return (
    <main className="login">
      <form onSubmit={submit} aria-labelledby="login-title" className="card">
        <h1 id="login-title">Headstamp</h1>
        <p className="muted">Sign in to the plant</p>
        <Field label="Name">
          {(id) => (
            <input
              id={id}
              name="name"
              autoComplete="username"
              required
              autoFocus
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Password">
          {(id) => (
            <input
              id={id}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <ErrorBox error={error} />
        <Button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </Button>
      </form>
    </main>
  );
}
