import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { ApiErrorDto } from '@im/contracts';
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

/** One filter for every error: a stable `{ code, message, details?, correlationId }` body; 500s hide internals. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    const res = ctx.getResponse<Response>();
    const req = ctx.getRequest<Request>();
    const correlationId = (req.headers['x-correlation-id'] as string | undefined)?.slice(0, 64) || randomUUID();
    let status: number = HttpStatus.INTERNAL_SERVER_ERROR;
    let body: ApiErrorDto;

    if (exception instanceof AppException) {
      status = exception.status;
      body = { code: exception.code, message: exception.message, details: exception.details, correlationId };
    } else if (exception instanceof HttpException) {
      status = exception.getStatus();
      const r = exception.getResponse();
      const raw = typeof r === 'string' ? r : (r as { message?: string | string[] }).message;
      const messages = Array.isArray(raw) ? raw : raw ? [raw] : [];
      const code = STATUS_CODES[status] ?? (status >= 500 ? 'INTERNAL_ERROR' : 'HTTP_ERROR');
      body =
        status >= 500
          ? { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', correlationId }
          : { code, message: status === 404 && !messages.length ? '未找到' : messages.join('；') || exception.message, correlationId };
      if (Array.isArray(raw) && raw.length > 1) body.details = raw;
    } else {
      body = { code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', correlationId };
    }

    if (status >= 500) {
      this.logger.error(`${req.method} ${req.url} → ${status} [${correlationId}]`, exception instanceof Error ? exception.stack : String(exception));
    }
    res.status(status).json(body);
  }
}
