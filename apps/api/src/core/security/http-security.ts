import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { CorsOptions } from '@nestjs/common/interfaces/external/cors-options.interface';
import type { Request } from 'express';
import type { HelmetOptions } from 'helmet';

/**
 * Content-Security-Policy of every response (the web app's HTML above all). The built web app loads
 * only its own files: no inline or evaluated scripts, no <style> elements, no third-party origins.
 * `style-src-attr 'unsafe-inline'` lets Element Plus and ECharts position popovers, tooltips and
 * chart layers with style attributes; style attributes cannot run code or select elements.
 */
export function contentSecurityPolicy(https: boolean, docs = false): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    // Swagger UI's page has one <style> element; the web app has none.
    'style-src': docs ? ["'self'", "'unsafe-inline'"] : ["'self'"],
    'style-src-attr': ["'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'manifest-src': ["'self'"],
    'media-src': ["'self'"],
    'object-src': ["'none'"],
    'frame-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** helmet settings: the CSP above, no framing, no referrer leaks, HSTS when served over HTTPS. */
export function helmetOptions(https: boolean, docs = false): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https, docs) },
    crossOriginEmbedderPolicy: false,
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    xContentTypeOptions: true,
    xDnsPrefetchControl: { allow: false },
    xDownloadOptions: true,
    xPermittedCrossDomainPolicies: { permittedPolicies: 'none' },
    xXssProtection: false,
  };
}

/** CORS: only the configured origins, with credentials; no origin allowed when the list is empty (same-origin app). */
export function corsOptions(allowlist: readonly string[]): CorsOptions {
  const allowed = new Set(allowlist);
  return {
    origin: (origin, callback) => callback(null, !!origin && allowed.has(origin)),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['Content-Type', 'Accept', 'Accept-Language', 'X-CSRF-Token', 'X-Correlation-Id'],
    exposedHeaders: ['X-Correlation-Id', 'Retry-After', 'Content-Disposition'],
    maxAge: 600,
  };
}

/**
 * Whether an Origin names the host the request was addressed to. The scheme is not compared: behind a
 * TLS-terminating proxy without `TRUST_PROXY` the app sees http while the browser says https.
 */
function sameHost(origin: string, req: Request): boolean {
  try {
    return new URL(origin).host === (req.get('host') ?? '');
  } catch {
    return false;
  }
}

/**
 * Whether a state-changing request may come from where the browser says it comes from: an `Origin`
 * header must name the app's own host or be one of the CORS allowlist; without `Origin`, a browser's
 * `Sec-Fetch-Site: cross-site` is refused. Requests without either (curl, server-to-server) pass —
 * they carry no ambient browser cookies of a victim.
 */
export function isAllowedOrigin(req: Request, allowlist: readonly string[]): boolean {
  const origin = req.get('origin');
  if (origin && origin !== 'null') return sameHost(origin, req) || allowlist.includes(origin);
  if (origin === 'null') return false;
  const site = req.get('sec-fetch-site');
  return site !== 'cross-site';
}

const CORRELATION_ID = /^[A-Za-z0-9._:-]{8,64}$/;

/** The request's correlation id: the caller's `X-Correlation-Id` when well-formed, else a new UUID. */
export function correlationIdOf(req: IncomingMessage): string {
  const header = req.headers['x-correlation-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value && CORRELATION_ID.test(value) ? value : randomUUID();
}

/** Methods that change state and therefore need the CSRF token and an allowed origin. */
export function isStateChanging(method: string): boolean {
  return !['GET', 'HEAD', 'OPTIONS'].includes(method.toUpperCase());
}
