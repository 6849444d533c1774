/**
 * Offline reading's controls, on the pages that offer them (home, work, entire work, offline):
 * `<offline-save data-work="slug">`, the "Save for offline" control of a work
 * (OfflineSave.astro), and `<saved-works-list>`, the saved works on the offline page. On those
 * pages, works saved from an older build are also brought up to date. Chapter pages link to
 * their work's control rather than carry this script: every byte there is paid on every chapter.
 */
import { formatBytes } from '../lib/format.ts';
import { stringsOf } from './strings.ts';
import { workUrl } from '../lib/story/urls.ts';
import {
  canSaveWorks,
  manifestUrl,
  pageBuild,
  refreshSavedWorks,
  removeWork,
  saveWork,
  savedWorks,
  type SavedWork,
} from './saved-works.ts';
import type { WorkManifest } from '../lib/offline/work-files.ts';

/** Dispatched on `window` when a work was saved, updated or removed. */
const savedWorksChanged = 'saved-works-changed';

/**
 * `<offline-save data-work="slug">`: shows the work's size before saving, the progress while
 * saving, "Saved · 1.2 MB" with "Remove" after. Hidden where a browser cannot keep pages
 * (no JavaScript, no service worker): the site then reads as it always did.
 */
class OfflineSave extends HTMLElement {
  #save!: HTMLButtonElement;
  #remove!: HTMLButtonElement;
  #status!: HTMLElement;
  #progress!: HTMLProgressElement;
  #work = '';
  #bytes: number | undefined;
  #t: ReturnType<typeof stringsOf> = (key) => key;

  connectedCallback() {
    this.#t = stringsOf(this);
    if (!canSaveWorks() || import.meta.env.DEV_SERVER) return;
    this.#work = this.dataset['work'] ?? '';
    this.#save = this.querySelector('[data-save]')!;
    this.#remove = this.querySelector('[data-remove]')!;
    this.#status = this.querySelector('[data-status]')!;
    this.#progress = this.querySelector('progress')!;
    this.#save.addEventListener('click', () => void this.#doSave());
    this.#remove.addEventListener('click', () => void this.#doRemove());
    addEventListener(savedWorksChanged, (event) => {
      if ((event as CustomEvent).detail !== this) void this.#show();
    });
    this.hidden = false;
    void this.#show();
    this.#fetchSizeWhenSeen();
  }

  async #show() {
    const saved = (await savedWorks()).find((work) => work.work === this.#work);
    if (saved) return this.#showSaved(saved);
    if (!this.#remove.hidden) this.#status.textContent = ''; // it was saved: removed elsewhere
    this.#remove.hidden = true;
    this.#save.hidden = false;
    this.#save.disabled = false;
    this.#save.textContent =
      this.#bytes === undefined
        ? this.#t('offline.save')
        : this.#t('offline.saveSize', { size: formatBytes(this.#bytes) });
  }

  /** The size comes from the work's manifest, fetched once the control comes into view. */
  #fetchSizeWhenSeen() {
    const observer = new IntersectionObserver(
      async ([entry]) => {
        if (!entry?.isIntersecting) return;
        observer.disconnect();
        try {
          const response = await fetch(manifestUrl(this.#work));
          if (response.ok) this.#bytes = ((await response.json()) as WorkManifest).bytes;
          if (!this.#save.hidden) await this.#show();
        } catch {
          // offline: saving would fail anyway, and says so
        }
      },
      { rootMargin: '200px' },
    );
    observer.observe(this);
  }

  #showSaved(saved: SavedWork) {
    this.#save.hidden = true;
    this.#remove.hidden = false;
    this.#progress.hidden = true;
    this.#status.textContent =
      saved.build === pageBuild() || !navigator.onLine
        ? this.#t('offline.saved', { size: formatBytes(saved.bytes) })
        : this.#t('offline.updating');
  }

  async #doSave() {
    this.#save.disabled = true;
    this.#progress.hidden = false;
    this.#progress.value = 0;
    this.#status.textContent = this.#t('offline.saving');
    try {
      const saved = await saveWork(this.#work, (stored, total) => {
        this.#progress.max = total;
        this.#progress.value = stored;
        this.#status.textContent = this.#t('offline.progress', {
          stored: formatBytes(stored),
          total: formatBytes(total),
        });
      });
      this.#showSaved(saved);
      changed(this);
    } catch (error) {
      this.#progress.hidden = true;
      this.#save.disabled = false;
      this.#status.textContent = navigator.onLine
        ? this.#t('offline.failed', { reason: (error as Error).message })
        : this.#t('offline.failedOffline');
    }
  }

  async #doRemove() {
    await removeWork(this.#work);
    await this.#show();
    this.#status.textContent = this.#t('offline.removed');
    changed(this);
    this.#save.focus();
  }
}

/** Tells every control on the page that saved works changed (`by` has shown it already). */
function changed(by?: OfflineSave) {
  dispatchEvent(new CustomEvent(savedWorksChanged, { detail: by }));
}

customElements.define('offline-save', OfflineSave);

/**
 * `<saved-works-list>`: links to the works saved on this device (the offline page), with a
 * `<ul>` to fill and a `[data-none]` line shown when there are none.
 */
class SavedWorksList extends HTMLElement {
  async connectedCallback() {
    const works = await savedWorks();
    const list = this.querySelector('ul')!;
    list.replaceChildren(
      ...works.map((saved) => {
        const item = document.createElement('li');
        const link = document.createElement('a');
        link.href = workUrl(saved.work);
        link.textContent = saved.title;
        item.append(link);
        return item;
      }),
    );
    this.querySelector<HTMLElement>('[data-none]')!.hidden = works.length > 0;
  }
}

customElements.define('saved-works-list', SavedWorksList);

// Saved works from an older build are saved again from this one (the page is online, and its
// worker has taken over or is about to).
if (canSaveWorks() && !import.meta.env.DEV_SERVER) {
  void refreshSavedWorks(() => changed())
    .then(() => changed())
    .catch(() => undefined);
}
