import { describe, expect, it, vi } from 'vitest';
import { ApiError, buildUrl, createHttpClient, errorText, toApiError, type HttpClientConfig } from './http-client';

const texts = {
  http: (status: number) => `请求失败（${status}）`,
  server: '服务器内部错误',
  network: '无法连接服务器',
  timeout: '请求超时',
  invalid: '无法识别的数据',
};

function client(fetchFn: typeof fetch, extra: Partial<HttpClientConfig> = {}) {
  return createHttpClient({ baseUrl: '/api', texts: () => texts, fetchFn, ...extra });
}

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

describe('buildUrl', () => {
  it('joins base and path and skips empty query values', () => {
    expect(buildUrl('/api/', '/observations/series', { industry: 'sei.ngit.ic', region: 'xm', from: undefined, to: null, x: '' })).toBe(
      '/api/observations/series?industry=sei.ngit.ic&region=xm',
    );
    expect(buildUrl('/api', 'health')).toBe('/api/health');
  });

  it('encodes query values', () => {
    expect(buildUrl('/api', 'x', { q: '集成 电路&' })).toBe('/api/x?q=%E9%9B%86%E6%88%90+%E7%94%B5%E8%B7%AF%26');
  });
});

describe('toApiError', () => {
  it('keeps the API message, code and HTTP status', () => {
    const error = toApiError(404, { code: 'INDUSTRY_NOT_FOUND', message: '未找到产业 sei.x' }, texts);
    expect(error).toBeInstanceOf(ApiError);
    expect([error.status, error.code, error.message]).toEqual([404, 'INDUSTRY_NOT_FOUND', '未找到产业 sei.x']);
  });

  it('uses a generic text when the body is not the API error shape', () => {
    expect(toApiError(502, '<html>Bad gateway</html>', texts).message).toBe('服务器内部错误');
    expect(toApiError(400, undefined, texts)).toMatchObject({ message: '请求失败（400）', code: 'HTTP_400' });
  });
});

describe('errorText', () => {
  it('tells the API’s message of an ApiError and the text of anything else', () => {
    expect(errorText(new ApiError('目标值应为正数', 400, 'BAD_REQUEST'))).toBe('目标值应为正数');
    expect(errorText(new TypeError('x is undefined'))).toBe('TypeError: x is undefined');
    expect(errorText('plain')).toBe('plain');
  });
});

describe('createHttpClient', () => {
  it('returns the parsed JSON body and runs request interceptors', async () => {
    const fetchFn = vi.fn(async (_url: RequestInfo | URL, init?: RequestInit) => {
      expect(new Headers(init?.headers).get('Accept-Language')).toBe('en');
      return jsonResponse(200, [{ code: 'xm-446' }]);
    });
    const http = client(fetchFn as typeof fetch, { requestInterceptors: [(r) => r.init.headers.set('Accept-Language', 'en')] });
    await expect(http.get('/catalog/frameworks')).resolves.toEqual([{ code: 'xm-446' }]);
    expect(fetchFn.mock.calls[0][0]).toBe('/api/catalog/frameworks');
  });

  it('sends JSON bodies as JSON and multipart bodies as they are, with the browser choosing the boundary', async () => {
    const fetchFn = vi.fn(async () => jsonResponse(200, {}));
    const http = client(fetchFn as unknown as typeof fetch);
    await http.request('/plans', { method: 'POST', body: { code: 'p' } });
    const form = new FormData();
    form.append('file', new Blob(['a,b\n']), 'targets.csv');
    await http.request('/plans/p/targets/import', { method: 'POST', body: form });
    const [json, multipart] = fetchFn.mock.calls.map((c) => (c as unknown as [string, RequestInit])[1]);
    expect(new Headers(json.headers).get('Content-Type')).toBe('application/json');
    expect(json.body).toBe('{"code":"p"}');
    expect(new Headers(multipart.headers).has('Content-Type')).toBe(false);
    expect(multipart.body).toBe(form);
  });

  it('passes API errors to the error interceptors, then rejects with them', async () => {
    const seen: ApiError[] = [];
    const http = client((async () => jsonResponse(400, { code: 'BAD_PERIOD', message: '期间格式应为 YYYY-MM' })) as typeof fetch, {
      errorInterceptors: [(e) => seen.push(e)],
    });
    await expect(http.get('/observations/series')).rejects.toMatchObject({ status: 400, code: 'BAD_PERIOD' });
    expect(seen.map((e) => e.message)).toEqual(['期间格式应为 YYYY-MM']);
  });

  it('reports a network failure with status 0', async () => {
    const http = client((async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch);
    await expect(http.get('/health')).rejects.toMatchObject({ status: 0, code: 'NETWORK_ERROR', message: '无法连接服务器' });
  });

  it('treats an HTML page where JSON was expected as an invalid response', async () => {
    const http = client((async () => new Response('<!doctype html>', { status: 200 })) as typeof fetch);
    await expect(http.get('/health')).rejects.toMatchObject({ code: 'INVALID_RESPONSE' });
  });

  it('does not report a request the caller aborted', async () => {
    const onError = vi.fn();
    const controller = new AbortController();
    const http = client(
      ((_url: RequestInfo | URL, init?: RequestInit) =>
        new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))))) as typeof fetch,
      { errorInterceptors: [onError] },
    );
    const pending = http.get('/observations/series', { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(onError).not.toHaveBeenCalled();
  });
});
