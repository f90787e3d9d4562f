/**
 * The session's CSRF token, held in memory only (never in storage a script could read later): the
 * request client sends it in `X-CSRF-Token` with every state-changing request. Set from the answer of
 * login, GET /auth/me and password change; cleared at logout or when the session ends.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function getCsrfToken(): string | null {
  return csrfToken;
}

export const CSRF_HEADER = 'X-CSRF-Token';

type ExpiredHandler = () => void;
let onExpired: ExpiredHandler | null = null;

/** main.ts registers what to do when the server says the session is gone (401): forget it, go to the login page. */
export function setSessionExpiredHandler(handler: ExpiredHandler | null): void {
  onExpired = handler;
}

/** Called by the request client on a 401 of any request but login and GET /auth/me (which expect it). */
export function notifySessionExpired(): void {
  onExpired?.();
}

/** Requests whose 401 is an answer, not a sign of an ended session. */
export function expectsUnauthorized(url: string): boolean {
  return /\/auth\/(login|me)(\?|$)/.test(url);
}
