import { useI18n } from 'vue-i18n';
import type { DashboardNoteDto } from '@im/contracts';

/** A note of an API answer in the UI language: the API's Chinese message (it has the exact counts), or its translation. */
export function useNoteText() {
  const { t, te, locale } = useI18n();
  return (note: DashboardNoteDto): string => (locale.value === 'en' && te(`dashNotes.${note.code}`) ? t(`dashNotes.${note.code}`) : note.message);
}
