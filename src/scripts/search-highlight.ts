import { withBase } from '../lib/base.ts';
import { highlightParam } from './pagefind.ts';

// On a page opened from a search result (`?hl=word#p-passage`): mark the search words in the
// story, bring the first mark in the target passage into view (Pagefind's highlighter marks but
// does not scroll), and offer to clear the marks.

const markClass = 'search-hit';
const wordLimiters = [...',.;:!?"“”‘’\'()[]{}«»—–-…*_/'];
const terms = new URLSearchParams(location.search).getAll(highlightParam);
// Chinese, Japanese and Korean words have no spaces around them to find their edges: a term in
// those scripts is marked wherever it stands ("外婆" inside "那年冬天，外婆还在").
const spaceless = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const anywhere = terms.some((term) => spaceless.test(term));
if (terms.length > 0) void highlightSearchWords();

async function highlightSearchWords() {
  try {
    const url = new URL(withBase('/pagefind/pagefind-highlight.js'), location.origin).href;
    const { default: PagefindHighlight } = (await import(/* @vite-ignore */ url)) as {
      default: new (options: Record<string, unknown>) => unknown;
    };
    new PagefindHighlight({
      highlightParam,
      // Styled in header-and-search.css: an injected <style> would need a CSP exception.
      addStyles: false,
      markOptions: {
        className: markClass,
        exclude: ['[data-pagefind-ignore]', '[data-pagefind-ignore] *'],
        // "Lex's" finds "Lex’s", "zoological" finds "Zoölogical".
        ignorePunctuation: ["'", '’', '‘'],
        diacritics: true,
        // Whole words and phrases only: "an" is not marked inside "and", nor "arrow" in
        // "narrow". Punctuation ends a word; the result's link lists the forms the index
        // matched ("begging" for "beg"), src/scripts/search-ranking.ts.
        accuracy: anywhere ? 'partially' : { value: 'exactly', limiters: wordLimiters },
      },
    });
  } catch {
    return; // no index (astro dev): the page still opened at the passage
  }
  const target = location.hash
    ? document.getElementById(decodeURIComponent(location.hash.slice(1)))
    : null;
  const first =
    target?.querySelector(`mark.${markClass}`) ?? document.querySelector(`mark.${markClass}`);
  const bar = document.querySelector<HTMLElement>('[data-search-hits]');
  if (bar && first) bar.hidden = false;
  // The page opened at the passage its address names: a landing moves once. The marks arrive
  // later (the highlighter and the index load after the page), so the page moves again only when
  // the first mark is out of sight (deep in a long passage, or no passage named). Instant: a
  // smooth scroll (CSS scroll-behavior) would still be moving when readers look.
  if (first && !inSight(first, bar)) first.scrollIntoView({ block: 'center', behavior: 'instant' });
  if (!bar || !first) return;
  bar.querySelector('button')?.addEventListener('click', () => {
    clearMarks();
    bar.hidden = true;
    const url = new URL(location.href);
    url.searchParams.delete(highlightParam);
    history.replaceState(history.state, '', url);
    (target ?? document.getElementById('main'))?.focus({ preventScroll: true });
  });
}

/** Whether `element` shows whole on screen, above the search words bar when that is shown. */
function inSight(element: Element, bar: HTMLElement | null): boolean {
  const box = element.getBoundingClientRect();
  const barTop = bar && !bar.hidden ? bar.getBoundingClientRect().top : innerHeight;
  return box.top >= 0 && box.bottom <= Math.min(innerHeight, barTop);
}

function clearMarks() {
  for (const mark of Array.from(document.querySelectorAll(`mark.${markClass}`))) {
    const parent = mark.parentNode;
    mark.replaceWith(...Array.from(mark.childNodes));
    parent?.normalize();
  }
}
