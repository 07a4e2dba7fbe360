// Access: who signs in and with which role (GET/POST /api/v1/session, /api/v1/users).

export type Role = 'admin' | 'agent' | 'analyst';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
}

export interface Session {
  user: User;
  csrf_token: string;
}
