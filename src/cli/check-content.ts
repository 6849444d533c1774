// `npm run check`: validates every file of the story folder (CONTENT_DIR, default ./content)
// against the content contract in seconds, without building the site.
import { resolveContentDir } from '../lib/story/layout.ts';
import { formatProblem, validateContent } from '../lib/story/validate/index.ts';

const contentDir = resolveContentDir();
const started = performance.now();
const problems = await validateContent(contentDir);
const seconds = ((performance.now() - started) / 1000).toFixed(2);

for (const p of problems) console.error(formatProblem(p));
if (problems.length > 0) {
  console.error(
    `\n${problems.length} problem${problems.length > 1 ? 's' : ''} in ${contentDir} (${seconds} s).`,
  );
  process.exitCode = 1;
} else {
  console.log(`Content OK: ${contentDir} (${seconds} s).`);
}
