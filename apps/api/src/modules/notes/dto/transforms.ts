import { Transform } from 'class-transformer';

/** Text as stored: line ends as LF, trimmed; other values are left for the validators to refuse. */
export const CleanText = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : value));

/** `true`/`false`/`1`/`0` of a query string as a boolean. */
export const QueryBoolean = () =>
  Transform(({ value }: { value: unknown }) => (value === 'true' || value === '1' ? true : value === 'false' || value === '0' ? false : value));

export const PERIOD_PATTERN = /^\d{4}-(0[1-9]|1[0-2])$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
export const INDUSTRY_CODE_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
