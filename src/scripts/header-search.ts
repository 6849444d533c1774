/**
 * The header's search field on every page: a plain form to /search/ until the reader turns to
 * it (focus, a tap, `/`), then live passage results (src/scripts/passage-search.ts, loaded
 * then: a chapter page does without its 6 KB until someone searches from it). Words typed
 * while it loads are searched as soon as it is there.
 */
import { headerQueryKey } from './pagefind.ts';
import './search-shortcut.ts';

const field = document.querySelector<HTMLInputElement>(
  'passage-search[data-mode="popover"] input[type="search"]',
);
const load = () => void import('./passage-search.ts');
field?.addEventListener('focus', load, { once: true });
field?.closest('form')?.addEventListener('pointerdown', load, { once: true });

// Back to a page whose header search was open (a result followed, then Back): its query and
// results come back, as the search page's do (src/scripts/passage-search.ts). A page the browser
// kept whole (its back/forward cache) still has them.
if (field && sessionStorage.getItem(headerQueryKey(location.pathname + location.search))) load();
