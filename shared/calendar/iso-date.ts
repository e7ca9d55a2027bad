import { isValid, lightFormat, parseISO } from 'date-fns';

/**
 * Dates travel as 'yyyy-MM-dd' strings. Inside the calendar they become local-midnight Dates,
 * because date-fns does weekdays and day arithmetic in local time; the time of day never matters,
 * and 'yyyy-MM-dd' strings compare correctly as plain strings.
 */

const isoDateShape = /^\d{4}-\d{2}-\d{2}$/;

export function formatIsoDate(date: Date): string {
  // lightFormat, not format: it is called once per day walked and needs no locale.
  return lightFormat(date, 'yyyy-MM-dd');
}

/** The date, or undefined when the text is not a real calendar day in 'yyyy-MM-dd' form. */
export function parseIsoDate(text: string): Date | undefined {
  // parseISO alone also accepts '2026-02', '20260214' and week dates.
  if (!isoDateShape.test(text)) return undefined;
  const date = parseISO(text);
  // The round trip rejects what parseISO quietly moves, such as year 0000.
  return isValid(date) && formatIsoDate(date) === text ? date : undefined;
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== undefined;
}

/**
 * For values callers were supposed to validate already: a bad one is a programming error, so it
 * must fail loudly rather than yield a plausible wrong deadline.
 */
export function requireIsoDate(text: string, what: string): Date {
  const date = typeof text === 'string' ? parseIsoDate(text) : undefined;
  if (!date) throw new Error(`${what} must be a real date in yyyy-MM-dd form, got ${String(text)}`);
  return date;
}

/** Texts already found to be real dates: counting checks the same few hundred days over and over. */
const knownDates = new Set<string>();

/**
 * requireIsoDate for a caller that needs no Date: a dashboard checks tens of thousands of due
 * dates, nearly all the same few hundred days, and parsing each again would be most of its work.
 */
export function assertIsoDate(text: string, what: string): void {
  if (knownDates.has(text)) return;
  requireIsoDate(text, what);
  if (knownDates.size >= 100_000) knownDates.clear();
  knownDates.add(text);
}
