/**
 * A cron expression (six fields, seconds first) in words, for the jobs page: the common shapes of
 * the product's schedules; anything else is shown as the expression itself.
 */
export interface CronWords {
  daily: (time: string) => string;
  monthly: (day: number, time: string) => string;
  yearly: (month: number, day: number, time: string) => string;
  weekly: (weekday: number, time: string) => string;
}

const NUM = /^\d+$/;

export function describeCron(cron: string, words: CronWords): string {
  const fields = cron.trim().split(/\s+/);
  if (fields.length !== 6) return cron;
  const [sec, min, hour, dom, mon, dow] = fields;
  if (!NUM.test(sec) || !NUM.test(min) || !NUM.test(hour)) return cron;
  const time = `${hour.padStart(2, '0')}:${min.padStart(2, '0')}${sec === '0' ? '' : `:${sec.padStart(2, '0')}`}`;
  if (dom === '*' && mon === '*' && dow === '*') return words.daily(time);
  if (NUM.test(dom) && mon === '*' && dow === '*') return words.monthly(Number(dom), time);
  if (NUM.test(dom) && NUM.test(mon) && dow === '*') return words.yearly(Number(mon), Number(dom), time);
  if (dom === '*' && mon === '*' && NUM.test(dow)) return words.weekly(Number(dow) % 7, time);
  return cron;
}
