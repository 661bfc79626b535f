/**
 * Loads the editor's code on demand (it stays out of the list route's bundle) and remembers it
 * once loaded, so later visits render it at once instead of suspending: a suspended route shows
 * its fallback for a noticeable moment even when the code is already there.
 */
import type * as EditorPage from './editor/pass-editor-page';

type EditorModule = typeof EditorPage;

let loaded: EditorModule | undefined;
let loading: Promise<EditorModule> | undefined;

export function loadEditor(): Promise<EditorModule> {
  loading ??= import('./editor/pass-editor-page').then((module) => (loaded = module));
  return loading;
}

export function loadedEditor(): EditorModule | undefined {
  return loaded;
}
