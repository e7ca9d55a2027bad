/** electron-builder's afterPack context, as far as flip-fuses.mjs reads it. */
export type AfterPackContext = {
  appOutDir: string;
  electronPlatformName: string;
  packager: { appInfo: { productFilename: string }; executableName?: string };
};

export default function afterPack(context: AfterPackContext): Promise<void>;
