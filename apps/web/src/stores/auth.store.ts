import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { type AuthSessionDto, type Capability, type ChangePasswordRequest, type LoginRequest, roleCan } from '@im/contracts';
import * as authApi from '../api/auth';
import { ApiError } from '../api/http-client';
import { setCsrfToken } from '../api/session-token';

/**
 * The signed-in user. The session itself lives on the server (HttpOnly cookie the page cannot read);
 * this store holds what the server said about it: the user, their capabilities and the CSRF token.
 */
export const useAuthStore = defineStore('auth', () => {
  const session = shallowRef<AuthSessionDto | null>(null);
  /** Whether GET /auth/me has been asked once since the page loaded. */
  const checked = shallowRef(false);
  let pending: Promise<AuthSessionDto | null> | null = null;

  const user = computed(() => session.value?.user ?? null);
  const signedIn = computed(() => session.value !== null);

  function apply(value: AuthSessionDto | null): void {
    session.value = value;
    setCsrfToken(value?.csrfToken ?? null);
    checked.value = true;
  }

  /** Asks the server once who is signed in (the router guard awaits it before the first page). */
  function ensureLoaded(): Promise<AuthSessionDto | null> {
    if (checked.value) return Promise.resolve(session.value);
    pending ??= authApi
      .getMe()
      .then((me) => (apply(me), me))
      .catch((error: unknown) => {
        if (error instanceof ApiError && (error.status === 401 || error.status === 403)) {
          apply(null);
          return null;
        }
        throw error;
      })
      .finally(() => (pending = null));
    return pending;
  }

  async function login(credentials: LoginRequest): Promise<AuthSessionDto> {
    const result = await authApi.login(credentials);
    apply(result);
    return result;
  }

  async function logout(): Promise<void> {
    try {
      await authApi.logout();
    } finally {
      apply(null);
    }
  }

  async function changePassword(body: ChangePasswordRequest): Promise<void> {
    apply(await authApi.changePassword(body));
  }

  async function updateDisplayName(displayName: string): Promise<void> {
    apply(await authApi.updateProfile({ displayName }));
  }

  /** The session ended on the server (401 on some request): forget it locally. */
  function expire(): void {
    apply(null);
  }

  function can(capability: Capability): boolean {
    return roleCan(user.value?.role, capability);
  }

  return { session, user, signedIn, checked, ensureLoaded, login, logout, changePassword, updateDisplayName, expire, can };
});
