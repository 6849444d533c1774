// Links to a paragraph, a scene or a quote, from a chapter's text (`.story-text`):
// - a ¶ button on every paragraph (and one on every scene break, for the scene after it), shown
//   on hover, keyboard focus or a tap, copies the passage's link (or opens the share sheet on
//   touch devices that have one) and says so;
// - selecting text offers "Copy link to quote": the passage anchor plus a text fragment
//   (`#p-id:~:text=…`), so browsers without text fragments still land on the paragraph;
// - opening a quote link highlights the quote in its passage.

const status = document.querySelector<HTMLElement>('[data-link-status]');
const story = document.querySelector<HTMLElement>('.story-text');
if (story && status) {
  addLinkButtons(story);
  offerQuoteLinks(story);
  highlightQuoteFromUrl();
}

function addLinkButtons(root: HTMLElement) {
  for (const passage of Array.from(root.querySelectorAll<HTMLElement>('[data-passage]'))) {
    passage.append(linkButton(`#${passage.id}`, 'Copy link to this paragraph'));
  }
  for (const rule of Array.from(root.querySelectorAll<HTMLElement>('hr[data-scene-break]'))) {
    const scene = rule.nextElementSibling;
    if (scene?.id)
      rule.after(
        linkButton(
          `#${scene.id}`,
          `Copy link to scene ${scene.getAttribute('data-scene') ?? ''}`.trim(),
          'scene-link',
        ),
      );
  }
}

function linkButton(fragment: string, label: string, kind = 'passage-link'): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = kind;
  button.setAttribute('aria-label', label);
  button.addEventListener(
    'click',
    () => void shareLink(`${location.origin}${location.pathname}${fragment}`, 'Link copied'),
  );
  return button;
}

/** The share sheet where the device has one and the pointer is a finger; else the clipboard. */
async function shareLink(url: string, confirmation: string) {
  const touch = matchMedia('(pointer: coarse)').matches;
  if (touch && typeof navigator.share === 'function' && navigator.canShare?.({ url })) {
    try {
      await navigator.share({ url, title: document.title });
      return;
    } catch {
      // dismissed: fall through to the clipboard
    }
  }
  try {
    await navigator.clipboard.writeText(url);
    announce(confirmation);
  } catch {
    announce(`Copy this link: ${url}`);
  }
}

function announce(message: string) {
  if (!status) return;
  status.textContent = message;
  status.hidden = false;
  clearTimeout(Number(status.dataset['timer']));
  status.dataset['timer'] = String(setTimeout(() => (status.hidden = true), 2500));
}

function offerQuoteLinks(root: HTMLElement) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quote-link';
  button.textContent = 'Copy link to quote';
  button.hidden = true;
  document.body.append(button);
  let link = '';
  button.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
  button.addEventListener('click', () => {
    void shareLink(link, 'Link to quote copied');
    button.hidden = true;
  });
  const update = () => {
    const selection = getSelection();
    const text = selection?.toString().replace(/\s+/g, ' ').trim() ?? '';
    const range = selection && selection.rangeCount > 0 ? selection.getRangeAt(0) : null;
    const passage = range ? closestPassage(range.commonAncestorContainer) : null;
    if (!range || !passage || !root.contains(passage) || text.length < 3) {
      button.hidden = true;
      return;
    }
    link = `${location.origin}${location.pathname}#${passage.id}:~:text=${textFragment(text)}`;
    const box = range.getBoundingClientRect();
    button.style.top = `${scrollY + box.bottom + 8}px`;
    button.style.left = `${Math.max(8, Math.min(scrollX + box.left, scrollX + innerWidth - 200))}px`;
    button.hidden = false;
  };
  document.addEventListener('mouseup', () => setTimeout(update));
  document.addEventListener('keyup', (event) => event.shiftKey && update());
  document.addEventListener('selectionchange', () => {
    if (getSelection()?.isCollapsed) button.hidden = true;
  });
  document.addEventListener('touchend', () => setTimeout(update, 300));
}

function closestPassage(node: Node): HTMLElement | null {
  const element = node instanceof HTMLElement ? node : node.parentElement;
  return element?.closest<HTMLElement>('[data-passage]') ?? null;
}

/** A text directive: the whole quote, or its first and last words when it is long. */
export function textFragment(text: string): string {
  const encode = (part: string) =>
    encodeURIComponent(part).replace(/-/g, '%2D').replace(/,/g, '%2C');
  const words = text.split(' ');
  if (words.length <= 12) return encode(text);
  return `${encode(words.slice(0, 5).join(' '))},${encode(words.slice(-5).join(' '))}`;
}

/** Highlights the quote a `#p-id:~:text=…` link names, in its passage (the browser strips the directive from `location`). */
function highlightQuoteFromUrl() {
  const navigation = performance.getEntriesByType('navigation')[0]?.name ?? location.href;
  const match = /#([^:]+):~:text=([^&]+)/.exec(navigation);
  const passage = match ? document.getElementById(decodeURIComponent(match[1]!)) : null;
  if (!match || !passage || !('highlights' in CSS)) return;
  const [start, end] = match[2]!.split(',').map((part) => decodeURIComponent(part));
  const range = findText(passage, start!, end);
  if (!range) return;
  CSS.highlights.set('quote', new Highlight(range));
  passage.scrollIntoView({ block: 'center', behavior: 'instant' });
}

/** A range over `start` (through `end`, if given) in the element's text, across inline elements. */
function findText(root: HTMLElement, start: string, end?: string): Range | null {
  const nodes: { node: Text; from: number }[] = [];
  let text = '';
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    nodes.push({ node, from: text.length });
    text += node.data;
  }
  const from = text.indexOf(start);
  if (from === -1) return null;
  const to = end ? text.indexOf(end, from + start.length) + end.length : from + start.length;
  if (to < from + start.length) return null;
  const at = (offset: number) => {
    const hit = [...nodes].reverse().find((n) => n.from <= offset)!;
    return [hit.node, offset - hit.from] as const;
  };
  const range = document.createRange();
  range.setStart(...at(from));
  range.setEnd(...at(to));
  return range;
}
