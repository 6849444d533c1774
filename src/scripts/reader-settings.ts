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
      const current = Object.fromEntries(
        settingNames.map((name) => [
          name,
          choices.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`)?.value ??
            initialSettings[name],
        ]),
      ) as Settings;
      apply(current);
      save(current);
      status.textContent = '';
    });
    this.querySelector('[data-reset-settings]')!.addEventListener('click', () => {
      apply(initialSettings);
      save(initialSettings);
      show(initialSettings);
      status.textContent = 'Settings reset.';
    });
    this.querySelector('[data-forget-progress]')!.addEventListener('click', () => {
      const storage = deviceStorage();
      for (const key of Object.keys(storage ?? {}))
        if (key.startsWith(progressKeyPrefix)) storage?.removeItem(key);
      status.textContent = 'Reading progress forgotten on this device.';
      document.dispatchEvent(new CustomEvent('reading-progress-cleared'));
    });
  }
}

customElements.define('reader-settings', ReaderSettings);
apply(load());
