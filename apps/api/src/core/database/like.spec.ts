import { describe, expect, it } from 'vitest';
import { containsPattern } from './like';

describe('containsPattern', () => {
  it('wraps the trimmed, lower-cased text in % and escapes the wildcards and the escape character', () => {
    expect(containsPattern('  人才 ')).toBe('%人才%');
    expect(containsPattern('ABC')).toBe('%abc%');
    expect(containsPattern('100%_done!')).toBe('%100!%!_done!!%');
  });
});
