/**
 * Resume where you left off. On a chapter page: remember the passage at the top of the screen
 * and whether the reader reached the end. On the home and work pages: offer "Continue reading"
 * and mark the contents' chapters read or new. All of it in the device's storage (see
 * src/lib/reader/progress.ts for the rules).
 */
import {
  chapterMarks,
  continueLink,
  parseProgress,
  progressKey,
  withChapterRead,
  withContentsSeen,
  withPlace,
  type ListedChapter,
  type Place,
  type WorkProgress,
} from '../lib/reader/progress.ts';
import { deviceStorage } from './device-storage.ts';
import { stringsOf } from './strings.ts';

// After "Forget reading progress", this page stops recording until it is reloaded.
let forgotten = false;
const load = (work: string) => parseProgress(deviceStorage()?.getItem(progressKey(work)) ?? null);
const store = (work: string, progress: WorkProgress) => {
  if (!forgotten) deviceStorage()?.setItem(progressKey(work), JSON.stringify(progress));
};

/**
 * Where the reader's eye is: the first passage that starts on screen or still has a line or two
 * on it. A one-line passage at the very top (where a link lands) counts, although its bottom is
 * above the eye line.
 */
function passageAtTop(passages: HTMLElement[]): HTMLElement | undefined {
  const line = Math.min(window.innerHeight / 10, 48);
  let low = 0;
  let high = passages.length - 1;
  let found: HTMLElement | undefined;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const { top, bottom } = passages[middle]!.getBoundingClientRect();
    if (bottom > line || top >= -1) {
      found = passages[middle];
      high = middle - 1;
    } else {
      low = middle + 1;
    }
  }
  return found;
}

function trackChapter(article: HTMLElement) {
  const {
    readingWork: work,
    readingChapter: chapter,
    chapterTitle,
    chapterCount,
  } = article.dataset;
  if (!work || !chapter) return;
  const count = Number(chapterCount) || 0;
  const passages = [...article.querySelectorAll<HTMLElement>('[data-passage][id]')];
  // "Scene 1" says nothing in a chapter of one scene: name the place only where there are several.
  const divided = article.querySelector('[data-scene-break], [data-flashback]') !== null;
  const end = document.querySelector('[data-chapter-end]');
  const placeNow = (landed?: HTMLElement): Place => {
    // Before the reader scrolls into the text, the place is the chapter itself.
    const passage = landed ?? (window.scrollY > 0 ? passageAtTop(passages) : undefined);
    const where = divided ? passage?.dataset.pagefindTitle : undefined;
    // The chapter is done once the reader has scrolled past its text: the end of the chapter on
    // screen and its last passage ending in the upper half. (The end merely showing below the
    // passage being read, as in a short chapter, is not enough.) A link that landed on a
    // passage still in view keeps that passage the place.
    const linked = linkedPassage();
    const last = passages[passages.length - 1];
    const atEnd =
      !landed &&
      (!linked || linked.getBoundingClientRect().bottom <= 0) &&
      end !== null &&
      end.getBoundingClientRect().top < window.innerHeight &&
      (last === undefined || last.getBoundingClientRect().bottom < window.innerHeight / 2);
    return {
      chapter,
      title: chapterTitle ?? chapter,
      url: location.pathname,
      ...(passage && { passage: passage.id }),
      ...(where && { where }),
      ...(atEnd && { atEnd }),
    };
  };
  const save = (landed?: HTMLElement) =>
    store(work, withPlace(load(work), placeNow(landed), count));

  // A link to a passage lands there: it is the reader's place until the scroll to it has ended
  // (a smooth scroll across a long chapter takes a second or more, and leaving during it must not
  // record whatever passage the scroll was passing). A link is "fresh" while the URL's fragment
  // differs from the one at the last scroll's end; reading the URL itself, not waiting for
  // `hashchange`, also covers leaving before that event has run.
  const linkedPassage = () => {
    const target =
      location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    return target && passages.includes(target) ? target : undefined;
  };
  let hashAtScrollEnd: string | undefined;
  const freshLanding = () => (location.hash !== hashAtScrollEnd ? linkedPassage() : undefined);
  const scrollEnded = () => {
    hashAtScrollEnd = location.hash;
    save();
  };
  save(freshLanding());
  window.addEventListener('hashchange', () => save(freshLanding()));
  const hasScrollEnd: boolean = 'onscrollend' in window; // a boolean: no narrowing of `window`
  if (hasScrollEnd) {
    window.addEventListener('scrollend', scrollEnded);
  } else {
    // Safari has no scrollend: 300 ms without a scroll event is the end.
    let timer: number | undefined;
    window.addEventListener(
      'scroll',
      () => {
        clearTimeout(timer);
        timer = window.setTimeout(scrollEnded, 300);
      },
      { passive: true },
    );
  }
  window.addEventListener('pagehide', () => save(freshLanding()));

  // Reaching the chapter's navigation means the chapter was read to the end.
  if (end) {
    const observer = new IntersectionObserver((entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      store(work, withChapterRead(load(work), chapter));
      observer.disconnect();
    });
    observer.observe(end);
  }
}

function listedChapters(contents: HTMLElement): ListedChapter[] {
  return [...contents.querySelectorAll<HTMLElement>('[data-chapter-slug]')].map((item) => ({
    slug: item.dataset.chapterSlug!,
    url: item.querySelector('a')!.getAttribute('href')!,
    title: item.dataset.chapterTitle ?? '',
  }));
}

function markContents(contents: HTMLElement) {
  const work = contents.dataset.contentsOf!;
  const chapters = listedChapters(contents);
  const progress = load(work);
  const t = stringsOf(contents);
  const marks = chapterMarks(
    progress,
    chapters.map((chapter) => chapter.slug),
  );
  for (const item of contents.querySelectorAll<HTMLElement>('[data-chapter-slug]')) {
    const mark = marks.get(item.dataset.chapterSlug!);
    const badge = item.querySelector<HTMLElement>('[data-chapter-mark]')!;
    badge.textContent = mark === 'read' ? t('work.read') : mark === 'new' ? t('work.new') : '';
    if (mark) badge.dataset.chapterMark = mark;
    badge.hidden = !mark;
  }
  store(
    work,
    withContentsSeen(
      progress,
      chapters.map((chapter) => chapter.slug),
    ),
  );
}

async function offerContinue(slot: HTMLElement) {
  const { work, contentsUrl, chaptersUrl, complete } = slot.dataset;
  if (!work || !contentsUrl) return;
  const progress = load(work);
  if (!progress.last) return;
  // The work page lists its chapters; elsewhere a small list is fetched, only for returning readers.
  const contents = document.querySelector<HTMLElement>(`[data-contents-of="${work}"]`);
  let chapters: ListedChapter[];
  if (contents) chapters = listedChapters(contents);
  else if (chaptersUrl) {
    const response = await fetch(chaptersUrl).catch(() => undefined);
    if (!response?.ok) return;
    chapters = (await response.json()) as ListedChapter[];
  } else return;
  const link = continueLink(
    progress,
    chapters,
    contentsUrl,
    stringsOf(slot),
    document.documentElement.lang,
    complete !== undefined,
  );
  if (!link) return;
  const anchor = slot.querySelector('a')!;
  const upToDate = slot.querySelector<HTMLElement>('[data-up-to-date]')!;
  // Up to date is news, not a link: nothing to continue into until the next chapter.
  anchor.hidden = link.kind === 'up-to-date';
  upToDate.hidden = link.kind !== 'up-to-date';
  if (link.kind === 'up-to-date') upToDate.textContent = link.label;
  else {
    anchor.href = link.href;
    slot.querySelector('[data-continue-label]')!.textContent = link.label;
  }
  slot.dataset.continueKind = link.kind;
  slot.hidden = false;
}

for (const article of document.querySelectorAll<HTMLElement>('[data-reading-chapter]'))
  trackChapter(article);
// Continue links first: they read the saved "known" chapters before the contents update them.
for (const slot of document.querySelectorAll<HTMLElement>('[data-continue-reading]'))
  void offerContinue(slot);
for (const contents of document.querySelectorAll<HTMLElement>('[data-contents-of]'))
  markContents(contents);

document.addEventListener('reading-progress-cleared', () => {
  forgotten = true;
  for (const slot of document.querySelectorAll<HTMLElement>('[data-continue-reading]'))
    slot.hidden = true;
  for (const badge of document.querySelectorAll<HTMLElement>('[data-chapter-mark]'))
    badge.hidden = true;
});
