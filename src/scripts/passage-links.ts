// Links to a paragraph, a scene or a quote, from a chapter's text (`.story-text`):
// - one ¶ button for the whole page, moved to the paragraph a reader points at (hover) or taps;
//   by keyboard, Tab finds it once (in the first paragraph, or the last one pointed at) and ↑
//   and ↓ move it from paragraph to paragraph, copies that paragraph's link (or opens the share sheet on touch
//   devices that have one) and says so. One control, not one a paragraph: a chapter used to
//   put dozens of Tab stops before its navigation, an entire work thousands. On touch it shows
//   on the tapped paragraph only, and an unseen one never takes a tap. Scene breaks keep a link
//   each (for the scene after them): a chapter has few;
// - selecting text offers "Copy link to quote": the passage anchor plus a text fragment
//   (`#p-id:~:text=…`), so browsers without text fragments still land on the paragraph;
// - opening a quote link highlights the quote in its passage.

import { stringsOf } from './strings.ts';

const status = document.querySelector<HTMLElement>('[data-link-status]');
// The page's interface strings ride on the toast (src/components/ChapterPage.astro).
const t = status ? stringsOf(status) : (key: string) => key;
const story = document.querySelector<HTMLElement>('.story-text');
if (story && status) {
  addLinkButtons(story);
  offerQuoteLinks(story);
  highlightQuoteFromUrl();
}

function addLinkButtons(root: HTMLElement) {
  const passages = Array.from(root.querySelectorAll<HTMLElement>('[data-passage]'));
  const button = passages.length > 0 ? linkButton('', t('links.paragraph')) : undefined;
  if (button) {
    let current = passages[0]!;
    const place = (passage: HTMLElement, focus = false) => {
      current = passage;
      const text = (passage.textContent ?? '').replace(/\s+/g, ' ').trim();
      // Six words, or sixteen characters of a script written without spaces (Chinese, Japanese).
      const words = text.split(' ');
      const opening = words.length > 1 ? words.slice(0, 6).join(' ') : text.slice(0, 16);
      button.setAttribute('aria-label', t('links.paragraphOpening', { opening }));
      button.dataset['fragment'] = `#${passage.id}`;
      if (button.parentElement !== passage) passage.append(button);
      if (focus) button.focus({ preventScroll: true });
    };
    place(current);
    button.setAttribute('aria-keyshortcuts', 'ArrowUp ArrowDown');
    // A pointer over a paragraph brings the ¶ to it (shown there by CSS on hover).
    root.addEventListener('pointerover', (event) => {
      if (event.pointerType !== 'mouse') return;
      const passage = (event.target as Element).closest<HTMLElement>('[data-passage]');
      if (passage && passage !== current) place(passage);
    });
    // A tap on a paragraph (not on a link, not ending a selection) shows its ¶; a tap elsewhere hides it.
    document.addEventListener('click', (event) => {
      const target = event.target as Element;
      if (target.closest('a, button, input, summary')) return;
      const passage = target.closest<HTMLElement>('[data-passage]');
      root.querySelector('[data-link-shown]')?.removeAttribute('data-link-shown');
      if (!passage || !root.contains(passage) || !getSelection()?.isCollapsed) return;
      place(passage);
      passage.setAttribute('data-link-shown', '');
    });
    button.addEventListener('keydown', (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      const next = passages[passages.indexOf(current) + (event.key === 'ArrowDown' ? 1 : -1)];
      if (!next) return;
      place(next, true);
      next.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    });
  }
  for (const rule of Array.from(root.querySelectorAll<HTMLElement>('hr[data-scene-break]'))) {
    const scene = rule.nextElementSibling;
    if (scene?.id)
      rule.after(
        linkButton(
          `#${scene.id}`,
          t('links.scene', { number: scene.getAttribute('data-scene') ?? '' }).trim(),
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
  if (fragment) button.dataset['fragment'] = fragment;
  button.addEventListener(
    'click',
    () =>
      void shareLink(
        `${location.origin}${location.pathname}${button.dataset['fragment'] ?? ''}`,
        t('links.copied'),
      ),
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
    announce(t('links.copyThis', { url }));
  }
}

function announce(message: string) {
  if (!status) return;
  // Never over a control: above the search words bar when it shows, however tall it wraps.
  const bar = document.querySelector('[data-search-hits]:not([hidden])')?.getBoundingClientRect();
  status.style.bottom = bar && bar.top < innerHeight ? `${innerHeight - bar.top + 8}px` : '';
  status.textContent = message;
  status.hidden = false;
  clearTimeout(Number(status.dataset['timer']));
  status.dataset['timer'] = String(setTimeout(() => (status.hidden = true), 2500));
}

function offerQuoteLinks(root: HTMLElement) {
  const button = document.createElement('button');
  button.type = 'button';
  button.className = 'quote-link';
  button.textContent = t('links.quote');
  button.hidden = true;
  document.body.append(button);
  let link = '';
  button.addEventListener('mousedown', (event) => event.preventDefault()); // keep the selection
  button.addEventListener('click', () => {
    void shareLink(link, t('links.quoteCopied'));
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
