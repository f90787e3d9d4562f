/**
 * Text encodings of uploaded files: UTF-8 (with or without BOM) and GB18030 (a superset of GBK, what
 * Excel on Chinese Windows writes). The encoding is decided from facts gathered while the file
 * streamed in (BOM, whether every byte sequence is valid UTF-8); the user may force one.
 */
import type { UploadEncoding, UploadEncodingOverride } from '@im/contracts';

export const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;

export interface EncodingFacts {
  /** The file starts with the UTF-8 byte order mark. */
  bom: boolean;
  /** Every byte sequence of the whole file is valid UTF-8 (pure ASCII included). */
  validUtf8: boolean;
}

export interface EncodingChoice {
  encoding: UploadEncoding;
  /** False when forced by the user. */
  detected: boolean;
}

/**
 * UTF-8 when the file says so (BOM) or is valid UTF-8 from start to end; otherwise GB18030. Text in
 * GBK is valid UTF-8 only by accident, and then only for a handful of bytes, never a whole file of
 * Chinese names; an explicit choice always wins.
 */
export function chooseEncoding(facts: EncodingFacts, override?: UploadEncodingOverride | null): EncodingChoice {
  if (override) return { encoding: override === 'utf-8' ? 'utf-8' : 'gb18030', detected: false };
  return { encoding: facts.bom || facts.validUtf8 ? 'utf-8' : 'gb18030', detected: true };
}

/** Validates UTF-8 incrementally over chunks (a character may be split across two chunks). */
export class Utf8Validator {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private ok = true;

  push(chunk: Uint8Array): void {
    if (!this.ok) return;
    try {
      this.decoder.decode(chunk, { stream: true });
    } catch {
      this.ok = false;
    }
  }

  /** True when everything pushed was valid UTF-8 (an incomplete sequence at the end is not). */
  end(): boolean {
    if (!this.ok) return false;
    try {
      this.decoder.decode();
      return true;
    } catch {
      return false;
    }
  }
}

/** The bytes cannot be read in the chosen encoding; `byteOffset` is near where it failed. */
export class DecodeError extends Error {
  constructor(
    readonly encoding: UploadEncoding,
    readonly byteOffset: number,
  ) {
    super(`invalid ${encoding} at about byte ${byteOffset}`);
  }
}

/**
 * Decodes a stream of byte chunks to text with a streaming decoder, so a multi-byte character cut by
 * a chunk boundary is decoded whole (feeding raw chunks to the CSV parser would corrupt it). A UTF-8
 * BOM is dropped. Pull-based: the source is read only as fast as the consumer asks for text.
 */
export async function* decodeChunks(source: AsyncIterable<Uint8Array>, encoding: UploadEncoding): AsyncGenerator<string> {
  const decoder = new TextDecoder(encoding, { fatal: true });
  let offset = 0;
  for await (const chunk of source) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw new DecodeError(encoding, offset);
    }
    offset += chunk.length;
    if (text) yield text;
  }
  let tail: string;
  try {
    tail = decoder.decode();
  } catch {
    throw new DecodeError(encoding, offset);
  }
  if (tail) yield tail;
}
