/**
 * A multer storage engine for uploaded CSV files. The file streams from the request to a temporary
 * file under `DATA_DIR/uploads/tmp` (renamed to `<batch id>.csv` once the batch exists) through one
 * pass that also
 *  - enforces the size limit while streaming: the upload is refused (413) as soon as it exceeds it,
 *    never buffered whole;
 *  - recognises the content from its first bytes (not from the name or MIME type the client sends):
 *    a spreadsheet, archive, PDF or image is refused (415) with a sentence saying what it is;
 *  - computes the SHA-256 (identical files are recognised) and checks whether the whole file is valid
 *    UTF-8 (how the encoding is detected).
 * Backpressure: the request is paused while the disk is slower than the network.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Request } from 'express';
import { UTF8_BOM, Utf8Validator } from '../decode/encoding';
import { IngestException } from '../ingest.exception';
import { sniffContent, SNIFF_BYTES } from './content-sniff';

/** What the controller receives as `file` (multer's fields plus ours). */
export interface ReceivedFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  /** Temporary path of the raw bytes. */
  path: string;
  size: number;
  sha256: string;
  bom: boolean;
  validUtf8: boolean;
}

interface MulterFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  stream: NodeJS.ReadableStream;
}

/** Counts, hashes, sniffs and validates the bytes on their way to disk. */
export class InspectingStream extends Transform {
  readonly hash = createHash('sha256');
  readonly utf8 = new Utf8Validator();
  size = 0;
  private head: Buffer[] = [];
  private headLength = 0;
  private sniffed = false;
  bom = false;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) {
      callback(IngestException.tooLarge(this.maxBytes));
      return;
    }
    this.hash.update(chunk);
    this.utf8.push(chunk);
    if (!this.sniffed) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= SNIFF_BYTES) {
        const error = this.sniff();
        if (error) {
          callback(error);
          return;
        }
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (!this.sniffed) {
      const error = this.sniff();
      if (error) {
        callback(error);
        return;
      }
    }
    if (this.size === 0) {
      callback(IngestException.fileEmpty());
      return;
    }
    callback();
  }

  private sniff(): IngestException | null {
    this.sniffed = true;
    const head = Buffer.concat(this.head);
    this.head = [];
    this.bom = head.length >= 3 && UTF8_BOM.every((b, i) => head[i] === b);
    const result = sniffContent(head);
    if (result.kind === 'binary') return IngestException.notCsv(result.what, result.hint);
    return null;
  }
}

/** Multer storage engine (see the file comment). */
export class RawUploadStorage {
  private readonly tmpDir: string;

  constructor(
    uploadsDir: string,
    private readonly maxBytes: number,
  ) {
    this.tmpDir = join(uploadsDir, 'tmp');
  }

  _handleFile(_req: Request, file: MulterFile, cb: (error: unknown, info?: Partial<ReceivedFile>) => void): void {
    mkdirSync(this.tmpDir, { recursive: true });
    const path = join(this.tmpDir, `${randomUUID()}.part`);
    const inspect = new InspectingStream(this.maxBytes);
    pipeline(file.stream, inspect, createWriteStream(path)).then(
      () => cb(null, { path, size: inspect.size, sha256: inspect.hash.digest('hex'), bom: inspect.bom, validUtf8: inspect.utf8.end() }),
      (error: unknown) => {
        rmSync(path, { force: true });
        // Keep consuming the part so that multer can finish reading the request and answer.
        file.stream.resume();
        cb(error);
      },
    );
  }

  _removeFile(_req: Request, file: Partial<ReceivedFile>, cb: (error: Error | null) => void): void {
    if (file.path) rmSync(file.path, { force: true });
    cb(null);
  }
}
