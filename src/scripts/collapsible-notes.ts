/**
 * Remembers which kinds of notes (summary, notes, end notes) the reader folded away. The inline
 * script after each note in Notes.astro reads the same key, so a folded note never flashes open.
 */
import { storageKey } from '../lib/base.ts';
import { deviceStorage } from './device-storage.ts';

const key = storageKey('folded-notes');

document.addEventListener(
  'toggle',
  (event) => {
    const notes = event.target;
    if (!(notes instanceof HTMLDetailsElement) || !notes.dataset.notes) return;
    const storage = deviceStorage();
    const folded = new Set((storage?.getItem(key) ?? '').split(' ').filter(Boolean));
    if (notes.open) folded.delete(notes.dataset.notes);
    else folded.add(notes.dataset.notes);
    storage?.setItem(key, [...folded].join(' '));
  },
  // `toggle` does not bubble.
  true,
);
