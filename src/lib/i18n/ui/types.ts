import type { Entry, Key } from './en.ts';

/** A language's table: every key of English's, no other (the compiler and a unit test hold it). */
export type Table = Record<Key, Entry>;
