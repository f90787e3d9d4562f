import { type CanActivate, type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { APP_CONFIG, type AppConfig } from '../../../core/config/app-config';
import { uploadConfigOf } from '../../../core/config/upload-config';
import { IngestException } from '../ingest.exception';

/** Multipart framing around the file (boundaries, part headers, form fields). */
const MULTIPART_OVERHEAD = 64 * 1024;

/**
 * Refuses an upload whose declared length is already over the limit (413) before a byte of its body
 * is read. Uploads without a declared length (chunked) are limited while streaming (RawUploadStorage).
 */
@Injectable()
export class UploadSizeGuard implements CanActivate {
  private readonly maxBytes: number;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.maxBytes = uploadConfigOf(config).maxBytes;
  }

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > this.maxBytes + MULTIPART_OVERHEAD) {
      // The body is not read: close the connection after the answer instead of draining it.
      req.res?.setHeader('Connection', 'close');
      throw IngestException.tooLarge(this.maxBytes);
    }
    return true;
  }
}
