import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { ApiErrorDto } from '@im/contracts';
import { correlationIdOf } from '../security/http-security';
import { AppException } from './app.exception';

const STATUS_CODES: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  422: 'UNPROCESSABLE',
  429: 'TOO_MANY_REQUESTS',
};

/** Generic texts for statuses whose framework message may echo internals (parser errors, routes). */
const GENERIC_MESSAGES: Record<number, string> = {
  400: '请求格式不正确',
  404: '未找到',
  405: '不支持的请求方法',
  413: '请求内容过大',
  415: '不支持的内容类型',
};

/**
 * What a client-error message must not contain: stack frames, file paths, SQL and driver codes. The
 * messages of our own exceptions and of validation are written for users; anything else that looks
 * like internals is replaced by a generic text.
 */
const INTERNALS = /(\bat\s+\S+\s+\(|\/(?:home|usr|work|app|opt|srv|var|tmp)\/|[A-Za-z]:\\|node_modules|\bER_[A-Z_]+|SQLITE_|\bSELECT\b.+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b|QueryFailedError|TypeORM|Unexpected token|JSON at position)/i;

export function looksInternal(message: string): boolean {
  return INTERNALS.test(message);
}

type IdRequest = Request & { id?: string };

/**
 * One filter for every error: a stable `{ code, message, details?, correlationId }` body; 5xx bodies
 * and any message that looks like internals are replaced by generic texts; every error is logged with
 * the correlation id (which is also in the `X-Correlation-Id` header), 5xx with the stack.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<IdRequest>();
    const correlationId = req.id ?? correlationIdOf(req);
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let body: ApiErrorDto;

    if (exception instanceof AppException) {
      status = exception.status;
      body = { code: exception.code, message: exception.message, details: exception.details, correlationId };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const r = exception.getResponse();
      const raw = typeof r === 'string' ? r : (r as { message?: string | string[] }).message;
      const messages = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((m): m is string => typeof m === 'string');
      const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR');
      const safe = messages.filter((m) => !looksInternal(m));
      if (status >= 500) {
        body = { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', correlationId };
      } else if (status === 404 && /^Cannot [A-Z]+ /.test(messages[0] ?? '')) {
        body = { code, message: GENERIC_MESSAGES[404], correlationId };
      } else {
        const message = safe.length === messages.length && safe.length ? safe.join('；') : GENERIC_MESSAGES[status] ?? `请求失败（${status}）`;
        body = { code, message, correlationId };
        if (safe.length > 1 && safe.length === messages.length) body.details = safe;
      }
    } else if (isBodyParserError(exception)) {
      status = exception.status;
      body = { code: STATUS_CODES[status] ?? 'BAD_REQUEST', message: GENERIC_MESSAGES[status] ?? '请求格式不正确', correlationId };
    } else {
      body = { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', correlationId };
    }

    const line = `${req.method} ${(req.originalUrl ?? req.url).split('?')[0]} → ${status} ${body.code} [${correlationId}]`;
    // One object argument: pino takes `msg` as the message (a trailing string would become the context).
    if (status >= 500) this.logger.error({ msg: line, correlationId, err: exception instanceof Error ? { type: exception.name, message: exception.message, stack: exception.stack } : String(exception) });
    else this.logger.warn({ msg: line, correlationId, code: body.code });

    if (status === HttpStatus.UNAUTHORIZED) res.setHeader('Cache-Control', 'no-store');
    res.status(status).json(body);
  }
}

/**
 * Answers a body-parser error (malformed JSON 400, too large 413, bad charset 415) in the API's error
 * shape. Used by the parsers' wrapper in app.setup.ts: once an error travels down Express's chain,
 * the static web app's error handler would turn it into a 404.
 */
export function sendBodyParserError(err: unknown, req: Request & { id?: string }, res: Response): void {
  const status = isBodyParserError(err) ? err.status : HttpStatus.BAD_REQUEST;
  const body: ApiErrorDto = { code: STATUS_CODES[status] ?? 'BAD_REQUEST', message: GENERIC_MESSAGES[status] ?? GENERIC_MESSAGES[400], correlationId: req.id ?? correlationIdOf(req) };
  new Logger('HttpError').warn({ msg: `${req.method} ${(req.originalUrl ?? req.url).split('?')[0]} → ${status} ${body.code} (request body) [${body.correlationId}]`, correlationId: body.correlationId });
  res.status(status).json(body);
}

/** body-parser's own errors (malformed JSON, too large, bad charset) carry a status and `type`. */
function isBodyParserError(e: unknown): e is Error & { status: number; type: string } {
  if (!(e instanceof Error)) return false;
  const { status, type } = e as Error & { status?: unknown; type?: unknown };
  return typeof status === 'number' && typeof type === 'string' && status < 500;
}
