/**
 * Where to go after login: only a path inside this app. Anything else (another site, a protocol-
 * relative `//host`, a backslash trick, the login page itself) falls back to the start page, so that
 * a crafted link `…/login?redirect=https://evil` cannot send a user elsewhere (open redirect).
 */
export function safeRedirect(target: unknown, fallback = '/'): string {
  if (typeof target !== 'string' || !target.startsWith('/')) return fallback;
  if (target.startsWith('//') || target.includes('\\') || /[\u0000-\u001f]/.test(target)) return fallback;
  if (/^\/login(?:[?#/]|$)/.test(target)) return fallback;
  return target;
}
