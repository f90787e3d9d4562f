export type {
  DemoDataset,
  DemoEnterprise,
  DemoGranularity,
  DemoObservation,
  DemoSeries,
  DemoSeriesKey,
} from './demo/demo-data.types';
export { generateDemoData } from './demo/generate-demo-data';
export { lastCompleteMonth } from './demo/last-complete-month';
export { DEFAULT_SEED as DEMO_DEFAULT_SEED } from './demo/calibration';
export { seedsDir } from './reader/seeds-dir';
export { readReferenceCsv, REFERENCE_FILES, type ReferenceFile } from './reader/reference-csv';
