// Access routes: the session (sign in, sign out, who is signed in) and, for admins, the users.
import { request } from '../../api/client';
import type { Role, Session, User } from './types';

// Session. The client treats a 401 from /session as an answer, not as the session ending.
export const getSession = () => request<Session>('GET', '/session');
export const signIn = (email: string, password: string) =>
  request<Session>('POST', '/session', { body: { email, password } });
export const signOut = () => request<void>('DELETE', '/session');

// Users (admins only).
export const listUsers = () => request<{ items: User[] }>('GET', '/users');
export const createUser = (input: { email: string; name: string; role: Role; password: string }) =>
  request<User>('POST', '/users', { body: input });
export const updateUser = (
  id: number,
  change: { role?: Role; disabled?: boolean; password?: string },
) => request<User>('PATCH', `/users/${id}`, { body: change });
