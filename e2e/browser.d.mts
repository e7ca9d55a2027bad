export declare const debianChromium: string;

export type Machine = {
  chromiumPath: string | undefined;
  exists: (path: string) => boolean;
  playwrightChromium: string;
  isRoot: boolean;
  hasAptGet: boolean;
  tried: readonly ('apt' | 'playwright')[];
};

export type Choice =
  | { kind: 'use'; env: Record<string, string> }
  | { kind: 'install'; via: 'apt' | 'playwright'; line: string }
  | { kind: 'stop'; line: string };

export declare function chooseBrowser(machine: Machine): Choice;

export type PdfTools = { hasPoppler: boolean; isRoot: boolean; hasAptGet: boolean; tried: boolean };

export type PdfToolsChoice =
  { kind: 'ready' } | { kind: 'install'; line: string } | { kind: 'warn'; line: string };

export declare function choosePdfTools(tools: PdfTools): PdfToolsChoice;
