import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onSessionEnded, setCsrfToken } from '../api/client';
import type { Capability, SessionInfo, SignedInUser } from '../api/types';

interface SessionState {
  /** undefined while the first check is running. */
  user: SignedInUser | null | undefined;
  /** Set when the server ended the session (idle or absolute expiry) so the sign-in page can say why. */
  ended: boolean;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Replaces the signed-in user's password (the temporary one at first sign-in). */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  can(capability: Capability): boolean;
}

const SessionContext = createContext<SessionState | undefined>(undefined);

/** Holds who is signed in; asks the server once on load, and listens for the session ending. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [user, setUser] = useState<SignedInUser | null | undefined>(undefined);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    let live = true;
    api<SessionInfo>('/session')
      .then((info) => {
        if (!live) return;
        setCsrfToken(info.csrfToken);
        setUser(info.user);
      })
      .catch(() => live && setUser(null));
    const unsubscribe = onSessionEnded(() => {
      setCsrfToken(undefined);
      setUser(null);
      setEnded(true);
    });
    return () => {
      live = false;
      unsubscribe();
    };
  }, []);

  const signIn = useCallback(async (username: string, password: string) => {
    const info = await api<SessionInfo>('/session', { method: 'POST', body: { username, password } });
    setCsrfToken(info.csrfToken);
    setEnded(false);
    setUser(info.user);
  }, []);

  const changePassword = useCallback(async (currentPassword: string, newPassword: string) => {
    const info = await api<SessionInfo>('/session/password', { method: 'POST', body: { currentPassword, newPassword } });
    setCsrfToken(info.csrfToken);
    setUser(info.user);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api('/session', { method: 'DELETE' });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setCsrfToken(undefined);
    setUser(null);
  }, []);

  const value = useMemo<SessionState>(
    () => ({ user, ended, signIn, signOut, changePassword, can: (c) => Boolean(user && !user.mustChangePassword && user.capabilities.includes(c)) }),
    [user, ended, signIn, signOut, changePassword],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
