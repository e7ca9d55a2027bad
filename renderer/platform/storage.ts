export type StorageStatus =
  { supported: false } | { supported: true; persisted: boolean; usage: number; quota: number };

/** Asks once at start-up that the browser never evicts our IndexedDB under storage pressure. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (!navigator.storage?.persist) return false;
  try {
    return (await navigator.storage.persisted()) || (await navigator.storage.persist());
  } catch {
    return false;
  }
}

export async function readStorageStatus(): Promise<StorageStatus> {
  if (!navigator.storage?.persisted) return { supported: false };
  const [persisted, estimate] = await Promise.all([
    navigator.storage.persisted(),
    navigator.storage.estimate(),
  ]);
  return {
    supported: true,
    persisted,
    usage: estimate.usage ?? 0,
    quota: estimate.quota ?? 0,
  };
}
