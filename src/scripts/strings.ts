// The interface strings a client script needs, handed over by its element as JSON in
// `data-strings` (the page's table: src/lib/i18n), formatted here the way the build formats
// them: {placeholders} filled, numbers and plurals in the page's language (`<html lang>`).

type Entry = string | ({ other: string } & Partial<Record<Intl.LDMLPluralRule, string>>);

/** `t(key, vars)` over the strings an element carries; a missing key shows as itself. */
export function stringsOf(
  element: Element,
): (key: string, vars?: Record<string, string | number>) => string {
  let entries: Record<string, Entry> = {};
  try {
    entries = JSON.parse(element.getAttribute('data-strings') ?? '{}') as Record<string, Entry>;
  } catch {
    entries = {};
  }
  const lang = document.documentElement.lang || 'en';
  const numbers = new Intl.NumberFormat(lang);
  const plurals = new Intl.PluralRules(lang);
  const rtl = document.documentElement.dir === 'rtl';
  return (key, vars = {}) => {
    const entry = entries[key] ?? key;
    const count = vars['count'];
    const text =
      typeof entry === 'string'
        ? entry
        : ((typeof count === 'number' ? entry[plurals.select(count)] : undefined) ?? entry.other);
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = vars[name];
      if (value === undefined) return whole;
      const text = typeof value === 'number' ? numbers.format(value) : value;
      // In a right-to-left page a filled-in value is a run of its own ("(456 KB)").
      return rtl ? `\u2068${text}\u2069` : text;
    });
  };
}
