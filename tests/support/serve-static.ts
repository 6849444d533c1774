import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { createGzip } from 'node:zlib';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.xml': 'application/xml',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.gif': 'image/gif',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.epub': 'application/epub+zip',
  '.webmanifest': 'application/manifest+json',
};
// What a static host or CDN compresses on the fly; Pagefind's own files come gzipped already.
const compressible = new Set([
  '.html',
  '.css',
  '.js',
  '.json',
  '.xml',
  '.txt',
  '.svg',
  '.webmanifest',
]);

/** A served copy of a built site. */
export interface StaticSite {
  origin: string;
  /** The path the site is served under: `/`, or `/my-story/`. */
  base: string;
  close(): Promise<void>;
}

/**
 * Serves a built site on loopback the way a static host does: `/x/` is `/x/index.html`, text is
 * gzipped when the browser accepts it, an unchanged file is a 304 by its ETag, a miss gets
 * 404.html with status 404. With a `base` (`/my-story/`) the site is served only there, as a
 * GitHub Pages project site is: anything outside it is a bare 404. For the browser tests and the
 * benchmark; never a production server.
 */
export async function serveStatic(
  dist: string,
  /** A fixed port, to serve another build at the same origin (same storage) as an earlier one. */
  port = 0,
  base = '/',
): Promise<StaticSite> {
  const root = path.resolve(dist);
  const notFound = readFileSync(path.join(root, '404.html'));
  const server = createServer((req, res) => {
    const requested = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!requested.startsWith(base)) {
      res.writeHead(404, { 'content-type': types['.txt']! }).end('Not found: outside the site\n');
      return;
    }
    const pathname = `/${requested.slice(base.length)}`;
    let file = path.join(root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
    if (!file.startsWith(root)) file = '';
    if (!file || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': types['.html']! }).end(notFound);
      return;
    }
    const ext = path.extname(file);
    // Hosts revalidate unfingerprinted files (the favicon, Pagefind's entry points) by ETag.
    const { size, mtimeMs } = statSync(file);
    const etag = `"${size.toString(36)}-${Math.round(mtimeMs).toString(36)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304, { etag }).end();
      return;
    }
    const headers: Record<string, string> = {
      'content-type': types[ext] ?? 'application/octet-stream',
      etag,
    };
    const gzip = compressible.has(ext) && /\bgzip\b/.test(String(req.headers['accept-encoding']));
    if (gzip) headers['content-encoding'] = 'gzip';
    res.writeHead(200, headers);
    const stream = createReadStream(file);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    base,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
