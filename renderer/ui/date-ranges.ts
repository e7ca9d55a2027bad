import { addDays, format, parseISO } from 'date-fns';

/** A run of consecutive days, both ends included. */
export type DateRange = { from: string; to: string };

/** Sorted 'yyyy-MM-dd' dates folded into runs of consecutive days, as the notices print them. */
export function dateRanges(dates: readonly string[]): DateRange[] {
  const ranges: DateRange[] = [];
  for (const date of [...dates].sort()) {
    const last = ranges.at(-1);
    if (last && format(addDays(parseISO(last.to), 1), 'yyyy-MM-dd') === date) last.to = date;
    else ranges.push({ from: date, to: date });
  }
  return ranges;
}

export function formatRange({ from, to }: DateRange): string {
  return from === to ? from : `${from}~${to}`;
}
