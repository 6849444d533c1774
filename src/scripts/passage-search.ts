import { base, storageKey } from '../lib/base.ts';
import {
  headerQueryKey,
  highlightParam,
  loadPagefind,
  type PagefindFilters,
  type PagefindPage,
  type PagefindSearch,
} from './pagefind.ts';
import {
  finishedWords,
  highlightTerms,
  holdsEveryWord,
  markExcerpt,
  passageWords,
  normalizeQuery,
  rankedPassages,
  spaceless,
} from './search-ranking.ts';
import { stopWordsOf } from './stop-words.ts';
import { stringsOf } from './strings.ts';
import { searchUrl } from '../lib/story/urls.ts';

/**
 * Chapters per batch of results. Each loads its chapter's fragment (about 10 KB at L), the bulk of
 * a query's bytes; four chapters' passages fill a phone's first screen, "More results" the rest.
 */
const chaptersPerBatch = 4;
/**
 * How long typing must pause before a search runs, in ms: shorter than the gap between a fast
 * typist's keys (about 120 ms at 100 words a minute), long enough to skip a burst's middle.
 */
const typingPause = 60;

/**
 * `<passage-search>`: enhances a plain GET search form (which works without JavaScript by
 * opening /search/?q=…) with live passage results from Pagefind.
 *
 * - `data-mode="page"`: the search page. Results fill the page, the query lives in the URL
 *   (`?q=`, `?work=`) so a search can be shared, and Back restores results and scroll.
 * - `data-mode="popover"`: the header. Results open under the field and close with Escape.
 *
 * Keyboard: `/` focuses the field from anywhere, ↓/↑ move through the results, Enter opens one,
 * Escape goes back to the field, then closes (popover) or clears (page).
 */
class PassageSearch extends HTMLElement {
  #input!: HTMLInputElement;
  #results!: HTMLElement;
  #status!: HTMLElement;
  #work: HTMLSelectElement | null = null;
  #more: HTMLButtonElement | null = null;
  #matches: PagefindSearch['results'] = [];
  /** How many of the matches are chapters; the rest are work pages (a title, a summary). */
  #chapters = 0;
  #shown = 0;
  /** The search for the query's words anywhere, while a phrase's chapters are drawn first. */
  #pending: Promise<void> | undefined;
  /** Results of the shown batches left out: they lack a word of the query. */
  #leftOut = 0;
  #query = '';
  #searchToken = 0;
  #renderToken = 0;
  #offlineNote = '';
  #t: ReturnType<typeof stringsOf> = (key) => key;

  connectedCallback() {
    this.#t = stringsOf(this);
    this.#input = this.querySelector('input[type="search"]')!;
    this.#results = this.querySelector('[data-results]')!;
    this.#status = this.querySelector('[data-status]')!;
    this.#work = this.querySelector('select[name="work"]');
    this.#more = this.querySelector('[data-more]');
    this.#input.setAttribute('autocomplete', 'off');
    this.#input.addEventListener('input', () => void this.#search());
    this.#input.addEventListener('focus', () => void loadPagefind().catch(() => {}), {
      once: true,
    });
    this.#work?.addEventListener('change', () => void this.#search());
    this.#more?.addEventListener('click', () => void this.#showMore());
    this.addEventListener('keydown', (event) => this.#onKeydown(event));
    if (this.#isPopover) {
      document.addEventListener('click', (event) => {
        if (!this.contains(event.target as Node)) this.#close();
      });
    }
    if (!this.#isPopover) {
      addEventListener('pagehide', () => sessionStorage.setItem(scrollKey(), String(scrollY)));
      this.#restoreFromUrl();
      return;
    }
    // The header's results, open when the reader leaves (a result followed), come back with
    // Back: the query is kept per page for this tab, and searched again on a Back (not on a new
    // visit or a reload). The field is not focused: a phone's keyboard stays closed.
    const key = headerQueryKey(location.pathname + location.search);
    addEventListener('pagehide', () => {
      const query = this.#input.value.trim();
      if (query && this.hasAttribute('data-open')) sessionStorage.setItem(key, query);
      else sessionStorage.removeItem(key);
    });
    const saved = sessionStorage.getItem(key);
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    if (saved && navigation?.type === 'back_forward' && !this.#input.value.trim()) {
      this.#input.value = saved;
      void this.#search();
    } else if (document.activeElement === this.#input) {
      // Loaded as the field took focus (src/scripts/header-search.ts): start as focus would
      // have, and search what was typed meanwhile.
      void loadPagefind().catch(() => {});
      if (this.#input.value.trim()) void this.#search();
    }
  }

  get #isPopover() {
    return this.dataset['mode'] === 'popover';
  }

  #onKeydown(event: KeyboardEvent) {
    const links = Array.from(this.#results.querySelectorAll<HTMLAnchorElement>('a[data-result]'));
    const index = links.indexOf(document.activeElement as HTMLAnchorElement);
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (links.length === 0) return;
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      const next = index === -1 ? (step === 1 ? 0 : links.length - 1) : index + step;
      if (next < 0) this.#input.focus();
      else links[Math.min(next, links.length - 1)]?.focus();
    } else if (event.key === 'Escape') {
      if (document.activeElement !== this.#input) {
        this.#input.focus();
      } else if (this.#isPopover) {
        this.#close();
      } else {
        this.#input.value = '';
        void this.#search();
      }
      event.preventDefault();
    }
  }

  /** Closes the results; a search still running for them must not open them again. */
  #close() {
    this.#searchToken += 1;
    this.#renderToken += 1;
    this.toggleAttribute('data-open', false);
  }

  #restoreFromUrl() {
    const params = new URLSearchParams(location.search);
    const query = params.get('q') ?? '';
    const work = params.get('work');
    if (work && this.#work) this.#work.value = work;
    if (!query) return;
    this.#input.value = query;
    // Searching while the page starts: in Pagefind's worker (src/scripts/pagefind.ts).
    void loadPagefind({ worker: true }).catch(() => {});
    void this.#search().then(() => this.#restoreScroll());
  }

  // Back to the results: the browser restores scroll before the async results exist, so the
  // position is kept per query (saved on pagehide) and restored once they are drawn.
  #restoreScroll() {
    const saved = sessionStorage.getItem(scrollKey());
    const navigation = performance.getEntriesByType('navigation')[0] as
      PerformanceNavigationTiming | undefined;
    if (saved && navigation?.type === 'back_forward') window.scrollTo(0, Number(saved));
  }

  async #search() {
    const query = this.#input.value.trim();
    const work = this.#work?.value ?? '';
    this.#query = query;
    if (query === '') {
      if (!this.#isPopover) this.#syncUrl('', work);
      this.#close(); // and stops any search still running
      this.#matches = [];
      this.#results.replaceChildren();
      this.#status.textContent = '';
      this.#more?.toggleAttribute('hidden', true);
      return;
    }
    // Offline, only works saved on this device can be searched (their search data is saved
    // with them): the search is narrowed to them, and the status says so.
    const scope = await searchScope(work, this.#t);
    if (typeof scope === 'string') {
      this.#status.textContent = scope;
      this.#matches = [];
      this.#results.replaceChildren();
      this.#more?.toggleAttribute('hidden', true);
      this.toggleAttribute('data-open', true);
      return;
    }
    this.#offlineNote = scope.note;
    let pagefind;
    try {
      pagefind = await loadPagefind();
    } catch {
      // Readers get reader words; the hint about the build is for the author's dev server.
      this.#status.textContent = this.#t(
        import.meta.env.DEV_SERVER ? 'search.unavailableDev' : 'search.unavailable',
      );
      this.toggleAttribute('data-open', true);
      return;
    }
    // Wait for a pause in typing, then search once. Pagefind's debouncedSearch would preload the
    // index for every keystroke ("p", "pa"…), and a prefix can span index chunks the finished
    // word does not need; only words already followed by a space are fetched early.
    const token = ++this.#searchToken;
    const filters = scope.filters;
    const typed = finishedWords(this.#input.value);
    if (typed) void pagefind.preload(normalizeQuery(typed), filters);
    await new Promise((resolve) => setTimeout(resolve, typingPause));
    if (token !== this.#searchToken) return;
    // The URL follows the search, not each keystroke: every change of it makes the browser
    // fetch the favicon again.
    if (!this.#isPopover) this.#syncUrl(query, work);
    // Every page has a kind (chapter or work): filtering by both keeps every result and loads
    // that small filter, so the answer counts each kind ("filters") without loading a result.
    const options = { filters: { kind: { any: ['chapter', 'work'] }, ...filters.filters } };
    const normalized = normalizeQuery(query);
    // Words typed without quotes that stand together somewhere: those places first (Pagefind
    // ranks pages by their words alone, and a chapter where the phrase stands may come tenth).
    const phrase = asPhrase(normalized);
    // One after the other: concurrent searches in one Pagefind can lose results (seen with
    // "Did you mean"'s tries); the second reuses the chunks the first loaded.
    const together = phrase ? await pagefind.search(phrase, options) : undefined;
    if (token !== this.#searchToken) return;
    const everything = pagefind.search(normalized, options).then((search) => {
      if (token !== this.#searchToken) return;
      const first = new Set(together?.results.map((result) => result.id));
      this.#matches = [
        ...(together?.results ?? []),
        ...search.results.filter((result) => !first.has(result.id)),
      ];
      this.#chapters = search.filters['kind']?.['chapter'] ?? this.#matches.length;
    });
    // Where the words stand together, those chapters are drawn while the search for the
    // words anywhere runs (Pagefind's WebAssembly, against a chapter's fragment over the
    // network); otherwise that search is the results.
    this.#pending = together?.results.length ? everything : undefined;
    if (together?.results.length) this.#matches = together.results;
    else await everything;
    if (token !== this.#searchToken) return; // a newer keystroke superseded this one
    this.#shown = 0;
    this.#leftOut = 0;
    this.#results.replaceChildren();
    await this.#showMore();
  }

  /** Loads and renders the next batch of matching chapters. */
  async #showMore() {
    const token = ++this.#renderToken;
    const from = this.#shown;
    const pending = this.#pending;
    // Fetched together, drawn in rank order as each arrives: the first chapter's passages show
    // without waiting for the fifth chapter's.
    const pages = this.#matches.slice(from, from + chaptersPerBatch).map((result) => result.data());
    // The words a landing leaves unmarked ("the", "to"): the index answers in the page's language.
    const stop = await stopWordsOf(document.documentElement.lang);
    // A word Pagefind could not find is searched as its longest start it could ("zzqxj" as "z",
    // Pagefind/pagefind#793): a result without every word of the query is not about it, and
    // is left out, each on its own words. When a whole first batch is such, the search found
    // nothing (and "Did you mean" may help).
    let kept = 0;
    for (let at = 0; at < pages.length; at++) {
      const loaded = await pages[at]!;
      if (token !== this.#renderToken) return;
      if (!holdsEveryWord(loaded, this.#query)) {
        this.#leaveOut(loaded);
      } else {
        kept += 1;
        this.#results.append(renderChapter(loaded, this.#query, stop));
        this.toggleAttribute('data-open', true); // the header's results show from the first
      }
      // The phrase's chapters drawn: the rest of the batch comes from the search for the words
      // anywhere, once it is in.
      if (at === pages.length - 1 && pending) {
        await pending;
        if (this.#pending === pending) this.#pending = undefined;
        if (token !== this.#renderToken) return;
        pages.push(
          ...this.#matches
            .slice(from + pages.length, from + chaptersPerBatch)
            .map((result) => result.data()),
        );
      }
    }
    if (this.#shown === 0 && kept === 0) {
      this.#matches = [];
      this.#leftOut = 0;
    }
    this.#shown += pages.length;
    const total = this.#matches.length - this.#leftOut;
    const passages = this.#results.querySelectorAll('a[data-result]').length;
    const shown = this.#shown - this.#leftOut;
    const t = this.#t;
    const passagesShown = t('search.passagesShown', { count: passages });
    // Counts say what they count: chapters, then the work pages (a word of a title or summary).
    const chapters = this.#matches.length === 0 ? 0 : this.#chapters;
    const workPages = total - chapters;
    // "Did you mean" is part of the one announcement of a search that found nothing.
    const corrections = total === 0 ? await this.#corrections().catch(() => undefined) : undefined;
    if (token !== this.#renderToken) return;
    this.#status.textContent =
      total === 0
        ? t('search.noResults', { query: this.#query })
        : chapters === 0
          ? t('search.workPagesMatch', {
              count: workPages,
              query: this.#query,
              passages: passagesShown,
            })
          : t(shown < total ? 'search.matchesFromFirst' : 'search.matches', {
              count: chapters,
              query: this.#query,
              passages: passagesShown,
              shown,
            }) + (workPages > 0 ? ` ${t('search.workPagesToo', { count: workPages })}` : '');
    if (this.#more) {
      const next = Math.min(chaptersPerBatch, total - shown);
      this.#more.textContent = t('search.showMore', { count: next, rest: total - shown });
    }
    if (this.#offlineNote) this.#status.textContent += ` ${this.#offlineNote}`;
    this.#more?.toggleAttribute('hidden', shown >= total);
    this.toggleAttribute('data-open', true);
    if (corrections) this.#status.append(' ', corrections);
  }

  /** A result left out of the matches (see #showMore), and out of the counts. */
  #leaveOut(page: PagefindPage) {
    this.#leftOut += 1;
    if (page.filters['kind']?.includes('chapter')) this.#chapters -= 1;
  }

  /**
   * "Did you mean": when nothing is found, the library's closest words to the query's missing
   * ones, as links that run the corrected search (src/scripts/did-you-mean.ts, loaded only now).
   * Nothing when none of them finds anything either.
   */
  async #corrections(): Promise<HTMLElement | undefined> {
    const query = this.#query;
    const scope = await searchScope(this.#work?.value ?? '', this.#t);
    if (typeof scope === 'string') return undefined;
    const [{ corrections }, pagefind] = await Promise.all([
      import('./did-you-mean.ts'),
      loadPagefind(),
    ]);
    const offered = await corrections(query, async (corrected) => {
      const search = await pagefind.search(normalizeQuery(corrected), scope.filters);
      const best = await search.results[0]?.data();
      return best !== undefined && holdsEveryWord(best, corrected);
    });
    if (offered.length === 0) return undefined;
    const links = offered.map((corrected) => {
      const params = new URLSearchParams({ q: corrected });
      if (this.#work?.value) params.set('work', this.#work.value);
      const link = element(
        'a',
        { href: `${searchUrl}?${params}`, 'data-correction': '' },
        corrected,
      );
      link.addEventListener('click', (event) => {
        event.preventDefault();
        this.#input.value = corrected;
        void this.#search();
        this.#input.focus();
      });
      return link;
    });
    const lang = document.documentElement.lang || 'en';
    const list = new Intl.ListFormat(lang, { type: 'disjunction' }).formatToParts(offered);
    const sentence = element('span', { 'data-did-you-mean': '' });
    const [before = '', after = ''] = this.#t('search.didYouMean').split('{suggestions}');
    let next = 0;
    sentence.append(
      before,
      ...list.map((part) => (part.type === 'element' ? links[next++]! : part.value)),
      after,
    );
    return sentence;
  }

  #syncUrl(query: string, work: string) {
    const params = new URLSearchParams();
    if (query) params.set('q', query);
    if (work) params.set('work', work);
    const search = params.toString();
    history.replaceState(history.state, '', search ? `?${search}` : location.pathname);
  }
}

type Filters = { filters?: PagefindFilters };

/**
 * An unquoted query of several words as a quoted phrase (Pagefind then matches the words
 * together, in order); undefined for one word, a query with quotes, or words of scripts written
 * without spaces (their words are the segmenter's, and a phrase of them rarely matches).
 */
function asPhrase(query: string): string | undefined {
  if (/["]/.test(query) || spaceless.test(query)) return undefined;
  const words = query.trim().split(/\s+/);
  return words.length > 1 ? `"${words.join(' ')}"` : undefined;
}

/**
 * What a search may look through: everything online; offline, the saved works (with a note
 * saying so), or a sentence saying why nothing can be searched.
 */
async function searchScope(
  work: string,
  t: ReturnType<typeof stringsOf>,
): Promise<{ filters: Filters; note: string } | string> {
  if (navigator.onLine) return { filters: work ? { filters: { work } } : {}, note: '' };
  const saved = await savedWorkTitles();
  const unsaved = work ? !saved.includes(work) : saved.length === 0;
  if (unsaved)
    return saved.length
      ? t('search.offlineSome', { works: saved.join(', ') })
      : t('search.offlineNone');
  const note = t('search.offlineNote', { works: saved.join(', ') });
  return { filters: { filters: { work: work || { any: saved } } }, note };
}

/**
 * The titles of the works saved on this device (src/scripts/saved-works.ts keeps them), read
 * here in a few lines: this script is on every page, saved-works.ts only where works are saved.
 */
async function savedWorkTitles(): Promise<string[]> {
  if (!('caches' in window)) return [];
  const titles: string[] = [];
  for (const name of await caches.keys()) {
    const [, site, kind, work] = name.split(':');
    if (name.startsWith('fiction-reader:') && site === base && kind === 'work') {
      const manifest = await (await caches.open(name)).match(`${base}${work}/offline.json`);
      if (manifest) titles.push(((await manifest.json()) as { title: string }).title);
    }
  }
  return titles;
}

function renderChapter(
  page: PagefindPage,
  query: string,
  stop: ReadonlySet<string>,
): HTMLLIElement {
  const item = element('li', { 'data-chapter-result': '' });
  const heading = element('p', { class: 'result-where' });
  const work = page.meta['work'];
  const chapterTitle = page.meta['title'] ?? '';
  heading.append(
    ...(work ? [element('span', {}, work), ' · '] : []),
    element('span', {}, chapterTitle),
  );
  item.append(heading);
  const list = element('ol', { class: 'result-passages' });
  const passages = rankedPassages(page, query);
  for (const sub of passages.length > 0
    ? passages
    : [{ title: '', url: page.url, excerpt: page.excerpt, locations: [] }]) {
    // The excerpt and the opened page mark the same words.
    const terms = termsOf(sub, page, query, stop);
    const link = element('a', { href: withHighlights(sub, terms), 'data-result': '' });
    // Chapter pages name each passage's place where it adds something (a scene of several, a
    // flashback, a heading); "Scene 1" of a chapter of one scene comes under the chapter's name.
    const onlyScene = page.meta['scenes'] === '1' && /^Scene \d+$/.test(sub.title);
    if (sub.title && work && sub.title !== chapterTitle && !onlyScene)
      link.append(element('span', { class: 'result-passage-title' }, sub.title));
    const excerpt = element('span', { class: 'result-excerpt' });
    // Pagefind escapes excerpt text and adds only <mark>: safe to parse as HTML.
    excerpt.innerHTML = markExcerpt(sub.excerpt, terms);
    link.append(excerpt);
    const entry = element('li');
    entry.append(link);
    list.append(entry);
  }
  item.append(list);
  return item;
}

/** What a result marks (see highlightTerms), from its passage's words in the page's text. */
function termsOf(
  sub: { locations: number[] },
  page: PagefindPage,
  query: string,
  stop: ReadonlySet<string>,
): string[] {
  const words = page.content.split(/\s+/);
  const matched = sub.locations.map((at) => words[at] ?? '');
  const passage = passageWords(words, sub.locations, query);
  return highlightTerms(query, matched, passage, stop);
}

/** A result's address with the words its page should mark. */
function withHighlights(sub: { url: string }, terms: string[]) {
  const url = new URL(sub.url, location.origin);
  url.searchParams.delete(highlightParam);
  for (const term of terms) url.searchParams.append(highlightParam, term);
  return `${url.pathname}${url.search}${url.hash}`;
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Where the search page keeps its scroll position, per query. */
function scrollKey(): string {
  return storageKey(`search-scroll:${location.search}`);
}

customElements.define('passage-search', PassageSearch);
