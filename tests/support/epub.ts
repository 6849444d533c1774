import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { parseHTML } from 'linkedom';

/** An EPUB file opened: its raw bytes, its files, and its package's reading order. */
export interface OpenedEpub {
  bytes: Uint8Array;
  files: Record<string, Uint8Array>;
  text(path: string): string;
  /** A content document parsed (XHTML, read as HTML: the tests look at text and structure). */
  document(path: string): Document;
  /** Paths of the spine's documents in reading order, from the package document. */
  spine: string[];
}

/** Opens an EPUB the way a reading app does: container.xml → package → spine. */
export function openEpub(file: string): OpenedEpub {
  const bytes = new Uint8Array(readFileSync(file));
  const files = unzipSync(bytes);
  const text = (path: string) => {
    const entry = files[path];
    if (!entry) throw new Error(`${file} has no ${path}`);
    return strFromU8(entry);
  };
  const opfPath = /full-path="([^"]+)"/.exec(text('META-INF/container.xml'))![1]!;
  const folder = opfPath.includes('/') ? opfPath.slice(0, opfPath.lastIndexOf('/') + 1) : '';
  const opf = text(opfPath);
  const hrefs = new Map(
    [...opf.matchAll(/<item id="([^"]+)" href="([^"]+)"/g)].map((m) => [m[1]!, m[2]!]),
  );
  const spine = [...opf.matchAll(/<itemref idref="([^"]+)"/g)].map(
    (m) => `${folder}${hrefs.get(m[1]!)}`,
  );
  return {
    bytes,
    files,
    text,
    document: (path) => parseHTML(text(path)).document as unknown as Document,
    spine,
  };
}
