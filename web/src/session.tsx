// Who is signed in. The session itself is an HttpOnly cookie the app never sees; this holds
// the user the server reported and keeps the CSRF token in the API client's memory.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import { setCsrfToken } from './api/client';
import type { Session, User } from './areas/access/types';

export interface SessionState {
  user: User | null;
  setSession: (session: Session | null) => void;
}

export const SessionContext = createContext<SessionState>({ user: null, setSession: () => {} });

export function useSession(): SessionState {
  return useContext(SessionContext);
}

/** Stores what POST or GET /api/v1/session answered (null: signed out). */
export function rememberSession(session: Session | null): User | null {
  setCsrfToken(session?.csrf_token ?? null);
  return session?.user ?? null;
}

export function canWrite(user: User | null): boolean {
  return user?.role === 'admin' || user?.role === 'agent';
}
