import { BadRequestException, HttpStatus, Logger, NotFoundException, type ArgumentsHost } from '@nestjs/common';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ApiErrorDto } from '@im/contracts';
import { AppException } from './app.exception';
import { AllExceptionsFilter, looksInternal } from './http-exception.filter';

function run(exception: unknown): { status: number; body: ApiErrorDto } {
  const out = { status: 0, body: {} as ApiErrorDto };
  const res = {
    status(s: number) {
      out.status = s;
      return this;
    },
    json(b: ApiErrorDto) {
      out.body = b;
    },
    setHeader() {},
  };
  const req = { id: 'corr-12345678', method: 'GET', url: '/api/x', originalUrl: '/api/x', headers: {} };
  const host = { switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return out;
}

describe(AllExceptionsFilter.name, () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('renders AppExceptions with their code, status and the correlation id', () => {
    const { status, body } = run(new AppException('X_CODE', '中文消息', HttpStatus.CONFLICT, { a: 1 }));
    expect(status).toBe(409);
    expect(body).toEqual({ code: 'X_CODE', message: '中文消息', details: { a: 1 }, correlationId: 'corr-12345678' });
  });

  it('hides every internal of an unexpected error (SQL, driver codes, paths, stack)', () => {
    const e = Object.assign(new Error("ER_NO_SUCH_TABLE: Table 'im.indicator' doesn't exist: SELECT * FROM indicator"), { code: 'ER_NO_SUCH_TABLE', sql: 'SELECT 1' });
    e.stack = 'Error\n    at Query.onResult (/work/main/node_modules/typeorm/driver/mysql/MysqlQueryRunner.js:168:37)';
    const { status, body } = run(e);
    expect(status).toBe(500);
    expect(body).toEqual({ code: 'INTERNAL_ERROR', message: '服务器内部错误，请稍后重试', correlationId: 'corr-12345678' });
  });

  it('keeps validation messages but replaces framework messages that echo internals', () => {
    expect(run(new BadRequestException(['username 不能为空', 'password 不能为空'])).body).toMatchObject({ code: 'BAD_REQUEST', message: 'username 不能为空；password 不能为空' });
    expect(run(new BadRequestException('Unexpected token } in JSON at position 10')).body.message).toBe('请求格式不正确');
    expect(run(new NotFoundException('Cannot GET /api/secret/path')).body.message).toBe('未找到');
  });

  it('renders body-parser errors (too large, malformed) without their text', () => {
    const tooLarge = Object.assign(new Error('request entity too large'), { status: 413, type: 'entity.too.large' });
    expect(run(tooLarge)).toMatchObject({ status: 413, body: { code: 'PAYLOAD_TOO_LARGE', message: '请求内容过大' } });
  });
});

describe('looksInternal', () => {
  it.each(['ER_DUP_ENTRY', 'SQLITE_CONSTRAINT: UNIQUE', 'at Foo.bar (/work/main/x.js:1:2)', 'SELECT id FROM app_user', '/usr/lib/node_modules/x', 'C:\\app\\x'])('spots %s', (m) => {
    expect(looksInternal(m)).toBe(true);
  });

  it.each(['用户名或密码错误', '期间格式应为 YYYY-MM', 'username must be shorter than or equal to 64 characters'])('lets %s through', (m) => {
    expect(looksInternal(m)).toBe(false);
  });
});
