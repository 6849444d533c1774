// The Markdown of front matter fields (a summary, notes) is checked here; a file's body is
// checked by rendering it (render-pool.ts), which the walk does once for the whole folder.
import remarkParse from 'remark-parse';
import { unified, type PluggableList } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { remarkPlugins } from '../../markup/index.ts';

// For the Markdown of front matter fields (a summary, notes): the site's own remark plugins,
// without the HTML stages, where every author's mistake is found. File bodies are rendered.
const markdownChecker = unified()
  .use(remarkParse)
  // Astro's list type also admits plugin names; ours holds only plugin functions.
  .use(remarkPlugins as unknown as PluggableList)
  .freeze();

export /** Runs the site's remark plugins over `markdown`; returns the first author's mistake, if any. */
async function checkMarkdown(markdown: string, file: string): Promise<VFileMessage | undefined> {
  // A field is not a chapter's text: pictures are refused there (images.ts).
  const vfile = new VFile({ value: markdown, path: file, data: { field: true } });
  try {
    await markdownChecker.run(markdownChecker.parse(vfile), vfile);
    return undefined;
  } catch (error) {
    if (isVFileMessage(error)) return error;
    throw error;
  }
}

function isVFileMessage(error: unknown): error is VFileMessage {
  return error instanceof Error && 'ruleId' in error && 'reason' in error;
}
