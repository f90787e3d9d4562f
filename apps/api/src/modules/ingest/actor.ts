import type { AuthedRequest } from '../../core/security/auth-context';

/**
 * Who is uploading, committing or rolling back: the signed-in user's id from the session the access
 * guard resolved, or null (no user: scripts, tests without sessions). The one place ingest asks.
 */
export function actorIdOf(req: unknown): number | null {
  const id = (req as AuthedRequest | undefined)?.auth?.user.id;
  return typeof id === 'number' ? id : null;
}
