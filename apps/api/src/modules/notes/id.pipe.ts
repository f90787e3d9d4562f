import type { PipeTransform } from '@nestjs/common';
import { NotesException } from './notes.exception';

/**
 * `:id` of a note or problem: a positive integer, else a Chinese 400. The global ValidationPipe has
 * already turned the text into a number (NaN for letters) because the handler declares `number`.
 */
export class IdPipe implements PipeTransform<string | number, number> {
  transform(value: string | number): number {
    const text = String(value);
    if (!/^[1-9]\d{0,9}$/.test(text) || Number(text) > 2_147_483_647) throw NotesException.invalidId();
    return Number(text);
  }
}
