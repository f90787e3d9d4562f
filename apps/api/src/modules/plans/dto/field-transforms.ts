import { Transform } from 'class-transformer';
import { ValidateIf } from 'class-validator';

/** Text as stored: trimmed, line ends as LF (as a CSV import stores them, so that export → import is exact). */
const clean = (value: string) => value.replace(/\r\n?/g, '\n').trim();

/** Trims a string; leaves other values for the validators to refuse. */
export const Trim = () => Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? clean(value) : value));

/** Trims a string and turns an empty one into null (clears an optional field). */
export const TrimToNull = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value !== 'string') return value;
    const t = clean(value);
    return t === '' ? null : t;
  });

/**
 * An exact decimal given as a string (`"7000"`, `"3.5"`); a JSON number is accepted and read through
 * its shortest representation (`3.5` → `"3.5"`), which is exact for what a user types.
 */
export const DecimalText = () =>
  Transform(({ value }: { value: unknown }) => {
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    if (typeof value !== 'string') return value;
    const t = value.trim();
    return t === '' ? null : t;
  });

/** In a PATCH: validate when the field is present — `null` is refused for a field that cannot be empty. */
export const IfPresent = () => ValidateIf((_o: object, value: unknown) => value !== undefined);

export const DECIMAL_PATTERN = /^\d+(\.\d+)?$/;
export const CODE_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;
export const MIN_YEAR = 1949;
export const MAX_YEAR = 2100;
