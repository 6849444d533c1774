import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  TextRun,
} from 'docx';
import { describe, expect, test } from 'vitest';
import { validateContent } from '../../src/lib/story/validate/index.ts';
import { imported } from '../support/import-fixtures.ts';

// Word documents made here by two real writers of .docx: the `docx` package (as an app that
// writes Word files does) and Debian's Pandoc (installed by .ci/run, as EPUBCheck is), in
// English, French and Chinese. Each import proves every word through the site's pipeline
// (importStory throws on a lost, added or moved word), so these check the structure read.

const scratch = mkdtempSync(path.join(tmpdir(), 'docx-test-'));

/** A .docx made by Pandoc from Markdown (its Title, Author and Heading styles, its rules). */
function pandoc(markdown: string, to: 'docx' | 'odt' = 'docx'): Uint8Array {
  const source = path.join(scratch, `in-${Math.random().toString(36).slice(2)}.md`);
  writeFileSync(source, markdown);
  const out = `${source}.${to}`;
  execFileSync('pandoc', [source, '-o', out]);
  return new Uint8Array(readFileSync(out));
}

// A 1×1 PNG, for a picture with alt text.
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
  'base64',
);

async function written(document: Document): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toBuffer(document));
}

async function writeOut(result: Awaited<ReturnType<typeof imported>>) {
  for (const file of result.written.files) {
    mkdirSync(path.dirname(path.join(result.dir, file.path)), { recursive: true });
    writeFileSync(path.join(result.dir, file.path), file.content);
  }
  return validateContent(result.dir);
}

describe('a Word document from the docx package: styles, footnotes, a picture', async () => {
  const result = await imported(
    await written(
      new Document({
        title: 'The Lantern Keeper',
        creator: 'Ada Quill',
        description: 'A keeper, a storm, a ship.',
        footnotes: { 1: { children: [new Paragraph('Lamps burned whale oil then.')] } },
        sections: [
          {
            children: [
              new Paragraph({ text: 'The Lantern Keeper', heading: HeadingLevel.TITLE }),
              new Paragraph('Written for my sister.'),
              new Paragraph({ text: 'The Storm', heading: HeadingLevel.HEADING_1 }),
              new Paragraph({
                children: [
                  new TextRun('She said '),
                  new TextRun({ text: 'nothing ', italics: true }),
                  new TextRun('had happened'),
                  new FootnoteReferenceRun(1),
                  new TextRun('.'),
                ],
              }),
              new Paragraph('* * *'),
              new Paragraph({
                children: [
                  new TextRun({ text: 'Keeper:', bold: true }),
                  new TextRun('Trim the wick at 4:30'),
                  new TextRun({ text: ' and not later', strike: true }),
                  new TextRun(' [redacted].'),
                ],
              }),
              new Paragraph({
                children: [
                  new ImageRun({
                    type: 'png',
                    data: png,
                    transformation: { width: 10, height: 10 },
                    altText: { name: 'map', title: 'Map', description: 'A map of the coast' },
                  }),
                ],
              }),
              new Paragraph({ children: [new PageBreak()] }),
              new Paragraph({ text: 'The Ship', heading: HeadingLevel.HEADING_1 }),
              new Paragraph({ text: 'On deck', heading: HeadingLevel.HEADING_2 }),
              new Paragraph('The ship came in.'),
            ],
          },
        ],
      }),
    ),
  );
  const chapter = (name: string) => result.files.get(`the-lantern-keeper/${name}`)!;

  test('the work from the Title style and the properties; text above the first chapter is its notes', () => {
    expect(result.story.format).toBe('docx');
    expect(chapter('work.md').data).toMatchObject({
      title: 'The Lantern Keeper',
      author: 'Ada Quill',
      summary: 'A keeper, a storm, a ship.',
    });
    expect(chapter('work.md').body).toBe('Written for my sister.');
  });

  test('chapters at Heading 1, a Heading 2 inside one a heading of the chapter', () => {
    expect([...result.files.keys()].sort()).toEqual([
      'the-lantern-keeper/01-the-storm.md',
      'the-lantern-keeper/02-the-ship.md',
      'the-lantern-keeper/work.md',
    ]);
    expect(chapter('02-the-ship.md').data['title']).toBe('The Ship');
    expect(chapter('02-the-ship.md').body).toBe('## On deck\n\nThe ship came in.');
  });

  test('clean Markdown: emphasis, strong, struck text, a footnote, a break, the picture', () => {
    expect(chapter('01-the-storm.md').body).toBe(
      [
        'She said *nothing* had happened[^1].',
        '***',
        // The colon moves out of the bold: `**Keeper:**Trim` could not close.
        '**Keeper**:Trim the wick at 4:30 ~~and not later~~ [redacted].',
        '![A map of the coast](images/picture-1.png)',
        '[^1]: Lamps burned whale oil then.',
      ].join('\n\n'),
    );
    expect(result.written.files.map((f) => f.path)).toContain(
      'the-lantern-keeper/images/picture-1.png',
    );
  });

  test('the work passes the content check', async () => {
    expect(await writeOut(result)).toEqual([]);
  });
});

describe('Word documents from Pandoc', () => {
  test('French: Title, Author and language from the document, a drawn rule a scene break', async () => {
    const result = await imported(
      pandoc(
        '---\ntitle: Le Gardien du phare\nauthor: Margot Lune\nlang: fr-FR\n---\n\n# Premier chapitre\n\nElle dit : « *rien* du tout ».\n\n* * *\n\nLa mer.[^1]\n\n[^1]: Une note.\n\n# Deuxième chapitre\n\nFin de l’histoire.\n',
      ),
    );
    expect(result.files.get('le-gardien-du-phare/work.md')!.data).toMatchObject({
      title: 'Le Gardien du phare',
      author: 'Margot Lune',
      language: 'fr-FR',
    });
    expect(result.files.get('le-gardien-du-phare/01-premier-chapitre.md')!.body).toBe(
      'Elle dit : « *rien* du tout ».\n\n***\n\nLa mer.[^1]\n\n[^1]: Une note.',
    );
    expect(result.report.join('\n')).toContain('"* * *"');
    expect(await writeOut(result)).toEqual([]);
  });

  test('Chinese: a lone Heading 1 is the title over Heading 2 chapters; no character references', async () => {
    const result = await imported(
      pandoc(
        '---\nlang: zh-CN\n---\n\n# 星落之城\n\n## 第一章 归来\n\n**安妮罗洁：**完成了。她说：“*好*。”\n\n## 第二章 离别\n\n夜深了。\n',
      ),
    );
    const files = [...result.files.keys()];
    expect(files).toHaveLength(3);
    const work = result.files.get(files.find((f) => f.endsWith('work.md'))!)!;
    expect(work.data).toMatchObject({ title: '星落之城', language: 'zh-CN' });
    const first = [...result.files.values()].find((f) => f.data['title'] === '第一章 归来')!;
    expect(first.body).toBe('**安妮罗洁**：完成了。她说：“*好*。”');
    expect(result.files.size).toBe(3);
    for (const file of result.files.values()) expect(file.content).not.toMatch(/&#|\\/);
    expect(await writeOut(result)).toEqual([]);
  });

  test('no headings: chapters cut at page breaks, and said so', async () => {
    const result = await imported(
      await written(
        new Document({
          title: 'Three Nights',
          creator: 'Ada Quill',
          sections: [
            {
              children: [
                new Paragraph('The first night was cold.'),
                new Paragraph({ children: [new PageBreak()] }),
                new Paragraph('The second night was colder.'),
                new Paragraph({ children: [new PageBreak()] }),
                new Paragraph('The third night, snow.'),
              ],
            },
          ],
        }),
      ),
    );
    const titles = [...result.files.entries()]
      .filter(([name]) => !name.endsWith('work.md'))
      .map(([, file]) => [file.data['title'], file.body]);
    expect(titles).toEqual([
      ['Chapter 1', 'The first night was cold.'],
      ['Chapter 2', 'The second night was colder.'],
      ['Chapter 3', 'The third night, snow.'],
    ]);
    expect(result.report.join('\n')).toMatch(/cut at page breaks/);
  });

  test('an OpenDocument file is refused with what to do; a damaged .docx with a one-line error', async () => {
    await expect(imported(pandoc('# A\n\nB.\n', 'odt'))).rejects.toThrow(
      /OpenDocument file \(\.odt\).*Save As › Word/,
    );
    const docx = pandoc('# A\n\nB.\n');
    await expect(imported(docx.subarray(0, docx.length - 200))).rejects.toThrow(
      /^This (Word document|is a zip file)[^\n]*$/,
    );
  });
});
