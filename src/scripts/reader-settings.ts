/**
 * The settings panel: each choice is applied at once and saved on the device. The inline script
 * in BaseLayout applies saved choices before the first paint; this keeps the panel in step.
 */
import {
  attributeOf,
  changedSettings,
  initialSettings,
  parseSettings,
  settingNames,
  settingsKey,
  type Settings,
} from '../lib/reader/settings.ts';
import { progressKeyPrefix } from '../lib/reader/progress.ts';
import { deviceStorage } from './device-storage.ts';
import { stringsOf } from './strings.ts';

const root = document.documentElement;

function load(): Settings {
  return { ...initialSettings, ...parseSettings(deviceStorage()?.getItem(settingsKey) ?? null) };
}

function apply(current: Settings) {
  for (const name of settingNames) {
    if (current[name] === initialSettings[name]) root.removeAttribute(attributeOf(name));
    else root.setAttribute(attributeOf(name), current[name]);
  }
  // The browser's own bar follows a chosen theme's paper; "system" restores the page's pair.
  const paper = getComputedStyle(root).backgroundColor;
  for (const meta of document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')) {
    meta.dataset.system ??= meta.content;
    meta.content = current.theme === 'system' ? meta.dataset.system : paper;
  }
}

function save(current: Settings) {
  const changed = changedSettings(current);
  const storage = deviceStorage();
  if (Object.keys(changed).length === 0) storage?.removeItem(settingsKey);
  else storage?.setItem(settingsKey, JSON.stringify(changed));
}

class ReaderSettings extends HTMLElement {
  connectedCallback() {
    const choices = this.querySelector<HTMLElement>('[data-choices]')!;
    const status = this.querySelector<HTMLElement>('[data-settings-status]')!;
    const t = stringsOf(this);
    const show = (current: Settings) => {
      for (const name of settingNames) {
        const input = choices.querySelector<HTMLInputElement>(
          `input[name="${name}"][value="${current[name]}"]`,
        );
        if (input) input.checked = true;
      }
    };
    show(load());

    choices.addEventListener('change', () => {
      // The passage the reader is looking at stays where it is as the text changes size.
      const anchor = passageInView();
      const before = anchor?.getBoundingClientRect().top;
      const current = Object.fromEntries(
        settingNames.map((name) => [
          name,
          choices.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ??
            initialSettings[name],
        ]),
      ) as Settings;
      apply(current);
      save(current);
      if (anchor && before !== undefined)
        scrollBy({ top: anchor.getBoundingClientRect().top - before, behavior: 'instant' });
      status.textContent = '';
    });
    // Placed before it shows (beforetoggle), so it never flashes at another spot first.
    const panel = this.querySelector<HTMLElement>('[popover]')!;
    const button = this.querySelector<HTMLElement>('.settings-button')!;
    panel.addEventListener('beforetoggle', (event) => {
      if ((event as ToggleEvent).newState === 'open') placePanel(panel, button);
    });
    panel.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'open' && panel.hasAttribute('data-sheet'))
        bringTextAbove(panel);
    });
    addEventListener('resize', () => {
      if (panel.matches(':popover-open')) placePanel(panel, button);
    });
    this.querySelector('[data-reset-settings]')!.addEventListener('click', () => {
      apply(initialSettings);
      save(initialSettings);
      show(initialSettings);
      status.textContent = t('settings.wasReset');
    });
    this.querySelector('[data-forget-progress]')!.addEventListener('click', () => {
      const storage = deviceStorage();
      for (const key of Object.keys(storage ?? {}))
        if (key.startsWith(progressKeyPrefix)) storage?.removeItem(key);
      status.textContent = t('settings.forgotten');
      document.dispatchEvent(new CustomEvent('reading-progress-cleared'));
    });
  }
}

/**
 * Where the panel opens: on a phone, a sheet along the bottom of the screen that leaves the
 * text above it in view, so a change can be seen as it is made; wider, just below its button,
 * kept on screen. (Set through the CSSOM, which the Content-Security-Policy allows.)
 */
function placePanel(panel: HTMLElement, button: HTMLElement) {
  const sheet = innerWidth < 560;
  panel.toggleAttribute('data-sheet', sheet);
  if (sheet) {
    panel.style.removeProperty('top');
    panel.style.removeProperty('left');
    return;
  }
  const margin = 12;
  const rem = parseFloat(getComputedStyle(root).fontSize);
  const width = Math.min(23 * rem, innerWidth - 2 * margin);
  const { bottom, left, right } = button.getBoundingClientRect();
  // Under the button, aligned with its end: its right edge, or its left in a right-to-left page.
  const start = root.dir === 'rtl' ? left : right - width;
  panel.style.top = `${Math.round(bottom + 8)}px`;
  panel.style.left = `${Math.round(Math.min(Math.max(margin, start), innerWidth - width - margin))}px`;
}

/** The first passage of the story with any of it on screen. */
function passageInView(): HTMLElement | undefined {
  const passages = document.querySelectorAll<HTMLElement>('.story-text [data-passage]');
  return [...passages].find((passage) => passage.getBoundingClientRect().bottom > 0);
}

/**
 * The sheet covers the lower part of a phone's screen. Opened at the top of a chapter, the
 * header and the chapter's title filled what it left: no story was in view to watch a change.
 * Then the passage in view moves up to the top of the screen, a few lines above the sheet.
 */
function bringTextAbove(panel: HTMLElement) {
  const passage = passageInView();
  if (!passage) return;
  const { top } = passage.getBoundingClientRect();
  const line = parseFloat(getComputedStyle(passage).lineHeight) || 28;
  if (top > panel.getBoundingClientRect().top - 4 * line)
    scrollBy({ top: top - line / 2, behavior: 'instant' });
}

customElements.define('reader-settings', ReaderSettings);
apply(load());
