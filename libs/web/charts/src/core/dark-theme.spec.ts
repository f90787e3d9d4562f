import { describe, expect, it } from 'vitest';
import { buildRankingOption } from '../options/ranking.option';
import { DARK, withDarkTheme } from './dark-theme';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the option is inspected field by field
type Loose = Record<string, any>;

describe('withDarkTheme', () => {
  const option = buildRankingOption({ rows: [{ code: 'a', name: 'A', value: 10 }], measure: 'value', unit: '万元', locale: 'zh-CN', label: '累计', title: '标题' });
  const dark = withDarkTheme(option, 2) as Loose;
  it('turns text light and keeps formatters and data', () => {
    expect(dark.title.textStyle.color).toBe(DARK.text);
    expect(dark.xAxis.axisLabel.color).toBe(DARK.muted);
    expect(dark.xAxis.axisLabel.formatter).toBe((option.xAxis as Loose).axisLabel.formatter);
    expect(dark.yAxis.axisLabel.fontSize).toBe(24);
    expect(dark.series[0].label.color).toBe(DARK.text);
    expect(dark.series[0].data).toBe((option.series as Loose[])[0].data);
  });
  it('does not change the option it is given', () => {
    expect((option.title as Loose).textStyle.color).toBe('#1f2329');
  });
});
