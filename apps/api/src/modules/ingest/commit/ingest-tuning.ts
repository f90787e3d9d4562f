import { Injectable } from '@nestjs/common';

/**
 * Knobs of the write path that production leaves at their defaults and tests turn: the chunk size of
 * the commit (records per chunk of whole series) and an injected failure at a given file row (the
 * atomicity tests make a commit fail at its first, a middle and its last row).
 */
@Injectable()
export class IngestTuning {
  chunkRecords = 20_000;
  failAtRow: number | null = null;
  /** Changes kept per batch for the report's diff. */
  diffSample = 2_000;
}
