/**
 * The last complete calendar month before `today` (local time of the process): 2026-11-21 → 2026-10,
 * 2027-01-05 → 2026-12. The demo data runs through this month.
 */
export function lastCompleteMonth(today: Date): { year: number; month: number } {
  if (Number.isNaN(today.getTime())) throw new RangeError('invalid date');
  const year = today.getFullYear();
  const month = today.getMonth(); // 0-based: the previous month's 1-based number
  return month === 0 ? { year: year - 1, month: 12 } : { year, month };
}
