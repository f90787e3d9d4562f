import { ValidationPipe, type INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import { json, urlencoded, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import helmet from 'helmet';
import { APP_CONFIG, type AppConfig } from './core/config/app-config';
import { AllExceptionsFilter, sendBodyParserError } from './core/errors/http-exception.filter';
import { correlationIdOf, corsOptions, helmetOptions } from './core/security/http-security';
import { runWithRequestContext } from './core/security/request-context';
import { securityConfigOf } from './core/security/security-config';
import { readSessionToken } from './modules/auth/session-cookie';
import { SessionService } from './modules/auth/session.service';

type IdRequest = Request & { id?: string };

/** Everything main.ts and the integration tests configure the same way. */
export function configureApp(app: INestApplication): INestApplication {
  const config = app.get<AppConfig>(APP_CONFIG);
  const security = securityConfigOf(config);
  const express = app as unknown as NestExpressApplication;

  express.set('trust proxy', security.trustProxy);
  express.disable('x-powered-by');

  // 1. Correlation id first, so that every later failure (even a malformed body) carries it.
  express.use((req: IdRequest, res: Response, next: NextFunction) => {
    req.id = correlationIdOf(req);
    res.setHeader('X-Correlation-Id', req.id);
    next();
  });

  // 2. Security headers on every response (API, web app, docs). HSTS and upgrade-insecure-requests only over HTTPS.
  const headers = {
    http: helmet(helmetOptions(false)),
    https: helmet(helmetOptions(true)),
    docsHttp: helmet(helmetOptions(false, true)),
    docsHttps: helmet(helmetOptions(true, true)),
  };
  express.use((req: Request, res: Response, next: NextFunction) => {
    const https = security.cookieSecure === 'auto' ? req.secure : security.cookieSecure;
    const docs = req.path.startsWith('/api/docs');
    (docs ? (https ? headers.docsHttps : headers.docsHttp) : https ? headers.https : headers.http)(req, res, next);
  });
  if (security.corsOrigins.length) app.enableCors(corsOptions(security.corsOrigins));

  // 3. Cookies and bodies with limits (file uploads have their own limits in their modules).
  express.use(cookieParser());
  // Parser errors are answered here (400 / 413 / 415 in the API's error shape) instead of travelling
  // down Express's chain. Create the app with `bodyParser: false` so that Nest adds no second parser.
  const parse = (parser: RequestHandler): RequestHandler => (req, res, next) => parser(req, res, (err?: unknown) => (err ? sendBodyParserError(err, req as IdRequest, res) : next()));
  express.use(parse(json({ limit: security.bodyLimit })));
  express.use(parse(urlencoded({ limit: security.bodyLimit, extended: false })));

  // 4. The request context (correlation id, client IP, later the user) for audit records and logs.
  //    Registered after the body parsers: their stream callbacks would lose an earlier context.
  express.use((req: IdRequest, _res: Response, next: NextFunction) => {
    runWithRequestContext({ correlationId: req.id ?? correlationIdOf(req), ip: req.ip ?? null, actor: null }, next);
  });

  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new AllExceptionsFilter());

  if (security.apiDocs) {
    // The API description is for signed-in users only: anonymous visitors do not get a map of the API.
    const sessions = app.get(SessionService);
    express.use(['/api/docs', '/api/docs-json'], (req: Request, res: Response, next: NextFunction) => {
      const token = readSessionToken(req);
      const done = (ok: boolean) => (ok ? next() : res.status(401).json({ code: 'AUTH_REQUIRED', message: '请先登录', correlationId: (req as IdRequest).id }));
      if (!token) return done(false);
      sessions.resolve(token).then((r) => done(r.status === 'valid'), next);
    });
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Industry Monitor API (产业运行监测平台)')
        .setDescription(
          'Reference data, observations and target progress of the city’s monthly industry monitoring. Money values are in 万元 unless stated. ' +
            'Sign in with POST /api/auth/login (session cookie); state-changing requests need the X-CSRF-Token header from the login or GET /api/auth/me answer.',
        )
        .setVersion('0.1.0')
        .addCookieAuth('im_session', { type: 'apiKey', in: 'cookie', name: 'im_session' }, 'session')
        .build(),
    );
    SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  }
  return app;
}
