import path from 'node:path';
import { checkImageFile, isImageProblem } from '../image-files.ts';
import { problem, type ContentProblem } from './problems.ts';

/**
 * A work's cover: `cover` and `coverAlt` come together, and the file is a picture the site can
 * publish, in the work's folder (the same checks as a chapter's pictures).
 */
export async function coverProblems(
  data: Record<string, unknown>,
  file: string,
  lineOf: (field: string) => number,
): Promise<ContentProblem[]> {
  const { cover, coverAlt } = data;
  if (typeof cover !== 'string') {
    if (typeof coverAlt !== 'string') return [];
    return [
      problem(
        file,
        lineOf('coverAlt'),
        'cover:no-cover',
        'The work has "coverAlt" but no "cover". Add the picture\'s file name: cover: cover.jpg (a file beside work.md), or remove "coverAlt".',
      ),
    ];
  }
  const found: ContentProblem[] = [];
  if (typeof coverAlt !== 'string') {
    found.push(
      problem(
        file,
        lineOf('cover'),
        'cover:alt',
        'The cover has no "coverAlt": a reader who can\'t see it would hear nothing. Describe what it shows: coverAlt: "Two phones glowing on a bedside table at night".',
      ),
    );
  }
  const checked = await checkImageFile(cover, file, path.dirname(file));
  if (isImageProblem(checked)) {
    found.push(problem(file, lineOf('cover'), checked.ruleId, `The cover: ${checked.message}`));
  }
  return found;
}
