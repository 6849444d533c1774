import { slugify } from '../slug.ts';

/**
 * Parts (books, volumes, arcs): a chapter names the part it belongs to in its front matter
 * (`part: "Book One: Arrival"`), every chapter of the part the same name. The name travels with
 * each file, so moving, drafting or importing one chapter never shifts the others into another
 * part (a "starts a part" marker on the first chapter would).
 *
 * The rules, checked on the whole folder (validate/folder-walk.ts) and relied on by the model:
 * - a part's chapters follow one another in reading order;
 * - chapters outside any part may open the work (a prologue) or close it (an epilogue), not sit
 *   between two parts.
 */

/** One run of consecutive chapters: a part, or the chapters outside any (title undefined). */
export interface Run<T> {
  title: string | undefined;
  items: T[];
}

/** Consecutive items with the same part, in order. */
export function runsOf<T>(items: readonly T[], partOf: (item: T) => string | undefined): Run<T>[] {
  const runs: Run<T>[] = [];
  for (const item of items) {
    const title = partOf(item);
    const last = runs.at(-1);
    if (last && last.title === title) last.items.push(item);
    else runs.push({ title, items: [item] });
  }
  return runs;
}

/** Why a folder's parts break the rules, said of one chapter; the fix follows the reason. */
export interface PartProblem<T> {
  item: T;
  ruleId: 'part:scattered' | 'part:gap';
  message: string;
}

/** Every chapter that breaks the rules above, with the fix. `items` are in reading order. */
export function partProblems<T>(
  items: readonly T[],
  partOf: (item: T) => string | undefined,
  nameOf: (item: T) => string,
): PartProblem<T>[] {
  const runs = runsOf(items, partOf);
  const problems: PartProblem<T>[] = [];
  const seen = new Map<string, Run<T>>();
  runs.forEach((run, index) => {
    if (run.title === undefined) {
      const first = runs.findIndex((r) => r.title !== undefined);
      const last = runs.findLastIndex((r) => r.title !== undefined);
      if (index > first && index < last) {
        const before = runs[index - 1]!.title!;
        const after = runs[index + 1]!.title!;
        for (const item of run.items)
          problems.push({
            item,
            ruleId: 'part:gap',
            message: `This chapter belongs to no part, but the chapters around it do ("${before}" before it, "${after}" after it). Chapters outside any part may only open or close the work. Add the part it belongs to, e.g. part: "${before}".`,
          });
      }
      return;
    }
    const earlier = seen.get(run.title);
    if (earlier) {
      const [item] = run.items;
      problems.push({
        item: item!,
        ruleId: 'part:scattered',
        message: `The part "${run.title}" already ended at "${nameOf(earlier.items.at(-1)!)}", and other chapters come between: a part's chapters follow one another. Renumber this chapter to follow the others of "${run.title}", or correct its part.`,
      });
      return;
    }
    seen.set(run.title, run);
  });
  return problems;
}

/**
 * Anchors for the parts' headings, unique within the work (`part-book-one`, `part-book-one-2`
 * for a second title that reads the same as a slug). A title with no letters or digits gets its
 * number (`part-3`).
 */
export function partAnchors(titles: readonly string[]): string[] {
  const used = new Set<string>();
  return titles.map((title, index) => {
    const base = `part-${slugify(title) || index + 1}`;
    let anchor = base;
    for (let n = 2; used.has(anchor); n += 1) anchor = `${base}-${n}`;
    used.add(anchor);
    return anchor;
  });
}
