import { isFreeKeyPress } from './keyboard.ts';

/**
 * `/` anywhere but in a field focuses search: the search page's own field, else the header's.
 * Its own small module: the header's live search (src/scripts/passage-search.ts) loads only
 * once the reader turns to it, but the key works from the first moment.
 */
function focusSearchOnSlash(event: KeyboardEvent) {
  if (event.key !== '/' || !isFreeKeyPress(event)) return;
  const field =
    document.querySelector<HTMLInputElement>(
      'passage-search[data-mode="page"] input[type="search"]',
    ) ?? document.querySelector<HTMLInputElement>('passage-search input[type="search"]');
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.select();
}

document.addEventListener('keydown', focusSearchOnSlash);
