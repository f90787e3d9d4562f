import type { DisplayLocale } from '@im/charts';

/** A reference-data name in the UI language: the English name in English when there is one. */
export function displayName(entity: { name: string; nameEn?: string | null }, locale: DisplayLocale): string {
  return locale === 'en' && entity.nameEn ? entity.nameEn : entity.name;
}

/** `2025年1-10月` in English: "Jan–Oct 2025" (the API labels periods in Chinese). */
export function periodText(ytdLabel: string, period: string, locale: DisplayLocale): string {
  if (locale !== 'en') return ytdLabel;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const year = period.slice(0, 4);
  const month = Number(period.slice(5, 7));
  return month === 1 ? `Jan ${year}` : `Jan–${months[month - 1]} ${year}`;
}
