/**
 * remark plugin: SmartyPants typography — curly quotes and apostrophes, `--` → –, `---` → —,
 * `...` → …, ``` `` ``` and `''` → “ ”. It makes exactly the changes Astro's built-in
 * `remark-smartypants` (with `dashes: 'oldschool'`) makes, about five times faster: that plugin
 * tokenises every chapter twice with a natural-language parser, which was four fifths of the
 * time spent rendering Markdown. Its rules are kept as they are (see retext-smartypants); only
 * the tokenising is ours, and a unit test renders the story and a whole book with both plugins
 * and requires identical output.
 *
 * Where the outcome depends on the parser's finer grouping (spaced ellipses, a quote beside a
 * mark touching a word) the parser itself decides, so the output stays the same.
 *
 * As in remark-smartypants, quotes are decided over the text of the whole document at once (so a
 * quote opened before a link or emphasis closes after it), and dashes, ellipses and backticks
 * within each text node. Code is opaque: its characters count as letters.
 */
import type { Root, Nodes, Literal } from 'mdast';
import { retext } from 'retext';
import retextSmartypants from 'retext-smartypants';
import type { VFile } from 'vfile';
import { visit } from 'unist-util-visit';

const open = { '"': '“', "'": '‘' } as const;
const close = { '"': '”', "'": '’' } as const;

type Kind = 'word' | 'space' | 'mark';
interface Token {
  kind: Kind;
  start: number;
  end: number;
}

/**
 * Splits text as the natural-language parser does, as far as the rules can tell: runs of letters
 * and digits, runs of white space, and marks, where a run of one repeated mark ("---", "...",
 * "''") is one token.
 */
const tokenPattern = /([\p{L}\p{M}\p{N}]+)|(\s+)|([^\p{L}\p{M}\p{N}\s])\3*/gsu;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const kind: Kind = match[1] ? 'word' : match[2] ? 'space' : 'mark';
    tokens.push({ kind, start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

/**
 * Whether a quote's rule may depend on the parser's finer grouping (sentences; marks it counts
 * as part of a word, as in `word-"a`, `"...and` or `"80s.80s`). Such text goes to the parser.
 */
function ambiguous(text: string, tokens: Token[]): boolean {
  return tokens.some((token, index) => {
    const value = text[token.start];
    if (token.kind !== 'mark' || token.end - token.start !== 1) return false;
    if (value !== '"' && value !== "'") return false;
    const previous = tokens[index - 1]?.kind;
    const next = tokens[index + 1]?.kind;
    // Proven contexts: after a space, a word or nothing; after a mark only when the quote ends
    // a run of marks before a space (`,"` `."`). A mark after the quote is never simple.
    if (next === 'mark') return true;
    if (previous === 'mark' && next === 'word') return true;
    // Before a number: the decade rule (the '80s) turns on the parser's words ("80s.80s" is one).
    if (next === 'word' && /^\p{N}/u.test(text[tokens[index + 1]!.start]!)) return true;
    // ` 's`: the rule for "'s" needs to know whether the quote starts a sentence.
    return (
      value === "'" &&
      previous === 'space' &&
      text.slice(tokens[index + 1]?.start, tokens[index + 1]?.end) === 's'
    );
  });
}

const quotePass = retext().use(retextSmartypants, {
  quotes: true,
  ellipses: false,
  dashes: false,
  backticks: false,
});

/** Curls the straight quotes of `text` (retext-smartypants' `quotesDefault`, rule for rule). */
export function educateQuotes(text: string): string {
  const tokens = tokenize(text);
  if (ambiguous(text, tokens)) return quotePass.processSync(text).toString();
  const out = text.split('');
  const valueOf = (token: Token | undefined) => (token ? text.slice(token.start, token.end) : '');
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const value = out[token.start];
    if (token.kind !== 'mark' || token.end - token.start !== 1) continue;
    if (value !== '"' && value !== "'") continue;
    const previous = tokens[index - 1];
    const next = tokens[index + 1];
    const nextNext = tokens[index + 2];
    const nextValue = valueOf(next);
    let curled: string;
    if (next?.kind === 'mark' && nextNext?.kind !== 'word') {
      curled = close[value];
    } else if (
      next?.kind === 'mark' &&
      (nextValue === '"' || nextValue === "'") &&
      nextNext?.kind === 'word'
    ) {
      // A quote inside a quote: `"'Quoted' words"`.
      curled = open[value];
      out[next.start] = open[nextValue];
      index++;
    } else if (previous && previous.kind !== 'word' && next?.kind === 'word') {
      curled = open[value];
    } else if (previous?.kind === 'word') {
      curled = close[value];
    } else if (!next || next.kind === 'space' || (value === "'" && nextValue === 's')) {
      curled = close[value];
    } else {
      curled = open[value];
    }
    out[token.start] = curled;
  }
  return out.join('');
}

// The parser's own passes, for the rare text whose result depends on how it groups sentences
// and words: spaced ellipses (". . ."), quotes beside marks that touch a word.
const markPass = retext().use(retextSmartypants, { dashes: 'oldschool', quotes: false });

/** Dashes, ellipses and double backticks within one text node. */
export function educateMarks(text: string): string {
  if (/\.\s+\./.test(text)) return markPass.processSync(text).toString();
  // Every change below needs one of these pairs; most text has none, and stays as it is.
  if (!/\.\.|--|``|''|–-/.test(text)) return text;
  const tokens = tokenize(text);
  let result = '';
  for (let index = 0; index < tokens.length; index++) {
    const token = tokens[index]!;
    const value = text.slice(token.start, token.end);
    const next = tokens[index + 1];
    if (token.kind !== 'mark') result += value;
    else if (/^\.{3,}$/.test(value)) result += '…';
    else if (value === '``') result += '“';
    else if (value === "''") result += '”';
    else if (value === '---') result += '—';
    else if (value === '--') result += '–';
    else if (value === '–' && next && text.slice(next.start, next.end) === '-') {
      result += '—';
      index++;
    } else result += value;
  }
  return result;
}

const blocks = new Set(['paragraph', 'heading', 'tableCell']);
const visited = new Set(['text', 'inlineCode', ...blocks]);

/**
 * The quotation marks and spacing of `language` (a BCP 47 tag), from the English curly quotes
 * `educateQuotes` made: French « » with narrow no-break spaces inside them and before ; : ! ?,
 * German „ “, Russian and Ukrainian « » (and a spaced dash as an em dash), Polish „ ”, Italian
 * « », Swedish ” ”, Arabic and Persian « », Hebrew „ ”. Only double
 * quotes change: a closing single quote is also the apostrophe, so single quotes stay.
 */
export function localizePunctuation(text: string, language: string): string {
  const base = language.split('-')[0]!.toLowerCase();
  const marks = doubleQuotes[base];
  let result = marks ? text.replace(/“/g, marks[0]).replace(/”/g, marks[1]) : text;
  if (base === 'fr') {
    result = result
      // Inside guillemets, a narrow no-break space, whatever space the author typed (or none).
      .replace(/«[ \u00a0\u202f]?/g, '«\u202f')
      .replace(/[ \u00a0\u202f]?»/g, '\u202f»')
      // Before ; : ! ? that end a clause (not 8:35, not http://), a narrow no-break space.
      .replace(
        /(?<=[\p{L}\p{N}»)\]’”*_]|^(?=[ \u00a0]))[ \u00a0]?([;:!?]+)(?=\s|$|[»”’)\]*_])/gu,
        '\u202f$1',
      );
  }
  // Russian and Ukrainian set a spaced dash as an em dash (dialogue, asides): "--" is typed.
  if (base === 'ru' || base === 'uk') result = result.replace(/(^|\s)–(?=\s|$)/g, '$1—');
  return result;
}

const doubleQuotes: Record<string, readonly [string, string]> = {
  fr: ['«', '»'],
  de: ['„', '“'],
  ru: ['«', '»'],
  uk: ['«', '»'],
  pl: ['„', '”'],
  it: ['«', '»'],
  sv: ['”', '”'],
  ar: ['«', '»'],
  fa: ['«', '»'],
  he: ['„', '”'],
};

/** Chinese, Japanese and Korean keep their quotes as typed: no curly quotes are added. */
const keepsQuotes = new Set(['zh', 'ja', 'ko']);

export function remarkSmartPunctuation(options: { language?: string } = {}) {
  return (tree: Root, file?: VFile) => {
    // The file's language (a chapter's work), else the option's (a front matter field).
    const language = String(
      (file?.data as { language?: string } | undefined)?.language ?? options.language ?? 'en',
    );
    const base = language.split('-')[0]!.toLowerCase();
    const texts: Literal[] = [];
    let all = '';
    visit(tree, (node: Nodes, _index, parent) => {
      if (!parent || !visited.has(node.type)) return;
      if ('value' in node && typeof node.value === 'string') {
        all += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
        texts.push(node);
      } else if (blocks.has(node.type)) {
        // A block starts afresh: a quote at its start opens.
        all += ' ';
        texts.push(node as unknown as Literal);
      }
    });
    const curled = keepsQuotes.has(base) ? all : educateQuotes(all);
    let offset = 0;
    for (const node of texts) {
      if (blocks.has(node.type)) {
        offset += 1;
        continue;
      }
      const end = offset + node.value.length;
      if (node.type === 'text')
        node.value =
          base === 'en'
            ? educateMarks(curled.slice(offset, end))
            : localizePunctuation(educateMarks(curled.slice(offset, end)), language);
      offset = end;
    }
  };
}
