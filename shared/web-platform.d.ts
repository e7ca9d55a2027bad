/**
 * The few Web APIs that every runtime of ours provides (Chromium, Electron's main process on
 * Node ≥ 20, Vitest under Node): text encoding, Web Crypto and URL. shared/ may use exactly these;
 * the DOM and Node stay out (see tsconfig.json: lib ES2022, no types). The renderer and electron
 * tsconfigs exclude this file because their own libraries declare the same names.
 */

declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: ArrayBuffer | ArrayBufferView): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array<ArrayBuffer>;
}

type CryptoKey = { readonly type: string; readonly algorithm: unknown };

type AesGcmParams = {
  name: 'AES-GCM';
  iv: Uint8Array<ArrayBuffer>;
  additionalData?: Uint8Array<ArrayBuffer>;
};
type Pbkdf2Params = {
  name: 'PBKDF2';
  hash: 'SHA-256';
  salt: Uint8Array<ArrayBuffer>;
  iterations: number;
};

declare const crypto: {
  getRandomValues<T extends ArrayBufferView>(array: T): T;
  randomUUID(): string;
  subtle: {
    digest(algorithm: 'SHA-256', data: ArrayBuffer | ArrayBufferView): Promise<ArrayBuffer>;
    importKey(
      format: 'raw',
      keyData: ArrayBuffer | ArrayBufferView,
      algorithm: 'PBKDF2' | { name: 'AES-GCM' },
      extractable: boolean,
      usages: ('deriveKey' | 'encrypt' | 'decrypt')[],
    ): Promise<CryptoKey>;
    deriveKey(
      algorithm: Pbkdf2Params,
      baseKey: CryptoKey,
      derivedKeyType: { name: 'AES-GCM'; length: 256 },
      extractable: boolean,
      usages: ('encrypt' | 'decrypt')[],
    ): Promise<CryptoKey>;
    encrypt(
      algorithm: AesGcmParams,
      key: CryptoKey,
      data: ArrayBuffer | ArrayBufferView,
    ): Promise<ArrayBuffer>;
    decrypt(
      algorithm: AesGcmParams,
      key: CryptoKey,
      data: ArrayBuffer | ArrayBufferView,
    ): Promise<ArrayBuffer>;
  };
};

/** WHATWG URL parsing (Chromium, Node): the only safe way to read an address. */
declare class URL {
  constructor(url: string, base?: string);
  readonly origin: string;
  readonly protocol: string;
  readonly username: string;
  readonly password: string;
  readonly hostname: string;
  readonly port: string;
  readonly pathname: string;
  readonly search: string;
  readonly hash: string;
}
