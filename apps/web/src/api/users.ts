import type { CreateUserRequest, UpdateUserRequest, UserDto, UserRole } from '@im/contracts';
import { http } from './http';

export interface UsersFilter {
  q?: string;
  role?: UserRole | '';
  active?: boolean | null;
}

export function listUsers(filter: UsersFilter = {}): Promise<UserDto[]> {
  return http.get<UserDto[]>('/users', { query: { q: filter.q, role: filter.role, active: filter.active ?? undefined } });
}

export function createUser(body: CreateUserRequest): Promise<UserDto> {
  return http.request<UserDto>('/users', { method: 'POST', body, silent: true });
}

export function updateUser(id: number, body: UpdateUserRequest): Promise<UserDto> {
  return http.request<UserDto>(`/users/${id}`, { method: 'PATCH', body, silent: true });
}

export function resetPassword(id: number, password: string): Promise<UserDto> {
  return http.request<UserDto>(`/users/${id}/password`, { method: 'POST', body: { password }, silent: true });
}
