import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32, rng } from './prng';

describe(mulberry32.name, () => {
  it('is deterministic per seed and stays in [0, 1)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 32 - 1 }), (seed) => {
        const a = mulberry32(seed);
        const b = mulberry32(seed);
        for (let i = 0; i < 50; i++) {
          const x = a();
          expect(b()).toBe(x);
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
    );
  });
});

describe(rng.name, () => {
  it('gives independent streams per label and integers within bounds', () => {
    expect(rng(1, 'a').next()).not.toBe(rng(1, 'b').next());
    expect(rng(1, 'a').next()).not.toBe(rng(2, 'a').next());
    const r = rng(7, 'x');
    for (let i = 0; i < 200; i++) {
      const v = r.int(3, 5);
      expect([3, 4, 5]).toContain(v);
    }
  });
});
