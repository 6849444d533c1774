import type { PhrasingContent } from 'mdast';

/**
 * A paragraph's inline content split into its lines, at the line endings inside its text (a
 * soft break is a "\n" in a text node). Emphasis that spans a line ending stays whole on the
 * line where it starts.
 */
export function splitLines(children: PhrasingContent[]): PhrasingContent[][] {
  const lines: PhrasingContent[][] = [[]];
  for (const child of mergeTexts(children)) {
    if (child.type !== 'text' || !child.value.includes('\n')) {
      lines.at(-1)!.push(child);
      continue;
    }
    const parts = child.value.split('\n');
    parts.forEach((part, i) => {
      if (i > 0) lines.push([]);
      if (part) lines.at(-1)!.push({ type: 'text', value: part });
    });
  }
  return lines.filter((line) => line.length > 0);
}

/** Adjacent text nodes as one (colons given back as text by restore-unowned-directives split them). */
function mergeTexts(children: PhrasingContent[]): PhrasingContent[] {
  const merged: PhrasingContent[] = [];
  for (const child of children) {
    const last = merged.at(-1);
    if (child.type === 'text' && last?.type === 'text')
      merged[merged.length - 1] = { ...last, value: last.value + child.value };
    else merged.push(child);
  }
  return merged;
}
