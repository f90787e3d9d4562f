import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import { i18n } from '../i18n';
import { createHttpClient } from './http-client';

const { t } = i18n.global;

/** The app's request client: `/api` on the same origin (Vite proxies it in development). */
export const http = createHttpClient({
  baseUrl: '/api',
  texts: () => ({
    http: (status: number) => t('errors.http', { status }),
    server: t('errors.server'),
    network: t('errors.network'),
    timeout: t('errors.timeout'),
    invalid: t('errors.invalid'),
  }),
  requestInterceptors: [
    (request) => {
      request.init.headers.set('Accept-Language', i18n.global.locale.value);
    },
  ],
  errorInterceptors: [
    (error, request) => {
      if (request.options.silent) return;
      // ElMessage renders `message` as text (no HTML); `grouping` folds repeats of the same error.
      ElMessage({ type: 'error', message: error.message, grouping: true, showClose: true });
    },
  ],
});
