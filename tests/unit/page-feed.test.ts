import { afterEach, expect, test } from 'vitest';
import {
  closeSearchFeed,
  InOrder,
  openSearchFeed,
  searchFeedOpen,
} from '../../src/lib/search/page-feed.ts';

afterEach(closeSearchFeed);

test('pages reach the index in the order they were started, whatever order they finish in', () => {
  const taken: string[] = [];
  openSearchFeed((url) => taken.push(url));
  const order = new InOrder();
  const [a, b, c, d] = [order.turn(), order.turn(), order.turn(), order.turn()];
  c({ url: '/c/', html: '<p>c' });
  expect(taken).toEqual([]); // a and b are still rendering
  b(undefined); // a feed or an image: its turn, nothing handed over
  expect(taken).toEqual([]);
  a({ url: '/a/', html: '<p>a' });
  expect(taken).toEqual(['/a/', '/c/']);
  d({ url: '/d/', html: '<p>d' });
  expect(taken).toEqual(['/a/', '/c/', '/d/']);
});

test('nothing is taken unless a build opened the feed', () => {
  expect(searchFeedOpen()).toBe(false);
  const order = new InOrder();
  expect(() => order.turn()({ url: '/a/', html: '' })).not.toThrow();
  const taken: string[] = [];
  openSearchFeed((url) => taken.push(url));
  expect(searchFeedOpen()).toBe(true);
  order.turn()({ url: '/b/', html: '' });
  expect(taken).toEqual(['/b/']);
});
