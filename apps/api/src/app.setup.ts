import { ValidationPipe, type INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AllExceptionsFilter } from './core/errors/http-exception.filter';

/** Everything main.ts and the integration tests configure the same way. */
export function configureApp(app: INestApplication): INestApplication {
  app.setGlobalPrefix('api');
  app.useGlobalPipes(new ValidationPipe({ whitelist: true, forbidNonWhitelisted: true, transform: true }));
  app.useGlobalFilters(new AllExceptionsFilter());
  const httpAdapter = app.getHttpAdapter().getInstance() as { disable?: (s: string) => void };
  httpAdapter.disable?.('x-powered-by');
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Industry Monitor API (产业运行监测平台)')
      .setDescription('Reference data, observations and target progress of the city’s monthly industry monitoring. Money values are in 万元 unless stated.')
      .setVersion('0.1.0')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  return app;
}
