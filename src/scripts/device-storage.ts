/**
 * The reader's device storage. Private windows and locked-down browsers may refuse it: settings
 * and progress then last the visit, and nothing breaks.
 */
export function deviceStorage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}
