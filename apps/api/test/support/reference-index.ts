import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { IndicatorKind, RegionType } from '@im/contracts';
import { readReferenceCsv } from '@im/seeds';
import type { ReferenceIndex } from '../../src/modules/plans/targets-csv/validate-target';

/** The seeds' catalog as a ReferenceIndex (ids = line order), for unit tests of target validation. */
export function seedReferenceIndex(): ReferenceIndex {
  return {
    industries: new Map(readReferenceCsv('industries').map((r, i) => [r.code, { id: i + 1, code: r.code, name: r.name }])),
    regions: new Map(readReferenceCsv('regions').map((r, i) => [r.code, { id: i + 1, code: r.code, name: r.name, type: r.type as RegionType }])),
    indicators: new Map(readReferenceCsv('indicators').map((r, i) => [r.code, { id: i + 1, code: r.code, name: r.name, unit: r.unit, kind: r.kind as IndicatorKind }])),
  };
}

export const SEED_PLAN = { code: 'xm-sei-14', startYear: 2021, endYear: 2025 };

/** Golden targets CSV files: apps/api/test/fixtures/targets-csv/{ok,not-ok}/<name>. */
export function targetsCsvFixture(name: string): Buffer {
  return readFileSync(join(__dirname, '..', 'fixtures', 'targets-csv', name));
}
