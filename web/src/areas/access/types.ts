// Access: who signs in and with which role (GET/POST /api/v1/session, /api/v1/users).

export type Role = 'admin' | 'agent' | 'analyst';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  created_at: string;
  updated_at: string;
}

export interface Session {
  user: User;
  csrf_token: string;
  /** ISO 8601, UTC: when the session ends (12 hours after sign-in). */
  expires_at: string;
}
