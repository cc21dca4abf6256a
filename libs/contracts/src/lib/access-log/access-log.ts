export const AccessAction = {
  Read: 'read',
  Search: 'search',
  Create: 'create',
  Update: 'update',
  Export: 'export',
  Login: 'login',
  LoginFailed: 'login_failed',
  Logout: 'logout',
} as const;
export type AccessAction = (typeof AccessAction)[keyof typeof AccessAction];

/** What a row in the access log is about. */
export const AccessSubjectType = {
  User: 'user',
  Person: 'person',
  Case: 'case',
  Eviction: 'eviction',
  Referral: 'referral',
  Team: 'team',
  AccessLog: 'access_log',
} as const;
export type AccessSubjectType = (typeof AccessSubjectType)[keyof typeof AccessSubjectType];

export interface AccessLogEntry {
  id: string;
  occurredAt: string;
  actorUserId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
  action: AccessAction;
  subjectType: AccessSubjectType | null;
  subjectId: string | null;
  searchCriterion: string | null;
  purpose: string;
  requestId: string | null;
  clientAddress: string | null;
}

export interface ListAccessLogQuery {
  page?: number;
  pageSize?: number;
  actorUserId?: string;
  subjectType?: AccessSubjectType;
  subjectId?: string;
  action?: AccessAction;
  from?: string;
  to?: string;
}

/** What a data subject is told (GDPR art. 15): when, by which role, and why their data was used. */
export interface SubjectAccessExport {
  subjectType: AccessSubjectType;
  subjectId: string;
  generatedAt: string;
  entries: { occurredAt: string; actorRole: string | null; action: AccessAction; purpose: string }[];
}
