import { createI18n } from 'vue-i18n';
import zhCN, { type MessageSchema } from './locales/zh-CN';
import en from './locales/en';

export type AppLocale = 'zh-CN' | 'en';
export const DEFAULT_LOCALE: AppLocale = 'zh-CN';
export const LOCALES: readonly AppLocale[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'im.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return value === 'zh-CN' || value === 'en';
}

/** The stored choice, else Chinese: the product is Chinese-first whatever the browser says. */
export function initialLocale(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): AppLocale {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return isAppLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function rememberLocale(locale: AppLocale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice lasts for this page only.
  }
}

export const i18n = createI18n<[MessageSchema], AppLocale, false>({
  legacy: false,
  locale: initialLocale(),
  fallbackLocale: DEFAULT_LOCALE,
  messages: { 'zh-CN': zhCN, en },
  missingWarn: false,
  fallbackWarn: false,
});
