/** Months as the jobs see them (pure): the month before "now" in the schedule's time zone. */

export interface Ym {
  year: number;
  month: number;
}

/** Year and month of an instant in a time zone. */
export function ymIn(at: Date, timezone: string): Ym {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: timezone, year: 'numeric', month: 'numeric' }).formatToParts(at);
  const year = Number(parts.find((p) => p.type === 'year')!.value);
  const month = Number(parts.find((p) => p.type === 'month')!.value);
  return { year, month };
}

export function previousMonth(ym: Ym): Ym {
  return ym.month === 1 ? { year: ym.year - 1, month: 12 } : { year: ym.year, month: ym.month - 1 };
}

/** The month a job run at `at` checks: the calendar month before, in the schedule's time zone. */
export function monthBefore(at: Date, timezone: string): Ym {
  return previousMonth(ymIn(at, timezone));
}

export function ymText(ym: Ym): string {
  return `${ym.year}-${String(ym.month).padStart(2, '0')}`;
}

export function ymChinese(ym: Ym): string {
  return `${ym.year}年${ym.month}月`;
}

export function parseYmText(text: string): Ym {
  return { year: Number(text.slice(0, 4)), month: Number(text.slice(5, 7)) };
}
