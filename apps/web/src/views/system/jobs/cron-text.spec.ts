import { describe, expect, it } from 'vitest';
import { describeCron, type CronWords } from './cron-text';

const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];
const zh: CronWords = {
  daily: (t) => `每天 ${t}`,
  monthly: (d, t) => `每月${d}日 ${t}`,
  yearly: (m, d, t) => `每年${m}月${d}日 ${t}`,
  weekly: (w, t) => `每周${WEEKDAYS[w]} ${t}`,
};

describe('describeCron', () => {
  it('puts the product’s default schedules into words', () => {
    expect(describeCron('0 0 9 10 * *', zh)).toBe('每月10日 09:00');
    expect(describeCron('0 30 8 * * *', zh)).toBe('每天 08:30');
    expect(describeCron('0 0 9 15 * *', zh)).toBe('每月15日 09:00');
    expect(describeCron('0 0 9 20 1 *', zh)).toBe('每年1月20日 09:00');
    expect(describeCron('0 0 9 * * 1', zh)).toBe('每周一 09:00');
    expect(describeCron('0 0 9 * * 7', zh)).toBe('每周日 09:00');
    expect(describeCron('15 5 7 * * *', zh)).toBe('每天 07:05:15');
  });

  it('shows other expressions as they are', () => {
    expect(describeCron('0 */5 * * * *', zh)).toBe('0 */5 * * * *');
    expect(describeCron('0 0 9 1-5 * *', zh)).toBe('0 0 9 1-5 * *');
    expect(describeCron('0 9 * * *', zh)).toBe('0 9 * * *');
  });
});
