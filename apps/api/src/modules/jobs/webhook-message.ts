/**
 * The bodies of chat-robot messages (pure). WeCom (企业微信) group robot:
 * `{ msgtype: 'markdown', markdown: { content } }`, content at most 4096 bytes (UTF-8). DingTalk (钉钉)
 * custom robot: `{ msgtype: 'markdown', markdown: { title, text } }`; with "加签" the URL gets
 * `timestamp` (ms) and `sign` = Base64(HMAC-SHA256(secret, timestamp + "\n" + secret)), URL-encoded.
 * Both answer `{ errcode: 0, errmsg: 'ok' }` on success (HTTP 200 also for refusals).
 */
import { createHmac } from 'node:crypto';
import type { WebhookFlavor } from '../../core/config/jobs-config';

export interface WebhookMessage {
  /** One line, e.g. "2026年10月数据缺报提醒". */
  title: string;
  /** Markdown lines (without the title). */
  lines: string[];
}

export const WECOM_MAX_BYTES = 4096;
/** DingTalk documents no hard limit for markdown; keep messages short for a phone screen. */
export const DINGTALK_MAX_BYTES = 5000;

/** Keeps whole lines while the UTF-8 size stays within `max`, and says how many were left out. */
export function fitLines(title: string, lines: readonly string[], max: number): string {
  const head = `### ${title}`;
  const size = (s: string) => Buffer.byteLength(s, 'utf8');
  let text = head;
  for (let i = 0; i < lines.length; i++) {
    const rest = lines.length - i - 1;
    const candidate = `${text}\n${lines[i]}`;
    const tail = rest > 0 ? `\n> 另有 ${rest} 项，请登录平台查看` : '';
    if (size(candidate + tail) > max) {
      return `${text}\n> 另有 ${lines.length - i} 项，请登录平台查看`;
    }
    text = candidate;
  }
  return text;
}

export function webhookBody(flavor: WebhookFlavor, message: WebhookMessage): Record<string, unknown> {
  if (flavor === 'dingtalk') {
    return { msgtype: 'markdown', markdown: { title: message.title, text: fitLines(message.title, message.lines, DINGTALK_MAX_BYTES) } };
  }
  return { msgtype: 'markdown', markdown: { content: fitLines(message.title, message.lines, WECOM_MAX_BYTES) } };
}

/** The URL to post to: DingTalk with a secret gets `timestamp` and `sign`. */
export function signedUrl(flavor: WebhookFlavor, url: string, secret: string | null, nowMs: number): string {
  if (flavor !== 'dingtalk' || !secret) return url;
  const sign = createHmac('sha256', secret).update(`${nowMs}\n${secret}`, 'utf8').digest('base64');
  const u = new URL(url);
  u.searchParams.set('timestamp', String(nowMs));
  u.searchParams.set('sign', sign);
  return u.toString();
}

/** Host (and port) of the URL: what the logs and the history show — the URL itself carries the key. */
export function webhookHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '(invalid url)';
  }
}

/** The robot's answer: HTTP 2xx and, when the body is JSON with `errcode`, errcode 0. */
export function robotAccepted(status: number, body: string): { ok: boolean; error: string | null } {
  if (status < 200 || status >= 300) return { ok: false, error: `HTTP ${status}` };
  try {
    const parsed = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown };
    if (typeof parsed.errcode === 'number' && parsed.errcode !== 0) return { ok: false, error: `errcode ${parsed.errcode}: ${String(parsed.errmsg ?? '').slice(0, 200)}` };
  } catch {
    // Not JSON: a proxy or a compatible receiver; 2xx is success.
  }
  return { ok: true, error: null };
}

/** Wait before retry `n` (1-based): backoff × 2^(n−1). */
export function backoffDelay(backoffMs: number, retry: number): number {
  return backoffMs * 2 ** (retry - 1);
}
