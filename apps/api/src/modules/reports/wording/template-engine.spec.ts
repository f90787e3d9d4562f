import { describe, expect, it } from 'vitest';
import { BRIEF_TEMPLATE_SPECS } from './brief-templates';
import { fillTemplate, placeholdersOf, validateTemplate } from './template-engine';

describe('fillTemplate', () => {
  it('fills placeholders and empties unknown values', () => {
    expect(fillTemplate('{period}，{region}{subject}', { period: '1—10月', subject: '数字创意产业' })).toBe('1—10月，数字创意产业');
    expect(fillTemplate('{count}项', { count: 0 })).toBe('0项');
  });
  it('lists placeholders once', () => expect(placeholdersOf('{a}{b}{a}')).toEqual(['a', 'b']));
});

describe('validateTemplate', () => {
  it('accepts every default pattern', () => {
    for (const spec of BRIEF_TEMPLATE_SPECS) expect(validateTemplate(spec.key, spec.text), spec.key).toEqual([]);
  });
  it.each<[string, string, string, string]>([
    ['unknown placeholder', 'growth.up', '同比增长{rate}%{foo}', '模板「增速：增长」含未知占位符 {foo}；可用的占位符：{rate}'],
    ['missing required placeholder', 'level', '{period}，{subject}实现{indicator}', '模板「总量句（有总量数据）」缺少必需的占位符 {value}（总量（亿元，两位小数））'],
    ['unbalanced braces', 'growth.up', '同比增长{rate%', '模板「增速：增长」中的花括号不成对：占位符应写成 {名称}'],
    ['placeholder in a pattern without any', 'growth.flat', '与{period}持平', '模板「增速：持平」含未知占位符 {period}；可用的占位符：（本模板不使用占位符）'],
    ['empty', 'growth.flat', '  ', '模板「增速：持平」不能为空'],
    ['unknown key', 'nope', 'x', '没有名为「nope」的简报模板'],
  ])('%s', (_, key, text, message) => expect(validateTemplate(key, text)).toContain(message));

  it('refuses an over-long pattern', () => expect(validateTemplate('growth.flat', '持'.repeat(501))[0]).toMatch(/过长/));
});
