/** Keys whose values never go into the audit log (a password typed, a hash, a token). */
const SECRET_KEY = /pass(word)?|secret|token|hash|cookie|authorization/i;
const MAX_STRING = 500;
const MAX_JSON = 16_000;
const MAX_DEPTH = 5;

function clean(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return value.length > MAX_STRING ? `${value.slice(0, MAX_STRING)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return '…';
  if (Array.isArray(value)) {
    const items = value.slice(0, 50).map((v) => clean(v, depth + 1));
    return value.length > 50 ? [...items, `… ${value.length - 50} more`] : items;
  }
  if (typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) out[k] = SECRET_KEY.test(k) ? '[removed]' : clean(v, depth + 1);
    return out;
  }
  return String(value);
}

/** The detail of an audit record as JSON: secrets removed, long texts and lists cut, at most 16 000 characters. */
export function sanitizeDetail(detail: Record<string, unknown>): string {
  const json = JSON.stringify(clean(detail, 0));
  // Half the budget: re-encoding the head as a string can at most double its length.
  return json.length > MAX_JSON ? JSON.stringify({ truncated: true, head: json.slice(0, MAX_JSON / 2 - 100) }) : json;
}
