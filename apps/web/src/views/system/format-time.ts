/**
 * Times of audit records and sign-ins: stored in UTC, shown in China Standard Time (the product's
 * users are in Xiamen; a browser in another time zone must not shift the record).
 */
const formatter = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hour12: false,
});

export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const parts = Object.fromEntries(formatter.formatToParts(d).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** The UTC instant at which a China Standard Time calendar day (YYYY-MM-DD) starts. */
export function startOfChinaDay(day: string): string {
  return new Date(`${day}T00:00:00+08:00`).toISOString();
}
