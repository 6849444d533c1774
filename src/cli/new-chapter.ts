// `npm run new-chapter -- <work> "Title"`: writes the work's next chapter file as a draft and
// prints its path. A thin shell over src/lib/story/new-chapter.ts.
import path from 'node:path';
import { resolveContentDir } from '../lib/story/layout.ts';
import { createNewChapter } from '../lib/story/new-chapter.ts';

const [work, ...titleWords] = process.argv.slice(2);
if (!work || titleWords.length === 0) {
  console.error('Usage: npm run new-chapter -- <work> "Chapter title"');
  process.exit(2);
}
try {
  const { file } = await createNewChapter(resolveContentDir(), work, titleWords.join(' '));
  console.log(path.relative(process.cwd(), file) || file);
  console.error(
    'Written as a draft: it shows in `npm run dev` and PREVIEW=1 builds only. Remove "draft: true" to publish it, or set "published" to schedule it.',
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
