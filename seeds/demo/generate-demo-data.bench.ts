import { bench, describe } from 'vitest';
import { generateDemoData } from './generate-demo-data';

/** `npx vitest bench --run --config seeds/vitest.config.mts`: what the API pays at start-up (figures in seeds/README.md). */
describe('generateDemoData', () => {
  bench('through 2026-10 (default seed)', () => {
    generateDemoData({ through: { year: 2026, month: 10 } });
  });
  bench('through 2030-12', () => {
    generateDemoData({ through: { year: 2030, month: 12 } });
  });
  bench('JSON.stringify of the 2026-10 dataset', () => {
    JSON.stringify(generateDemoData({ through: { year: 2026, month: 10 } }));
  });
});
