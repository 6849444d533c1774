// Attributes that hold an id, or point at one inside the same page.
const idAttribute =
  /(\s(?:id|aria-labelledby|aria-describedby)=")([^"]*)(")|(\shref="#)([^"]*)(")/g;
// A start tag, with quoted attribute values that may hold ">".
const startTag = /<[a-zA-Z][^\s/>]*(?:\s+[^\s=/>]+(?:="[^"]*")?)*\s*\/?>/g;

/**
 * Prefixes every id in rendered chapter HTML, and every reference to one, so that several
 * chapters can share a page (the entire-work view) with unique ids:
 * `<section id="scene-1">` -> `<section id="part-1-scene-1">`, `href="#p-x"` -> `href="#part-1-p-x"`.
 * Only start tags are rewritten, never text. The HTML is the pipeline's own output (double-quoted
 * attributes, as rehype-stringify writes them).
 *
 * `contextId`, the id of the chapter's title on that page, is added to every `aria-labelledby`:
 * a letter, flashback or table is then named with its chapter ("Flashback: Long ago, Chapter
 * 11"), so regions stay told apart on a page of hundreds of chapters, in words already there.
 */
export function prefixIds(html: string, prefix: string, contextId?: string): string {
  return html.replace(startTag, (tag) =>
    tag.replace(idAttribute, (_m, open, ids, close, hrefOpen, target, hrefClose) => {
      if (open === undefined) return `${hrefOpen}${prefix}${target}${hrefClose}`;
      const prefixed = String(ids)
        .split(/\s+/)
        .filter(Boolean)
        .map((id) => `${prefix}${id}`);
      if (contextId && String(open).includes('aria-labelledby')) prefixed.push(contextId);
      return `${open}${prefixed.join(' ')}${close}`;
    }),
  );
}
