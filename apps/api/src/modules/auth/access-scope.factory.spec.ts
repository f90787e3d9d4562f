import { describe, expect, it } from 'vitest';
import { withDescendants } from './access-scope.factory';

describe('withDescendants', () => {
  const parentOf = new Map<number, number | null>([
    [1, null],
    [2, 1],
    [3, 2],
    [4, 2],
    [5, null],
    [6, 5],
  ]);

  it('includes every level below the roots, and the roots', () => {
    expect(withDescendants([2], parentOf)).toEqual([2, 3, 4]);
    expect(withDescendants([1, 5], parentOf)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('does not include ancestors or siblings', () => {
    expect(withDescendants([3], parentOf)).toEqual([3]);
  });

  it('survives a cycle in bad data', () => {
    expect(withDescendants([7], new Map([[7, 8], [8, 7]]))).toEqual([7, 8]);
  });
});
