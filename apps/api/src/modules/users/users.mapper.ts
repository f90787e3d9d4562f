import { type AuthSessionDto, type MeDto, ROLE_CAPABILITIES, type UserDto } from '@im/contracts';
import type { User } from './entities/user.entity';

const iso = (d: Date | string | null | undefined): string | null => (d ? new Date(d).toISOString() : null);

/** Needs the `district` and `leadIndustries` relations loaded. Never exposes the password hash. */
export function toUserDto(u: User): UserDto {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    district: u.district ? { code: u.district.code, name: u.district.name } : null,
    leadIndustries: (u.leadIndustries ?? []).map((n) => ({ code: n.code, name: n.name })).sort((a, b) => a.code.localeCompare(b.code)),
    unit: u.unit,
    active: u.active,
    isDemo: u.isDemo,
    createdAt: iso(u.createdAt)!,
    updatedAt: iso(u.updatedAt),
    lastLoginAt: iso(u.lastLoginAt),
    passwordChangedAt: iso(u.passwordChangedAt),
  };
}

export function toMeDto(u: User): MeDto {
  const dto = toUserDto(u);
  return {
    id: dto.id,
    username: dto.username,
    displayName: dto.displayName,
    role: dto.role,
    district: dto.district,
    leadIndustries: dto.leadIndustries,
    unit: dto.unit,
    capabilities: u.role ? [...ROLE_CAPABILITIES[u.role]] : [],
    isDemo: dto.isDemo,
  };
}

export function toAuthSessionDto(u: User, session: { csrfToken: string; expiresAt: Date }, idleTimeoutMinutes: number): AuthSessionDto {
  return { user: toMeDto(u), csrfToken: session.csrfToken, session: { expiresAt: new Date(session.expiresAt).toISOString(), idleTimeoutMinutes } };
}
