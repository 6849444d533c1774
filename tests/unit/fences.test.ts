import { describe, expect, test } from 'vitest';
import { containerNames } from '../../src/lib/markup/containers.ts';
import { renderChapter, renderFailure } from '../support/markdown.ts';

/** A block of each container kind that is valid on its own. */
const bodies: Record<(typeof containerNames)[number], string> = {
  flashback: 'It was raining.',
  messages: 'Chloe: Where are you?',
  letter: 'Dear Buffy,\n\nThe farm is quiet.',
  verse: 'Into the night\nwe ride.',
  epigraph: 'The hardest thing.\n\n— Buffy',
  table: '| A | B |\n| - | - |\n| 1 | 2 |',
};

describe('a container closed by a fence meant for a later one', () => {
  test('the letter never closed before a complete verse fails at the letter, naming both', async () => {
    const mistake = await renderFailure(
      [
        'Clark reads it twice.',
        '',
        ':::letter', // line 3
        'Dear Buffy,',
        '',
        'The farm is quiet.',
        '',
        ':::verse', // line 8
        'Into the night',
        'we ride.',
        ':::', // line 11
        '',
        'He folds the letter away.',
      ].join('\n'),
    );
    expect(mistake).toMatchObject({ ruleId: 'letter:unclosed', line: 3 });
    expect(mistake.reason).toContain(
      '":::letter" opened at line 3 is never closed: the ":::" at line 11 closes the ":::verse" opened at line 8.',
    );
    expect(mistake.reason).toContain('"::::letter" … "::::"');
  });

  // Every kind that can hold another, unclosed before each kind that can be held: the opening
  // line of the one never closed is named, whichever pair it is.
  const outers = ['flashback', 'letter'] as const;
  for (const outer of outers)
    for (const inner of containerNames.filter((n) => n !== outer && n !== 'epigraph'))
      test(`:::${outer} never closed before a complete :::${inner}`, async () => {
        const label = inner === 'table' ? '[Stats]' : '';
        const mistake = await renderFailure(
          `:::${outer}\nFirst words.\n\n:::${inner}${label}\n${bodies[inner]}\n:::\n\nLast words.`,
        );
        expect(mistake).toMatchObject({ ruleId: `${outer}:unclosed`, line: 1 });
        expect(mistake.reason).toContain(`closes the ":::${inner}" opened at line 4`);
      });

  test('a container nested two deep, the outer one never closed', async () => {
    const mistake = await renderFailure(
      ':::flashback\nThen.\n\n::::letter\nDear B,\n\n:::verse\nA line.\n:::\n::::\n\nNow.',
    );
    // The verse's `:::` closes the flashback first (it has the flashback's three colons), and
    // the letter and the verse with it: the verse owns it; the flashback needs five colons.
    expect(mistake).toMatchObject({ ruleId: 'flashback:unclosed', line: 1 });
    expect(mistake.reason).toContain('the ":::" at line 9 closes the ":::verse" opened at line 7');
    expect(mistake.reason).toContain('":::::flashback"');
  });

  test('an inner container never closed, ended by the fence of the outer one', async () => {
    const mistake = await renderFailure('::::letter\nDear B,\n\n:::verse\nA line.\n::::\n\nAfter.');
    expect(mistake).toMatchObject({ ruleId: 'verse:unclosed', line: 4 });
    expect(mistake.reason).toContain('closes the ":::letter" opened at line 1');
  });

  test('nesting with more colons on the outer container is fine', async () => {
    const { html } = await renderChapter(
      '::::letter\nDear B,\n\n:::verse\nA line.\n:::\n\nLove,\nC\n::::',
    );
    expect(html).toContain('data-verse');
    expect(html).not.toContain(':::');
  });
});

describe('a fence that closes nothing', () => {
  test('a lone ":::" between paragraphs fails at its line', async () => {
    const mistake = await renderFailure('One.\n\n:::\n\nTwo.');
    expect(mistake).toMatchObject({ ruleId: 'container:stray-fence', line: 3 });
    expect(mistake.reason).toContain('closes no container');
  });

  test('a second closing fence right under a paragraph fails at its line', async () => {
    const mistake = await renderFailure(':::flashback\nThen.\n:::\nNow.\n:::');
    expect(mistake).toMatchObject({ ruleId: 'container:stray-fence', line: 5 });
  });

  test('an escaped fence is prose', async () => {
    const { html } = await renderChapter('One.\n\n\\:::\n\nTwo.');
    expect(html).toContain('>:::</p>');
  });
});
