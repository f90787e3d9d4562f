import { describe, expect, it } from 'vitest';
import { manualSlot, nextTick, scheduleSlot, tickOf } from './job-schedule';

const TZ = 'Asia/Shanghai';

describe('nextTick', () => {
  it('reads the cron expression in the configured time zone', () => {
    // 10th of the month 09:00 Shanghai = 01:00 UTC.
    expect(nextTick('0 0 9 10 * *', TZ, new Date('2026-11-01T00:00:00Z')).toISOString()).toBe('2026-11-10T01:00:00.000Z');
    expect(nextTick('0 0 9 10 * *', TZ, new Date('2026-11-10T01:00:00Z')).toISOString()).toBe('2026-12-10T01:00:00.000Z');
    expect(nextTick('0 0 9 20 1 *', TZ, new Date('2026-11-22T00:00:00Z')).toISOString()).toBe('2027-01-20T01:00:00.000Z');
  });
});

describe('tickOf', () => {
  it('gives every instance the same tick for a timer that fired a little late', () => {
    const cron = '0 30 8 * * *';
    const tick = '2026-11-22T00:30:00.000Z';
    for (const late of [0, 1, 999, 2_500, 59_000, 9 * 60_000]) {
      expect(tickOf(cron, TZ, new Date(Date.parse(tick) + late)).toISOString()).toBe(tick);
    }
  });

  it('falls back to the second when no tick lies in the look-back window', () => {
    expect(tickOf('0 0 9 10 * *', TZ, new Date('2026-11-22T05:06:07.890Z')).toISOString()).toBe('2026-11-22T05:06:07.000Z');
  });
});

describe('slots', () => {
  it('keys a scheduled run by its tick and a manual run by a fresh random key', () => {
    expect(scheduleSlot(new Date('2026-11-10T01:00:00Z'))).toBe('tick:2026-11-10T01:00:00.000Z');
    const a = manualSlot();
    expect(a).toMatch(/^manual:[0-9a-f-]{36}$/);
    expect(manualSlot()).not.toBe(a);
    expect(scheduleSlot(new Date('2026-11-10T01:00:00Z')).length).toBeLessThanOrEqual(80);
  });
});
