/**
 * The reader's settings: what each one offers, its default, and how it is stored. A chosen value
 * becomes an attribute on <html> (`data-reader-theme="sepia"`) and `src/styles/base.css`
 * decides what it looks like, so the inline script in `BaseLayout` can apply saved settings
 * before the first paint without knowing any of them.
 */
import { storageKey } from '../base.ts';

export const settings = {
  theme: {
    label: 'Theme',
    options: { system: 'System', light: 'Light', sepia: 'Sepia', dark: 'Dark' },
    initial: 'system',
  },
  font: {
    label: 'Typeface',
    options: { serif: 'Literata', sans: 'Source Sans', hyperlegible: 'Atkinson Hyperlegible' },
    initial: 'serif',
  },
  size: {
    label: 'Text size',
    options: { xs: 'Smallest', s: 'Small', m: 'Medium', l: 'Large', xl: 'Larger', xxl: 'Largest' },
    initial: 'm',
  },
  spacing: {
    label: 'Line spacing',
    options: { tight: 'Tight', normal: 'Normal', loose: 'Loose' },
    initial: 'normal',
  },
  width: {
    label: 'Column width',
    options: { narrow: 'Narrow', medium: 'Medium', wide: 'Wide' },
    initial: 'medium',
  },
  align: {
    label: 'Alignment',
    options: { ragged: 'Ragged right', justified: 'Justified' },
    initial: 'ragged',
  },
} as const;

export type SettingName = keyof typeof settings;
export type Settings = { [Name in SettingName]: keyof (typeof settings)[Name]['options'] };

/** The localStorage key that holds the saved settings, as JSON. */
export const settingsKey = storageKey('reader-settings');

/** The attribute on <html> that carries a setting: `data-reader-<name>`. */
export const attributeOf = (name: SettingName) => `data-reader-${name}`;

export const settingNames = Object.keys(settings) as SettingName[];

export const initialSettings = Object.fromEntries(
  settingNames.map((name) => [name, settings[name].initial]),
) as Settings;

/**
 * Reads saved settings, keeping only known names and values: storage written by an older or
 * newer version of the site, or by hand, never yields a setting the styles do not know.
 */
export function parseSettings(saved: string | null): Partial<Settings> {
  let data: unknown;
  try {
    data = JSON.parse(saved ?? '{}');
  } catch {
    return {};
  }
  if (typeof data !== 'object' || data === null) return {};
  const result: Record<string, string> = {};
  for (const name of settingNames) {
    const value = (data as Record<string, unknown>)[name];
    if (typeof value === 'string' && Object.hasOwn(settings[name].options, value))
      result[name] = value;
  }
  return result as Partial<Settings>;
}

/** What is worth saving: only the settings that differ from the initial ones. */
export function changedSettings(current: Settings): Partial<Settings> {
  return Object.fromEntries(
    settingNames
      .filter((name) => current[name] !== initialSettings[name])
      .map((name) => [name, current[name]]),
  ) as Partial<Settings>;
}
