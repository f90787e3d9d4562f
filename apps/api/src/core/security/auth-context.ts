import { createParamDecorator, type ExecutionContext, InternalServerErrorException } from '@nestjs/common';
import type { Request } from 'express';
import type { UserRole } from '@im/contracts';
import type { AccessScope } from './access-scope';

/** The signed-in user of a request, as the AccessGuard found it in the session. */
export interface AuthenticatedUser {
  id: number;
  username: string;
  displayName: string;
  role: UserRole | null;
  districtId: number | null;
  isDemo: boolean;
}

export interface AuthContext {
  user: AuthenticatedUser;
  sessionId: string;
  csrfToken: string;
  createdAt: Date;
  expiresAt: Date;
  /** What the user may read; the query layer applies it. */
  scope: AccessScope;
}

/** Requests carry the AuthContext the guard attached (`undefined` on public routes). */
export type AuthedRequest = Request & { auth?: AuthContext };

function authOf(ctx: ExecutionContext): AuthContext {
  const auth = ctx.switchToHttp().getRequest<AuthedRequest>().auth;
  // Only reachable if a route without a signed-in policy asks for the user: a programming error.
  if (!auth) throw new InternalServerErrorException('route has no signed-in policy but asks for the signed-in user');
  return auth;
}

/** The signed-in user's AuthContext (routes with a `SignedIn` or `Can` policy). */
export const CurrentAuth = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthContext => authOf(ctx));

/** The signed-in user's AccessScope — pass it to the query layer; never build one from request parameters. */
export const CurrentScope = createParamDecorator((_data: unknown, ctx: ExecutionContext): AccessScope => authOf(ctx).scope);
