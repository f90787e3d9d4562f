/**
 * Pure helpers of the schedule: the ticks of a cron expression in a time zone, and the slot key of a
 * run. A scheduled run's slot is the tick it belongs to, computed from the clock the same way on every
 * API instance, so two instances firing the same tick compete for the same `(job, slot)` row.
 */
import { randomUUID } from 'node:crypto';
import { CronTime } from 'cron';

/** A tick fires a little late (timers, a busy event loop); the run still belongs to the tick before it. */
export const TICK_LOOKBACK_MS = 10 * 60_000;

/** The next tick strictly after `from`. */
export function nextTick(cron: string, timezone: string, from: Date): Date {
  return new CronTime(cron, timezone).getNextDateFrom(from, timezone).toJSDate();
}

/**
 * The latest tick at or before `at` (within TICK_LOOKBACK_MS), i.e. the tick a timer firing at `at`
 * belongs to; `at` itself (to the second) when no tick lies in the window.
 */
export function tickOf(cron: string, timezone: string, at: Date, lookbackMs = TICK_LOOKBACK_MS): Date {
  const time = new CronTime(cron, timezone);
  const limit = Math.floor(at.getTime() / 1000) * 1000;
  let cursor = new Date(limit - lookbackMs - 1000);
  let found: Date | null = null;
  for (let i = 0; i < 100_000; i++) {
    const next = time.getNextDateFrom(cursor, timezone).toJSDate();
    if (next.getTime() > limit) break;
    found = next;
    cursor = next;
  }
  return found ?? new Date(limit);
}

export function scheduleSlot(tick: Date): string {
  return `tick:${tick.toISOString()}`;
}

export function manualSlot(): string {
  return `manual:${randomUUID()}`;
}
