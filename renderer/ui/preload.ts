const loaders: (() => Promise<unknown>)[] = [];

/**
 * Registers a chunk that is loaded on first use (a screen, the search palette), and returns its
 * loader. preloadAll loads every registered chunk in the background once the first screen
 * shows: a browser window that goes offline later must still open them.
 */
export function preloaded<Module>(load: () => Promise<Module>): () => Promise<Module> {
  loaders.push(load);
  return load;
}

export function preloadAll() {
  for (const load of loaders) load().catch(() => undefined);
}
