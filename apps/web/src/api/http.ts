import { ElMessage } from 'element-plus';
import 'element-plus/es/components/message/style/css';
import { i18n } from '../i18n';
import { createHttpClient } from './http-client';
import { CSRF_HEADER, expectsUnauthorized, getCsrfToken, notifySessionExpired } from './session-token';

const { t } = i18n.global;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The app's request client: `/api` on the same origin (Vite proxies it in development). The session
 * cookie goes with every request (same origin); state-changing requests carry the session's CSRF
 * token; a 401 means the session ended on the server, and the app goes to the login page.
 */
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
      const token = getCsrfToken();
      if (token && !SAFE_METHODS.has(String(request.init.method).toUpperCase())) request.init.headers.set(CSRF_HEADER, token);
    },
  ],
  errorInterceptors: [
    (error, request) => {
      if (error.status === 401 && !expectsUnauthorized(request.url)) {
        // The login page says why (登录已过期); a toast on top of it would only repeat it.
        notifySessionExpired();
        return;
      }
      if (request.options.silent) return;
      // ElMessage renders `message` as text (no HTML); `grouping` folds repeats of the same error.
      ElMessage({ type: 'error', message: error.message, grouping: true, showClose: true });
    },
  ],
});
