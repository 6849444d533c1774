/**
 * Whether a key press is free for a site shortcut: not while the reader types in a field or uses
 * a form control (arrows move between radio buttons), and never with Ctrl, Alt or ⌘ (Alt+← is
 * the browser's Back).
 */
export function isFreeKeyPress(event: KeyboardEvent): boolean {
  if (event.defaultPrevented || event.isComposing) return false;
  if (event.ctrlKey || event.metaKey || event.altKey) return false;
  const target = event.target;
  return !(
    target instanceof Element &&
    target.closest('input, textarea, select, [contenteditable]:not([contenteditable="false"])')
  );
}
