/**
 * Site-wide keys: ← and → for the previous and next chapter (the page's rel=prev/next links),
 * turned round in a right-to-left page, where the next page lies to the left, except inside a
 * region that scrolls sideways; ? for the list of shortcuts. `/` for search lives with the search field (passage-search.ts).
 */
import { isFreeKeyPress } from './keyboard.ts';

const dialog = document.querySelector<HTMLDialogElement>('#keyboard-shortcuts');

function follow(rel: 'prev' | 'next') {
  const link = document.querySelector<HTMLLinkElement>(`link[rel="${rel}"]`);
  if (link) location.assign(link.href);
}

document.addEventListener('keydown', (event) => {
  if (!isFreeKeyPress(event)) return;
  // While a dialog or the settings panel is open, keys belong to it.
  if (document.querySelector('dialog[open], [popover]:popover-open')) return;
  if (event.key === '?') {
    event.preventDefault();
    dialog?.showModal();
  } else if (event.key === 'ArrowLeft' && !event.shiftKey && !scrollsSideways(event.target)) {
    follow(rtl() ? 'next' : 'prev');
  } else if (event.key === 'ArrowRight' && !event.shiftKey && !scrollsSideways(event.target)) {
    follow(rtl() ? 'prev' : 'next');
  }
});

for (const button of document.querySelectorAll('[data-show-shortcuts]'))
  button.addEventListener('click', () => dialog?.showModal());

const rtl = () => document.documentElement.dir === 'rtl';

/** Inside a region that scrolls sideways (a wide table), ← and → scroll it, as a reader expects. */
function scrollsSideways(target: EventTarget | null): boolean {
  for (let el = target instanceof Element ? target : null; el; el = el.parentElement) {
    if (el.scrollWidth > el.clientWidth && getComputedStyle(el).overflowX !== 'visible')
      return true;
  }
  return false;
}
