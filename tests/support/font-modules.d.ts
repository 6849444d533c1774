// The little of harfbuzzjs and fontverter the font tests use (neither ships types).
declare module 'harfbuzzjs' {
  export interface HarfBuzz {
    createBlob(data: ArrayBuffer | Uint8Array): { destroy(): void };
    createFace(blob: unknown, index: number): { collectUnicodes(): Uint32Array; destroy(): void };
  }
  const harfbuzz: Promise<HarfBuzz>;
  export default harfbuzz;
}

declare module 'fontverter' {
  export function convert(font: Uint8Array, to: 'truetype' | 'woff' | 'woff2'): Promise<Buffer>;
  const fontverter: { convert: typeof convert };
  export default fontverter;
}
