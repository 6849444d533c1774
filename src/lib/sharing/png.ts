import { crc32, deflateSync } from 'node:zlib';

const signature = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/**
 * Encodes RGBA pixels as a PNG, in a quarter of the time of resvg's own `asPng()` (4 ms against
 * 15 ms for a preview): rows are left unfiltered and deflated fast (level 1), and flat colours
 * and text compress well enough that way (about 40 KB for a preview, against 28 KB).
 */
export function encodePng(pixels: Buffer, width: number, height: number): Buffer {
  const stride = width * 4;
  const rows = Buffer.alloc((stride + 1) * height); // each row: filter type 0, then its pixels
  for (let y = 0; y < height; y++)
    pixels.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bits per channel
  header[9] = 6; // RGBA
  return Buffer.concat([
    signature,
    ...chunk('IHDR', header),
    ...chunk('IDAT', deflateSync(rows, { level: 1 })),
    ...chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, data: Buffer): Buffer[] {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const name = Buffer.from(type, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(name)));
  return [length, name, data, crc];
}
