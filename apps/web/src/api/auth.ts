import type { AuthSessionDto, ChangePasswordRequest, LoginRequest, UpdateProfileRequest } from '@im/contracts';
import { http } from './http';

export function login(body: LoginRequest): Promise<AuthSessionDto> {
  // Silent: the login page shows the message itself (wrong password, too many attempts).
  return http.request<AuthSessionDto>('/auth/login', { method: 'POST', body, silent: true });
}

export function logout(): Promise<void> {
  return http.request<void>('/auth/logout', { method: 'POST', silent: true });
}

/** The signed-in user and the CSRF token; rejects with status 401 when not signed in. */
export function getMe(): Promise<AuthSessionDto> {
  return http.get<AuthSessionDto>('/auth/me', { silent: true });
}

export function updateProfile(body: UpdateProfileRequest): Promise<AuthSessionDto> {
  return http.request<AuthSessionDto>('/auth/me', { method: 'PATCH', body });
}

export function changePassword(body: ChangePasswordRequest): Promise<AuthSessionDto> {
  return http.request<AuthSessionDto>('/auth/password', { method: 'POST', body, silent: true });
}
