import { Permission } from '../permissions';
import { Role } from '../roles';

export interface LoginRequest {
  username: string;
  password: string;
}

export const Locale = { Da: 'da', En: 'en' } as const;
export type Locale = (typeof Locale)[keyof typeof Locale];

/** The signed-in user as the UI sees them (GET /api/auth/me). */
export interface CurrentUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  permissions: Permission[];
  teams: { id: string; name: string }[];
  partnerOrganisation: { id: string; name: string } | null;
  /** For the boligorganisation role: the organisation whose lists the user uploads. */
  boligorganisation: { id: string; name: string } | null;
  locale: Locale;
  mustChangePassword: boolean;
}

export interface SessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  clientAddress: string | null;
  isCurrent: boolean;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UpdateMeRequest {
  displayName?: string;
  email?: string | null;
  locale?: Locale;
}

/** Names of the cookies and header the API uses; the UI sends the CSRF header on every change. */
export const AUTH_COOKIE = 'bofast_sid';
export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** GET /api/auth/activation/:token: who the link is for, and until when it works. */
export interface ActivationInfo {
  username: string;
  displayName: string;
  expiresAt: string;
}

/** POST /api/auth/activation */
export interface ActivateAccountRequest {
  token: string;
  password: string;
}
