export interface NamedCode {
  code: string;
  name: string;
}

/** Levenshtein distance (insert, delete, substitute) on UTF-16 code units — fine for codes and CJK names. */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length];
}

/** 0 (same) … 1 (nothing in common) for one candidate text. */
function distance(input: string, text: string): number {
  const a = input.toLowerCase();
  const b = text.toLowerCase();
  if (!a || !b) return 1;
  if (a === b) return 0;
  // A clerk often types part of a name (集成电路 for 集成电路产业) or a code prefix.
  if (b.includes(a) || a.includes(b)) return 0.1 + 0.2 * (1 - Math.min(a.length, b.length) / Math.max(a.length, b.length));
  return editDistance(a, b) / Math.max(a.length, b.length);
}

/**
 * The known entries closest to what was typed, by code or by name (a clerk may type a name where a
 * code is expected): at most `limit`, only reasonably close ones (normalized distance ≤ 0.4).
 */
export function closestMatches<T extends NamedCode>(input: string, candidates: Iterable<T>, limit = 3): T[] {
  const scored: { c: T; d: number }[] = [];
  for (const c of candidates) {
    const d = Math.min(distance(input, c.code), distance(input, c.name));
    if (d <= 0.4) scored.push({ c, d });
  }
  scored.sort((x, y) => x.d - y.d || x.c.code.localeCompare(y.c.code));
  return scored.slice(0, limit).map((s) => s.c);
}

/** `sei.ngit（新一代信息技术）、sei.nmne（新材料与新能源）` */
export function describeMatches(matches: NamedCode[]): string {
  return matches.map((m) => `${m.code}（${m.name}）`).join('、');
}
