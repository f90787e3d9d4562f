import { HttpStatus } from '@nestjs/common';

/**
 * Base of every domain error: a stable code, a message for the user (Chinese first) and an HTTP
 * status. Modules subclass it with their own code enum; the global filter renders it.
 */
export class AppException extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: HttpStatus = HttpStatus.BAD_REQUEST,
    readonly details?: unknown,
  ) {
    super(message);
  }
}
