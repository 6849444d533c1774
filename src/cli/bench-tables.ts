// `npm run bench:tables`: rewrites docs/performance.md's tables from the newest results files in
// bench/results/ (see src/lib/bench/tables.ts). `--check` only says whether they differ.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { performanceDocPath, renderPerformanceDoc } from '../lib/bench/performance-doc.ts';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const root = process.cwd();
const doc = readFileSync(performanceDocPath, 'utf8');
const made = await renderPerformanceDoc(root, doc);
if (made === doc) console.log(`${performanceDocPath}: its tables match the newest results`);
else if (values.check) {
  console.error(
    `${performanceDocPath}: its tables differ from the newest results; run npm run bench:tables`,
  );
  process.exitCode = 1;
} else {
  writeFileSync(performanceDocPath, made);
  console.log(`${performanceDocPath}: tables rewritten from the newest results`);
}
