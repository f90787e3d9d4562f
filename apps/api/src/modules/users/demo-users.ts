import { DEMO_LOGIN, type UserRole } from '@im/contracts';

/**
 * The one password of every demo user. Demo mode only (embedded database with demo data): printed at
 * start and written in the README. The password policy refuses it for every real user, and a start
 * outside demo mode with demo users present is refused (ALLOW_DEMO_USERS overrides, never in production).
 */
export const DEMO_PASSWORD: string = DEMO_LOGIN.password;

export interface DemoUserSpec {
  username: string;
  displayName: string;
  role: UserRole;
  unit: string;
  districtCode?: string;
  leadIndustryCodes?: string[];
}

export const DEMO_USERS: readonly DemoUserSpec[] = [
  { username: 'admin', displayName: '系统管理员（演示）', role: 'admin', unit: '市大数据管理局' },
  { username: 'stats', displayName: '市统计局（演示）', role: 'statistician', unit: '市统计局' },
  { username: 'mayor', displayName: '市政府办公厅（演示）', role: 'leader', unit: '市政府办公厅' },
  { username: 'gxj', displayName: '市工信局（演示）', role: 'lead_unit', unit: '市工信局', leadIndustryCodes: ['sei.ngit', 'xm446.pillar.electronics'] },
  { username: 'huli', displayName: '湖里区（演示）', role: 'district', unit: '湖里区人民政府', districtCode: 'xm.huli' },
];
