import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { stdTimeFunctions } from 'pino';
import type { AppConfig } from '../config/app-config';
import { correlationIdOf } from '../security/http-security';

const PINO_LEVELS: Record<AppConfig['logLevel'], string> = { error: 'error', warn: 'warn', log: 'info', debug: 'debug' };

type Req = IncomingMessage & { id?: string; auth?: { user: { id: number; username: string } }; originalUrl?: string };

/** Path of a request URL without the query string (queries may carry names of enterprises; keep logs lean). */
const pathOf = (url: string | undefined) => (url ?? '').split('?')[0].slice(0, 300);

/**
 * Structured JSON logs (pino): one line per request and per application log, each with the
 * request's correlation id (also in the `X-Correlation-Id` response header and every error body).
 * Cookies, CSRF tokens and bodies are never logged.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            level: PINO_LEVELS[config.logLevel],
            messageKey: 'msg',
            timestamp: stdTimeFunctions.isoTime,
            formatters: { level: (label: string) => ({ level: label }) },
            base: { app: 'industry-monitor' },
            genReqId: (req: IncomingMessage) => (req as Req).id ?? correlationIdOf(req),
            customAttributeKeys: { reqId: 'correlationId' },
            customProps: (req: IncomingMessage) => {
              const auth = (req as Req).auth;
              return auth ? { user: auth.user.username, userId: auth.user.id } : {};
            },
            serializers: {
              req: (req: IncomingMessage & { raw?: IncomingMessage; remoteAddress?: string }) => ({ method: req.method, path: pathOf((req.raw as Req | undefined)?.originalUrl ?? req.url), ip: req.remoteAddress }),
              res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
              err: (err: Error) => ({ type: err.name, message: err.message, stack: err.stack }),
            },
            redact: { paths: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'], censor: '[redacted]' },
            customLogLevel: (_req: IncomingMessage, res: ServerResponse, err?: Error) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
            // The web app polls health every minute: not worth a line each time.
            autoLogging: { ignore: (req: IncomingMessage) => pathOf(req.url) === '/api/health' },
            quietReqLogger: true,
          },
        }),
      ],
    };
  }
}
