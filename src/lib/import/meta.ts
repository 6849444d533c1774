// Small pieces of metadata every reader needs: a language's name as a BCP 47 tag, dates,
// a chapter heading's title.

const codes =
  'af am ar as az be bg bn bo br bs ca cs cy da de el en eo es et eu fa fi fil fo fr fy ga gd gl gu he hi hr hu hy id is it ja jv ka kk km kn ko ku ky la lb lo lt lv mi mk ml mn mr ms mt my nb ne nl nn no oc or pa pl ps pt ro ru sa sd si sk sl so sq sr sv sw ta te tg th tk tl tr tt ug uk ur uz vi xh yi yo yue zh zu'.split(
    ' ',
  );

/** Names archives show for a language (English and its own), each to its tag. */
const byName = (() => {
  const names = new Map<string, string>();
  const english = new Intl.DisplayNames(['en'], { type: 'language' });
  for (const code of codes) {
    names.set(english.of(code)!.toLowerCase(), code);
    try {
      names.set(new Intl.DisplayNames([code], { type: 'language' }).of(code)!.toLowerCase(), code);
    } catch {
      // A runtime without that locale's names: the English name still maps.
    }
  }
  // AO3's own spellings where they differ from Unicode's.
  for (const [name, code] of Object.entries({
    'bahasa indonesia': 'id',
    'bahasa melayu': 'ms',
    'português brasileiro': 'pt-BR',
    'português europeu': 'pt-PT',
    'brazilian portuguese': 'pt-BR',
    '中文-普通话 國語': 'zh',
    '中文-广东话 粵語': 'yue',
    '中文-客家话': 'hak',
    '中文-闽南话 臺語': 'nan',
    '中文-吴语': 'wuu',
    '中文-古典中文': 'lzh',
    filipino: 'fil',
    norsk: 'no',
    'lingua latina': 'la',
    'toki pona': 'tok',
    quenya: 'qya',
    sindarin: 'sjn',
    'tlhingan-hol': 'tlh',
    plattdüütsch: 'nds',
    'af soomaali': 'so',
    'basa jawa': 'jv',
    'bahasa malaysia': 'ms',
    'kreyòl ayisyen': 'ht',
    'ʻōlelo hawaiʻi': 'haw',
    interlingua: 'ia',
    furlan: 'fur',
    scots: 'sco',
    'български език': 'bg',
    'български язык': 'bg',
  }))
    names.set(name, code);
  return names;
})();

/**
 * "English" → "en", "Español" → "es", "中文-普通话 國語" → "zh", "en-GB" → "en-GB", "eng" → "en":
 * every language AO3 lists (by its own name, as AO3 shows it, or its English one), FanFicFare's
 * names and an EPUB's codes; undefined when unknown.
 */
export function languageTag(name: string | undefined): string | undefined {
  const value = (name ?? '').trim();
  if (value === '') return undefined;
  // A code, as an EPUB's dc:language or FanFicFare gives it: canonical BCP 47 ("eng" and
  // "en_US" are "en" and "en-US"; "iw" is "he").
  if (/^[a-zA-Z]{2,3}([-_][A-Za-z0-9]{2,8})*$/.test(value)) {
    try {
      return Intl.getCanonicalLocales(value.replace(/_/g, '-'))[0];
    } catch {
      return undefined;
    }
  }
  const lower = value.toLowerCase();
  return byName.get(lower) ?? byName.get(lower.split(/[\s(-]/)[0]!);
}

/** The first ISO date (`2023-06-05`) in `text` after `label`, if any. */
export function dateAfter(text: string, label: RegExp): string | undefined {
  const match = new RegExp(`${label.source}\\s*:?\\s*(\\d{4}-\\d{2}-\\d{2})`, 'i').exec(text);
  return match?.[1];
}

/**
 * A chapter's title from its heading: "Chapter 3: The Farm" → "The Farm", "Chapter 3" →
 * "Chapter 3", a bare title as it is.
 */
export function chapterTitle(heading: string): string {
  const text = heading.replace(/\s+/g, ' ').trim();
  const match = /^chapter\s+[\divxlc]+\s*[:.\-–—]\s*(.+)$/i.exec(text);
  return (match?.[1] ?? text).trim();
}
