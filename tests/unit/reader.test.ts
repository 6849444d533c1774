import { describe, expect, test } from 'vitest';
import {
  chapterMarks,
  continueLink,
  parseProgress,
  withChapterRead,
  withContentsSeen,
  withPlace,
  type WorkProgress,
} from '../../src/lib/reader/progress.ts';
import { changedSettings, initialSettings, parseSettings } from '../../src/lib/reader/settings.ts';

describe('reader settings', () => {
  test('only known settings with known values survive parsing', () => {
    expect(
      parseSettings('{"theme":"sepia","size":"huge","font":"sans","colour":"red","width":3}'),
    ).toEqual({ theme: 'sepia', font: 'sans' });
  });

  test.each(['', 'null', '[]', '"dark"', '{broken'])('%j parses to no settings', (saved) => {
    expect(parseSettings(saved)).toEqual({});
  });

  test('only changed settings are saved, so new defaults reach readers who never chose', () => {
    expect(changedSettings({ ...initialSettings, align: 'justified' })).toEqual({
      align: 'justified',
    });
    expect(changedSettings(initialSettings)).toEqual({});
  });
});

describe('reading progress', () => {
  const chapters = ['one', 'two', 'three'].map((slug) => ({
    slug,
    url: `/w/${slug}/`,
    title: slug.charAt(0).toUpperCase() + slug.slice(1),
  }));
  const place = { chapter: 'two', title: 'Two', url: '/w/two/', passage: 'p-x', where: 'Scene 3' };
  const fresh = parseProgress(null);

  test('a reader who never came has no marks and no continue link', () => {
    expect(chapterMarks(fresh, ['one', 'two'])).toEqual(new Map());
    expect(continueLink(fresh, chapters, '/w/')).toBeUndefined();
  });

  test('continue leads to the saved passage and names its scene', () => {
    const progress = withPlace(fresh, place, 3);
    expect(continueLink(progress, chapters, '/w/')).toEqual({
      kind: 'passage',
      href: '/w/two/#p-x',
      label: 'Continue reading — Two, scene 3',
    });
  });

  test('continue uses the chapter’s current URL and falls back to the contents when it is gone', () => {
    const progress = withPlace(fresh, { ...place, url: '/old/two/' }, 3);
    expect(continueLink(progress, chapters, '/w/')).toMatchObject({ href: '/w/two/#p-x' });
    expect(continueLink(progress, chapters.slice(0, 1), '/w/')).toEqual({
      kind: 'contents',
      href: '/w/',
      label: '“Two” is no longer here: continue from the contents',
    });
  });

  test('a chapter read to its end leads on to the next chapter, not back into the read one', () => {
    const progress = parseProgress(JSON.stringify(withPlace(fresh, { ...place, atEnd: true }, 3)));
    expect(progress.last?.atEnd).toBe(true);
    expect(continueLink(progress, chapters, '/w/')).toEqual({
      kind: 'passage',
      href: '/w/three/',
      label: 'Continue reading — Three',
    });
  });

  test('after the newest chapter the reader is up to date; a chapter published since is next', () => {
    const last = { chapter: 'three', title: 'Three', url: '/w/three/', atEnd: true };
    const progress = withPlace(fresh, last, 3);
    expect(continueLink(progress, chapters, '/w/')).toEqual({
      kind: 'up-to-date',
      label: 'You are up to date: “Three” is the newest chapter.',
    });
    expect(continueLink(progress, chapters, '/w/', undefined, 'en', true)).toEqual({
      kind: 'up-to-date',
      label: 'You have read the whole work.',
    });
    const grown = [...chapters, { slug: 'four', url: '/w/four/', title: 'Four' }];
    expect(continueLink(progress, grown, '/w/')).toMatchObject({ href: '/w/four/' });
    // Scrolled back up into the chapter, the reader continues where they are.
    const back = withPlace(
      progress,
      { chapter: 'three', title: 'Three', url: '/w/three/', passage: 'p-y' },
      3,
    );
    expect(continueLink(back, chapters, '/w/')).toMatchObject({ href: '/w/three/#p-y' });
  });

  test('chapters beyond the count a chapter page showed are new; read chapters are marked read', () => {
    // The reader opened chapter two when the work had 3 chapters, and finished it.
    const progress = withChapterRead(withPlace(fresh, place, 3), 'two');
    const marks = chapterMarks(progress, ['one', 'two', 'three', 'four']);
    expect([...marks]).toEqual([
      ['two', 'read'],
      ['four', 'new'],
    ]);
  });

  test('once the contents were seen, any chapter not listed then is new, wherever it is', () => {
    const progress = withContentsSeen(fresh, ['one', 'two', 'three']);
    expect([...chapterMarks(progress, ['one', 'inserted', 'three', 'four'])]).toEqual([
      ['inserted', 'new'],
      ['four', 'new'],
    ]);
  });

  test('stored progress survives a round trip; garbage becomes no progress', () => {
    const progress: WorkProgress = withContentsSeen(withPlace(fresh, place, 3), ['one']);
    expect(parseProgress(JSON.stringify(progress))).toEqual(progress);
    expect(parseProgress('{"last":{"chapter":5},"read":"x"}')).toEqual(fresh);
    expect(parseProgress('not json')).toEqual(fresh);
  });
});
