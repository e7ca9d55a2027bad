import { isIsoDate } from '../calendar/iso-date';
import type { EnumLabels } from './labels';

/** One cell as the ledger reads it: what a spreadsheet cell can hold once formulas are resolved. */
export type CellValue = string | number | boolean | Date | null;

/**
 * A cell as a spreadsheet library hands it over, made plain: rich text joined, a formula's result,
 * a hyperlink's text; error values (#N/A…) and anything unknown count as empty.
 */
export function plainCell(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>;
    if (Array.isArray(object.richText)) {
      return object.richText
        .map((run: unknown) => {
          const text =
            typeof run === 'object' && run !== null ? (run as { text?: unknown }).text : '';
          return typeof text === 'string' ? text : '';
        })
        .join('');
    }
    if ('result' in object) return plainCell(object.result);
    if ('text' in object) return plainCell(object.text);
  }
  return null;
}

export type Parsed<T> =
  { ok: true; value: T } | { ok: false; problem: string; values?: Record<string, string> };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(problem: string, values?: Record<string, string>): Parsed<T> =>
  values ? { ok: false, problem, values } : { ok: false, problem };

export function isBlank(value: CellValue): boolean {
  return value === null || (typeof value === 'string' && value.trim() === '');
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** A Date cell holds its day at UTC midnight (that is how .xlsx date serials are read). */
export function isoDateOfCell(date: Date): string {
  // A cell formatted as a date-time may carry a time of day; the day is what counts.
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/** The Date a date cell is written with: UTC midnight, so it reads back as the same day anywhere. */
export function cellOfIsoDate(iso: string): Date {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day));
}

/** Excel's day 1 is 1900-01-01, counting the 1900-02-29 that never was (so serial 60 is no day). */
const excelEpoch = Date.UTC(1899, 11, 30);

const textDate =
  /^(\d{4})\s*(?:[-/.年])\s*(\d{1,2})\s*(?:[-/.月])\s*(\d{1,2})\s*日?$|^(\d{4})(\d{2})(\d{2})$/;

/**
 * A date cell, a date serial number, or a date typed as text (2026-03-05, 2026/3/5, 2026.3.5,
 * 2026年3月5日, 20260305): a day that exists, as 'yyyy-MM-dd'.
 */
export function parseDate(value: CellValue): Parsed<string | null> {
  if (isBlank(value)) return ok(null);
  if (value instanceof Date) return ok(isoDateOfCell(value));
  if (typeof value === 'number') {
    if (!Number.isInteger(value) || value < 61 || value > 2958465)
      return fail('ledger.problem.notADate');
    return ok(isoDateOfCell(new Date(excelEpoch + value * 86_400_000)));
  }
  const text = String(value).trim();
  const match = textDate.exec(text);
  if (!match) return fail('ledger.problem.notADate');
  const [year, month, day] = (match[1] ? match.slice(1, 4) : match.slice(4, 7)).map(Number) as [
    number,
    number,
    number,
  ];
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return isIsoDate(iso) ? ok(iso) : fail('ledger.problem.noSuchDate', { text });
}

/**
 * An amount in 万元: a number, or text such as "1,200", "1200万元", "1.5亿" (× 10,000). The header's
 * own unit scales it (总投资（亿元）); amounts in words (壹仟万元, 约五千万) are refused.
 */
export function parseAmount(value: CellValue, headerScale = 1): Parsed<number | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'number') return ok(roundAmount(value * headerScale));
  if (typeof value !== 'string') return fail('ledger.problem.notAnAmount');
  const match = /^([-+]?\d[\d,，]*(?:\.\d+)?)\s*(万元|万|亿元|亿|元)?$/.exec(value.trim());
  if (!match?.[1]) return fail('ledger.problem.notAnAmount');
  const number = Number(match[1].replace(/[,，]/g, ''));
  if (!Number.isFinite(number)) return fail('ledger.problem.notAnAmount');
  const unit = match[2];
  const scale =
    unit === undefined
      ? headerScale
      : unit.startsWith('亿')
        ? 10_000
        : unit === '元'
          ? 1 / 10_000
          : 1;
  return ok(roundAmount(number * scale));
}

/** The scale a header's unit gives its amounts, relative to 万元. */
export function amountScaleOfHeader(header: string): number {
  if (header.includes('亿')) return 10_000;
  if (/[(（]\s*元\s*[)）]/.test(header)) return 1 / 10_000;
  return 1;
}

// Amounts are kept to 1/10,000 万元 (one yuan): enough, and free of float noise from scaling.
const roundAmount = (value: number) => Math.round(value * 10_000) / 10_000;

/** Trims a label for matching: no spaces, the same parentheses, and no trailing 阶段 or 项目. */
function labelKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();
}

/** Every accepted spelling of an enumeration's values, to the value. */
export function enumLookup<T extends string>(labels: EnumLabels<T>): Map<string, T> {
  const lookup = new Map<string, T>();
  for (const [value, label] of Object.entries(labels.labels) as [T, string][]) {
    lookup.set(labelKey(label), value);
    lookup.set(labelKey(value), value);
  }
  for (const [value, words] of Object.entries(labels.also ?? {}) as [T, readonly string[]][]) {
    for (const word of words) if (!lookup.has(labelKey(word))) lookup.set(labelKey(word), value);
  }
  return lookup;
}

/** A value of an enumeration given by its Chinese label (or another common word for it). */
export function parseEnum<T extends string>(
  value: CellValue,
  labels: EnumLabels<T>,
  lookup: Map<string, T> = enumLookup(labels),
): Parsed<T | null> {
  if (isBlank(value)) return ok(null);
  const found = lookup.get(labelKey(String(value)));
  if (found) return ok(found);
  return fail('ledger.problem.unknownLabel', {
    text: String(value).trim(),
    allowed: Object.values<string>(labels.labels).join('、'),
  });
}

const yesWords = new Set(['是', 'y', 'yes', 'true', '1', '√', '✓', '✔', '有']);
const noWords = new Set(['否', 'n', 'no', 'false', '0', '×', '✗', '无', '不是']);

export function parseBoolean(value: CellValue): Parsed<boolean | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'boolean') return ok(value);
  const key = labelKey(String(value));
  if (yesWords.has(key)) return ok(true);
  if (noWords.has(key)) return ok(false);
  return fail('ledger.problem.notYesNo', { text: String(value).trim() });
}

/** Text as a cell shows it: numbers as typed (a code or phone stored as a number), dates as days. */
export function parseText(value: CellValue): string {
  if (value === null) return '';
  if (value instanceof Date) return isoDateOfCell(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  return String(value).trim();
}

/** A list in one cell: 张三、李四 / 张三,李四 / 张三；李四 / one per line. */
export function parseList(value: CellValue): string[] {
  return parseText(value)
    .split(/[、,，;；/\n]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

/** 办理时限 as a number of days, or text such as "20个工作日", "7日" (which also says the unit). */
export function parseTimeLimit(
  value: CellValue,
): Parsed<{ days: number; unit: 'working' | 'calendar' | null } | null> {
  if (isBlank(value)) return ok(null);
  if (typeof value === 'number') {
    return Number.isInteger(value) && value >= 0 && value <= 3650
      ? ok({ days: value, unit: null })
      : fail('ledger.problem.notDays');
  }
  const match = /^(\d{1,4})\s*个?\s*(工作日|自然日|日|天)?$/.exec(String(value).trim());
  if (!match?.[1]) return fail('ledger.problem.notDays');
  const days = Number(match[1]);
  if (days > 3650) return fail('ledger.problem.notDays');
  const unit = match[2] === undefined ? null : match[2] === '工作日' ? 'working' : 'calendar';
  return ok({ days, unit });
}

/**
 * How wide text shows in a spreadsheet column, in character widths: CJK and full-width characters
 * take two, others one.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    width +=
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000
        ? 2
        : 1;
  }
  return width;
}
