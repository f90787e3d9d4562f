const SCALE = 1_000_000;

/** floor(a / b) and a mod b for non-negative safe integers, exactly. */
function divmod(a: number, b: number): [number, number] {
  let q = Math.floor(a / b);
  let r = a - q * b;
  while (r < 0) {
    q -= 1;
    r += b;
  }
  while (r >= b) {
    q += 1;
    r -= b;
  }
  return [q, r];
}

/**
 * Splits a non-negative integer into integer parts proportional to `weights` (largest remainder,
 * ties to the lower index): the parts always sum exactly to `total`. A weight ≤ 0 gets 0; positive
 * weights are quantised to integers (at least 1) on a 1e6 scale first, so the result does not
 * depend on floating-point rounding of the quotients.
 */
export function allocate(total: number, weights: readonly number[]): number[] {
  if (!Number.isSafeInteger(total) || total < 0) throw new RangeError(`allocate: total must be a non-negative integer, got ${total}`);
  const sum = weights.reduce((s, w) => s + (w > 0 ? w : 0), 0);
  if (!(sum > 0)) throw new RangeError('allocate: needs at least one positive weight');
  const ints = weights.map((w) => (w > 0 ? Math.max(1, Math.round((w / sum) * SCALE)) : 0));
  const W = ints.reduce((s, w) => s + w, 0);
  if (total * W > Number.MAX_SAFE_INTEGER) throw new RangeError('allocate: total too large');
  const parts: number[] = [];
  const rems: number[] = [];
  let given = 0;
  for (const w of ints) {
    const [q, r] = divmod(total * w, W);
    parts.push(q);
    rems.push(r);
    given += q;
  }
  let left = total - given;
  if (left > 0) {
    const order = ints.map((_, i) => i).sort((a, b) => rems[b] - rems[a] || a - b);
    for (const i of order) {
      if (left === 0) break;
      if (ints[i] === 0) continue;
      parts[i] += 1;
      left -= 1;
    }
  }
  return parts;
}
