/**
 * Wire types of authentication, users, roles and the audit log, and the one table of what each role
 * may do. The API's route policies and the web app's navigation and buttons both read
 * ROLE_CAPABILITIES, so the two can never disagree about who may do what.
 */

export const USER_ROLES = ['admin', 'statistician', 'leader', 'lead_unit', 'district'] as const;
export type UserRole = (typeof USER_ROLES)[number];

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}

/**
 * What a route or a button needs. Reads of statistics (`data.read`) are open to every role, and the
 * query layer then narrows the rows to the user's scope (district, led industries).
 */
export const CAPABILITIES = [
  /** Statistics, reference data and target progress, narrowed to the user's scope by the query layer. */
  'data.read',
  /** Upload history, validation reports, raw-file provenance. */
  'uploads.read',
  /** Upload, validate, commit and roll back data files. */
  'uploads.write',
  /** Create and change plans, targets and annual targets. */
  'plans.write',
  /** Change reference data: industries, regions and parks, indicators, enterprises. */
  'reference.write',
  /** Monthly progress notes, problems and suggestions on the industries a lead unit leads. */
  'notes.write',
  /** Create users, change roles, scopes and passwords, deactivate users. */
  'users.manage',
  /** Search the audit log. */
  'audit.read',
  /** See the scheduled jobs' run history and run a job now. */
  'jobs.manage',
  /** Adjust the monthly brief's wording templates and regenerate a stored brief. */
  'briefs.manage',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

/** The role table of the issue: who sees what and who may change what. */
export const ROLE_CAPABILITIES: Readonly<Record<UserRole, readonly Capability[]>> = {
  admin: ['data.read', 'uploads.read', 'plans.write', 'reference.write', 'users.manage', 'audit.read', 'jobs.manage', 'briefs.manage'],
  statistician: ['data.read', 'uploads.read', 'uploads.write'],
  leader: ['data.read'],
  lead_unit: ['data.read', 'notes.write'],
  district: ['data.read'],
};

export function roleCan(role: UserRole | null | undefined, capability: Capability): boolean {
  return !!role && ROLE_CAPABILITIES[role].includes(capability);
}

/** The roles that hold a capability (for documentation and the route × role table). */
export function rolesWith(capability: Capability): UserRole[] {
  return USER_ROLES.filter((r) => ROLE_CAPABILITIES[r].includes(capability));
}

/**
 * Demo mode only (embedded database with demo data): the demo users and their one published password
 * (printed at start, in the README, shown on the login page in demo mode). The password rules refuse
 * this password for every real account, and the API refuses to start outside demo mode while demo
 * users are active.
 */
export const DEMO_LOGIN = { usernames: ['admin', 'stats', 'mayor', 'gxj', 'huli'], password: 'Demo@Xiamen2025' } as const;

/** Password rules shown to users and enforced by the API. */
export const PASSWORD_RULES = { minLength: 10, maxLength: 128, minClasses: 3 } as const;

export interface LoginRequest {
  username: string;
  password: string;
}

export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

export interface UpdateProfileRequest {
  displayName: string;
}

export interface CodeNameDto {
  code: string;
  name: string;
}

/** The signed-in user as the web app sees it. */
export interface MeDto {
  id: number;
  username: string;
  displayName: string;
  role: UserRole | null;
  /** District or development zone of a district user. */
  district: CodeNameDto | null;
  /** Industries a lead unit leads. */
  leadIndustries: CodeNameDto[];
  unit: string | null;
  capabilities: Capability[];
  isDemo: boolean;
}

export interface SessionInfoDto {
  /** ISO time in UTC after which the session ends whatever the activity. */
  expiresAt: string;
  /** Minutes of inactivity after which the session ends. */
  idleTimeoutMinutes: number;
}

/** Answer of login, GET /auth/me and password change: the CSRF token goes into `X-CSRF-Token` of every state-changing request. */
export interface AuthSessionDto {
  user: MeDto;
  csrfToken: string;
  session: SessionInfoDto;
}

export interface UserDto {
  id: number;
  username: string;
  displayName: string;
  role: UserRole | null;
  district: CodeNameDto | null;
  leadIndustries: CodeNameDto[];
  unit: string | null;
  active: boolean;
  isDemo: boolean;
  createdAt: string;
  updatedAt: string | null;
  lastLoginAt: string | null;
  passwordChangedAt: string | null;
}

export interface CreateUserRequest {
  username: string;
  displayName: string;
  password: string;
  role: UserRole;
  districtCode?: string | null;
  leadIndustryCodes?: string[];
  unit?: string | null;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: UserRole;
  districtCode?: string | null;
  leadIndustryCodes?: string[];
  unit?: string | null;
  active?: boolean;
}

/** An admin sets a new password for a user (the user's sessions end). */
export interface ResetPasswordRequest {
  password: string;
}

export const AUDIT_ACTIONS = [
  'auth.login',
  'auth.logout',
  'auth.password_change',
  'auth.profile_update',
  'user.create',
  'user.update',
  'user.password_reset',
  'upload.validate',
  'upload.commit',
  'upload.rollback',
  'plan.create',
  'plan.update',
  'plan.delete',
  'target.create',
  'target.update',
  'target.delete',
  'target.import',
  'annual_target.set',
  'annual_target.delete',
  'reference.create',
  'reference.update',
  'reference.delete',
  'reference.import',
  'note.create',
  'note.update',
  'problem.create',
  'problem.update',
  'problem.status',
  'export',
  'brief.generate',
  'brief.template_update',
  'job.run',
  'reminder.dismiss',
  'alert.acknowledge',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const AUDIT_RESULTS = ['success', 'failure', 'denied', 'throttled'] as const;
export type AuditResult = (typeof AUDIT_RESULTS)[number];

export interface AuditRecordDto {
  id: number;
  /** ISO time in UTC. */
  occurredAt: string;
  userId: number | null;
  username: string | null;
  role: UserRole | null;
  ip: string | null;
  action: AuditAction;
  objectType: string | null;
  objectId: string | null;
  result: AuditResult;
  /** SHA-256 of an uploaded or exported file. */
  fileSha256: string | null;
  correlationId: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditPageDto {
  items: AuditRecordDto[];
  total: number;
  page: number;
  pageSize: number;
}
