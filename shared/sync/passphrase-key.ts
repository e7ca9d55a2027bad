/** An AES-GCM key made from a passphrase: what encrypts sync files and a team's server data. */
export type PassphraseKey = Awaited<ReturnType<typeof crypto.subtle.deriveKey>>;

/**
 * PBKDF2-SHA-256 → AES-GCM 256. The passphrase is NFC-normalised first: the same Chinese
 * passphrase typed with two input methods can differ in code points but never in NFC form.
 */
export async function derivePassphraseKey(
  passphrase: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
): Promise<PassphraseKey> {
  const material = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(passphrase.normalize('NFC')),
    'PBKDF2',
    false,
    ['deriveKey'],
  );
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/**
 * Shorter passphrases are refused (team encryption, sync files): eight characters is the least
 * that PBKDF2's 600,000 iterations make costly to guess from a stolen file or server copy.
 */
export const minPassphraseLength = 8;
