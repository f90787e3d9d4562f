import { describe, expect, it } from 'vitest';
import { passwordProblems } from './password-policy';

describe('passwordProblems', () => {
  it('accepts a long password with three character classes', () => {
    expect(passwordProblems('Stat-Bureau-2025', 'stats')).toEqual([]);
    expect(passwordProblems('统计局Passw0rd', 'stats')).toEqual([]);
  });

  it.each([
    ['Short1!', /至少 10/],
    ['alllowercaseletters', /三类/],
    ['Huli-Passw0rd', /用户名/],
    [' Leading-Sp4ce', /空格/],
    ['Demo@Xiamen2025', /常见/],
  ])('refuses %j', (password, problem) => {
    expect(passwordProblems(password, 'huli').join('\n')).toMatch(problem);
  });

  it('refuses passwords over 128 characters', () => {
    expect(passwordProblems(`Aa1!${'x'.repeat(130)}`).join()).toMatch(/128/);
  });
});
