import type { Router } from 'vue-router';
import type { Capability } from '@im/contracts';
import { setSessionExpiredHandler } from '../api/session-token';
import { useAuthStore } from '../stores/auth.store';
import { safeRedirect } from '../views/auth/redirect';

declare module 'vue-router' {
  interface RouteMeta {
    /** Open without signing in (the login page). */
    public?: boolean;
    /** What the page needs (ROLE_CAPABILITIES); pages without it need only a signed-in user. */
    capability?: Capability;
  }
}

/**
 * Route guards: every page but the login page needs a signed-in user (asked once from GET /auth/me);
 * a page whose capability the role lacks shows the forbidden page. The server enforces the same
 * rules on every request — these guards only spare users pages they cannot use.
 */
export function installAuthGuards(router: Router): void {
  router.beforeEach(async (to) => {
    const auth = useAuthStore();
    if (to.meta.public) {
      if (to.name === 'login' && auth.signedIn) return safeRedirect(to.query.redirect);
      return true;
    }
    let signedIn: boolean;
    try {
      signedIn = (await auth.ensureLoaded()) !== null;
    } catch {
      // The server cannot be reached: open the page, which shows the connection problem.
      return true;
    }
    if (!signedIn) return { name: 'login', query: { redirect: to.fullPath } };
    if (to.meta.capability && !auth.can(to.meta.capability)) return { name: 'forbidden', query: { from: to.fullPath } };
    return true;
  });

  // A 401 on any request: the session ended on the server (timeout, logout elsewhere, password change).
  setSessionExpiredHandler(() => {
    const auth = useAuthStore();
    // Only the first of several failing requests acts; before sign-in the route guard does the redirect.
    if (!auth.signedIn) return;
    auth.expire();
    const current = router.currentRoute.value;
    if (current.meta.public) return;
    void router.replace({ name: 'login', query: { redirect: current.fullPath, reason: 'expired' } });
  });
}
