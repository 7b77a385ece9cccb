import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, apiGet, apiPost, onSignedOut } from './api.ts';
import { LoginPage } from './LoginPage.tsx';
import type { Role } from './roles.ts';

/** The signed-in user, as the server knows them (`GET /auth/me`). */
export interface SessionUser {
  readonly name: string;
  readonly role: Role;
  /** For a consignee: whom they speak for. */
  readonly consigneeId?: string;
}

export interface Session {
  readonly user: SessionUser;
  /** Ends the session on the server and shows the login again. */
  readonly logout: () => Promise<void>;
}

interface MeBody {
  readonly name: string;
  readonly role: Role;
  readonly consigneeId: string | null;
}

const SessionContext = createContext<Session | undefined>(undefined);

function toUser(me: MeBody): SessionUser {
  return me.consigneeId === null
    ? { name: me.name, role: me.role }
    : { name: me.name, role: me.role, consigneeId: me.consigneeId };
}

/**
 * Asks the server who is signed in (the HttpOnly session cookie); shows the login page until someone
 * is, then its children. Any 401 later (the session expired) brings the login back.
 *
 * @example
 * createRoot(el).render(<SessionProvider><App /></SessionProvider>);
 */
export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [problem, setProblem] = useState<ApiError | undefined>(undefined);

  useEffect(() => {
    let live = true;
    apiGet<MeBody>('/auth/me').then(
      (me) => live && setUser(toUser(me)),
      (e: unknown) => {
        if (!live) return;
        setUser(null);
        if (e instanceof ApiError && e.status !== 401) setProblem(e);
      },
    );
    const stop = onSignedOut(() => setUser(null));
    return () => {
      live = false;
      stop();
    };
  }, []);

  const logout = useCallback(async () => {
    try {
      await apiPost('/auth/logout');
    } finally {
      setUser(null);
    }
  }, []);

  const signIn = useCallback(async (name: string, password: string) => {
    const answer = await apiPost<{ user: MeBody }>('/auth/login', { name, password });
    setProblem(undefined);
    setUser(toUser(answer.user));
  }, []);

  const session = useMemo(() => (user ? { user, logout } : undefined), [user, logout]);

  if (user === undefined)
    return (
      <p className="loading" role="status">
        Loading…
      </p>
    );
  if (session === undefined) return <LoginPage signIn={signIn} problem={problem} />;
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>;
}

/**
 * The signed-in user and logout. Only inside `SessionProvider` (which renders its children only when
 * someone is signed in).
 *
 * @example
 * const { user } = useSession();
 * if (user.role === 'consignee') …
 */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (session === undefined) throw new Error('useSession: outside SessionProvider');
  return session;
}
