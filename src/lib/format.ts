// Presentation helpers shared by components and scripts: sizes, excerpts, plain text of HTML.
// Numbers, dates and reading times are in the reader's language: src/lib/i18n.

/** Plain text of a small HTML fragment (a rendered summary), for meta descriptions. */
export function textOf(html: string): string {
  return html
    .replace(/<\/(p|li|h[1-6]|blockquote|section|div)>|<br\s*\/?>|<hr[^>]*>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, entity: string) =>
      decodeEntity(entity),
    )
    .replace(/\s+/g, ' ')
    .trim();
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntity(entity: string): string {
  const lower = entity.toLowerCase();
  if (lower.startsWith('#x')) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
  if (lower.startsWith('#')) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10));
  return namedEntities[lower] ?? `&${entity};`;
}

/** The start of `text`, cut at a word boundary to at most `max` characters, with "…" if cut. */
export function excerpt(text: string, max = 160): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const end = cut.lastIndexOf(' ');
  return `${(end > max / 2 ? cut.slice(0, end) : cut).replace(/[\s,;:.—–-]+$/, '')}…`;
}

/** A file size as readers see it: `"312 KB"`, `"1.2 MB"` (1 KB = 1,024 bytes, like file managers). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * A title in runs, so a spaced dash can stay on the line of the word before it ("Book IV —
 * Part III" never starts a line with "—"): each `word —` is a run to keep together. Joined, the
 * runs are the title, character for character.
 */
export function titleRuns(title: string): { text: string; together: boolean }[] {
  const runs: { text: string; together: boolean }[] = [];
  let last = 0;
  for (const match of title.matchAll(/\S+ [—–](?= )/g)) {
    if (match.index > last) runs.push({ text: title.slice(last, match.index), together: false });
    runs.push({ text: match[0], together: true });
    last = match.index + match[0].length;
  }
  if (last < title.length) runs.push({ text: title.slice(last), together: false });
  return runs;
}

/** Text for HTML or XML content and attribute values: `&`, `<`, `>` and `"` escaped. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
