/**
 * The one request client of the web app: a thin layer over fetch with request interceptors
 * (headers, later auth) and error interceptors (user message), typed JSON responses and
 * the API's stable error body `{ code, message }` turned into an ApiError that keeps the HTTP status.
 */
import type { ApiErrorDto } from '@im/contracts';

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Do not show the error to the user (the caller handles it). */
  silent?: boolean;
  timeoutMs?: number;
}

export interface PreparedRequest {
  url: string;
  init: RequestInit & { headers: Headers };
  options: RequestOptions;
}

export type RequestInterceptor = (request: PreparedRequest) => void;
export type ErrorInterceptor = (error: ApiError, request: PreparedRequest) => void;

/** Kinds of failure that are not an HTTP error response. */
export type ClientErrorCode = 'NETWORK_ERROR' | 'TIMEOUT' | 'INVALID_RESPONSE';

export class ApiError extends Error {
  override readonly name = 'ApiError';
  constructor(
    message: string,
    /** HTTP status; 0 when no response arrived. */
    readonly status: number,
    /** Error code from the API body, or a client-side code. */
    readonly code: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

/** Builds `base + path + ?query`, skipping null/undefined/empty query values. */
/** What to tell the user about a failed action: the API's message (Chinese), else the error's text. */
export function errorText(error: unknown): string {
  return error instanceof ApiError ? error.message : String(error);
}

export function buildUrl(baseUrl: string, path: string, query?: Record<string, QueryValue>): string {
  const url = `${baseUrl.replace(/\/+$/, '')}/${path.replace(/^\/+/, '')}`;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === null || value === undefined || value === '') continue;
    params.append(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${url}?${qs}` : url;
}

export interface ErrorTexts {
  http(status: number): string;
  server: string;
}

function isErrorBody(body: unknown): body is ApiErrorDto {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorDto).message === 'string';
}

/**
 * Turns a failed response into an ApiError. The API's `message` is shown as is (it is written for
 * users); without one, a generic text by status. 5xx bodies never leak internals to the user.
 */
export function toApiError(status: number, body: unknown, texts: ErrorTexts): ApiError {
  if (isErrorBody(body) && body.message.trim()) {
    const code = typeof body.code === 'string' && body.code ? body.code : `HTTP_${status}`;
    return new ApiError(body.message, status, code, body.details);
  }
  return new ApiError(status >= 500 ? texts.server : texts.http(status), status, `HTTP_${status}`);
}

export interface HttpClientConfig {
  baseUrl: string;
  texts: () => ErrorTexts & { network: string; timeout: string; invalid: string };
  requestInterceptors?: RequestInterceptor[];
  errorInterceptors?: ErrorInterceptor[];
  timeoutMs?: number;
  fetchFn?: typeof fetch;
}

export interface HttpClient {
  request<T>(path: string, options?: RequestOptions): Promise<T>;
  get<T>(path: string, options?: Omit<RequestOptions, 'method' | 'body'>): Promise<T>;
}

export function createHttpClient(config: HttpClientConfig): HttpClient {
  const fetchFn = config.fetchFn ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));

  async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const headers = new Headers({ Accept: 'application/json' });
    const init: PreparedRequest['init'] = { method: options.method ?? 'GET', headers, credentials: 'same-origin' };
    if (options.body instanceof FormData) {
      // Multipart: the browser sets the Content-Type with its boundary.
      init.body = options.body;
    } else if (options.body !== undefined) {
      headers.set('Content-Type', 'application/json');
      init.body = JSON.stringify(options.body);
    }
    const timeout = AbortSignal.timeout(options.timeoutMs ?? config.timeoutMs ?? 30_000);
    init.signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    const prepared: PreparedRequest = { url: buildUrl(config.baseUrl, path, options.query), init, options };
    for (const interceptor of config.requestInterceptors ?? []) interceptor(prepared);

    const fail = (error: ApiError): never => {
      for (const interceptor of config.errorInterceptors ?? []) interceptor(error, prepared);
      throw error;
    };

    let response: Response;
    try {
      response = await fetchFn(prepared.url, prepared.init);
    } catch (error) {
      // A caller's abort (newer request superseded this one) is not an error to show.
      if (options.signal?.aborted) throw error;
      const texts = config.texts();
      if (error instanceof DOMException && error.name === 'TimeoutError') return fail(new ApiError(texts.timeout, 0, 'TIMEOUT'));
      return fail(new ApiError(texts.network, 0, 'NETWORK_ERROR'));
    }

    const text = await response.text();
    let body: unknown = undefined;
    if (text) {
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
        if (response.ok) return fail(new ApiError(config.texts().invalid, response.status, 'INVALID_RESPONSE'));
      }
    }
    if (!response.ok) return fail(toApiError(response.status, body, config.texts()));
    return body as T;
  }

  return {
    request,
    get: (path, options) => request(path, { ...options, method: 'GET' }),
  };
}
