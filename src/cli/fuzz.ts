// `npm run fuzz`: renders generated chapters (every structure of the fiction markup, nested and
// broken) through the build's own pipeline and checks each: every word kept, in order, or a
// mistake refused with its line. Prints counts; exits non-zero on any failure.
//
//   npm run fuzz                    10,000 chapters
//   npm run fuzz -- --runs 50000 --seed 7
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { checkDocument, fuzzDocument } from '../lib/fuzz/documents.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string', default: String(Date.now() % 1_000_000) },
  },
});
const runs = Number(values.runs);
const seed = Number(values.seed);
const started = performance.now();
const counts = { rendered: 0, refused: 0, failed: 0 };
let slowest = 0;
const failures: string[] = [];

for (const [i, doc] of fc.sample(fuzzDocument, { numRuns: runs, seed }).entries()) {
  const outcome = await checkDocument(doc);
  slowest = Math.max(slowest, outcome.ms);
  if (outcome.ok) counts[outcome.kind] += 1;
  else {
    counts.failed += 1;
    if (failures.length < 5)
      failures.push(`#${i}: ${outcome.reason}\n${JSON.stringify(doc.markdown)}`);
  }
  if ((i + 1) % 1000 === 0) console.error(`${i + 1} / ${runs}`);
}

const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `${runs} chapters (seed ${seed}) in ${seconds} s: ${counts.rendered} rendered with every word kept, ${counts.refused} refused with their line, ${counts.failed} failed; slowest ${slowest} ms.`,
);
for (const failure of failures) console.log(`\n${failure}`);
if (counts.failed > 0) process.exitCode = 1;
