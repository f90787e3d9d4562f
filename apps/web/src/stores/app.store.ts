import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import type { HealthDto } from '@im/contracts';
import { getHealth } from '../api/health';
import { i18n, rememberLocale, type AppLocale } from '../i18n';

export type ConnectionState = 'checking' | 'online' | 'offline';

/** App-wide state: UI language and the server's health (demo flag, database driver). */
export const useAppStore = defineStore('app', () => {
  const locale = ref<AppLocale>(i18n.global.locale.value);
  const health = shallowRef<HealthDto | null>(null);
  const connection = ref<ConnectionState>('checking');

  const isDemo = computed(() => health.value?.demo === true);

  function applyLocale(value: AppLocale): void {
    locale.value = value;
    i18n.global.locale.value = value;
    rememberLocale(value);
  }

  function toggleLocale(): void {
    applyLocale(locale.value === 'zh-CN' ? 'en' : 'zh-CN');
  }

  async function refreshHealth(): Promise<void> {
    try {
      health.value = await getHealth();
      connection.value = 'online';
    } catch {
      connection.value = 'offline';
    }
  }

  return { locale, health, connection, isDemo, applyLocale, toggleLocale, refreshHealth };
});
