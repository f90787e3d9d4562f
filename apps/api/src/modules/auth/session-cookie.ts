import type { CookieOptions, Request, Response } from 'express';
import type { SecurityConfig } from '../../core/security/security-config';

/** Cookie names: `__Host-` (Secure, Path=/, no Domain: cannot be set by a sibling subdomain) when served over HTTPS. */
export const SESSION_COOKIE = 'im_session';
export const SESSION_COOKIE_SECURE = '__Host-im_session';

export function isSecureRequest(req: Request, config: SecurityConfig): boolean {
  return config.cookieSecure === 'auto' ? req.secure : config.cookieSecure;
}

/** The session token the browser sent, if any. */
export function readSessionToken(req: Request): string | null {
  const cookies = (req.cookies ?? {}) as Record<string, unknown>;
  const value = cookies[SESSION_COOKIE_SECURE] ?? cookies[SESSION_COOKIE];
  return typeof value === 'string' && /^[A-Za-z0-9_-]{43}$/.test(value) ? value : null;
}

function options(secure: boolean): CookieOptions {
  // No Max-Age: the cookie ends with the browser session; the server enforces idle and absolute timeouts.
  return { httpOnly: true, sameSite: 'strict', secure, path: '/' };
}

export function setSessionCookie(req: Request, res: Response, token: string, config: SecurityConfig): void {
  const secure = isSecureRequest(req, config);
  res.cookie(secure ? SESSION_COOKIE_SECURE : SESSION_COOKIE, token, options(secure));
}

export function clearSessionCookie(req: Request, res: Response, config: SecurityConfig): void {
  const secure = isSecureRequest(req, config);
  res.clearCookie(SESSION_COOKIE, options(false));
  if (secure) res.clearCookie(SESSION_COOKIE_SECURE, options(true));
}
