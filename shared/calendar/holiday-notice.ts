import { addDays, getDay, isBefore } from 'date-fns';
import { formatIsoDate, parseIsoDate } from './iso-date';
import type { YearSchedule } from './year-schedule';

/**
 * Reads the text of the State Council's yearly notice (国务院办公厅关于某年部分节假日安排的通知) as
 * staff paste it from the government website or a forwarded document:
 *
 *     一、元旦：1月1日（周四）至3日（周六）放假调休，共3天。1月4日（周日）上班。
 *     二、春节：2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）放假调休，共9天。
 *       2月14日（周六）、2月28日（周六）上班。
 *     五、端午节：6月10日放假，与周末连休。
 *
 * Each festival's entry ("一、元旦：…", or "元旦：…" without its number) gives its days off (the
 * dates before 放假 or 补休, one day or a range with 至) and its make-up workdays (the dates before
 * 上班).
 * The title, the preamble (which states principles, with dates of its own) and the closing lines
 * are not entries and are passed over; a sentence of an entry that has dates but neither 放假 nor
 * 上班 — "鼓励各单位……安排职工在除夕（2月9日）休息" — is not a day off and is reported as passed over.
 *
 * Forgiven, as pasted text has them: full-width digits, half-width punctuation, spaces, traditional
 * characters of the few words read, a line break inside a sentence, a missing "共N天". Checked
 * against the text itself: "共N天" must count the range, a weekday in brackets must be the date's.
 * Every problem is listed with its line, not only the first.
 */

/** What cannot be taken from the text; each comes with the line it starts on. */
export const noticeProblemCodes = [
  /** A sentence with 放假 or 上班 whose dates cannot be read. */
  'unreadable',
  /** A festival's entry that gives no day off. */
  'noHolidays',
  /** A date that does not exist (2月30日). */
  'invalidDate',
  /** "共N天" and the range disagree. */
  'dayCount',
  /** "（周五）" is not that date's weekday. */
  'weekday',
  /** A range that ends before it starts. */
  'range',
  /** A day both off and worked. */
  'conflict',
  /** No year in the text, and none the weekdays point to. */
  'noYear',
  /** No festival entry at all. */
  'noEntries',
] as const;
export type NoticeProblemCode = (typeof noticeProblemCodes)[number];

export type NoticeProblem = {
  /** 1-based line of the pasted text where the problem starts; 0 when it is about the whole text. */
  line: number;
  code: NoticeProblemCode;
  /** The sentence concerned, as read: spaces out, digits and punctuation in one form. */
  text: string;
  /** The values the message names: dates, counts, weekdays. */
  params: Record<string, string | number>;
};

/** A sentence with dates that was not taken, and why it is harmless to say so. */
export type NoticeRemark = {
  line: number;
  text: string;
  code: 'notAHoliday' | 'otherYear';
  params: Record<string, string | number>;
};

/** One festival's entry as read. */
export type NoticeEntry = {
  line: number;
  /** As written: 元旦, 国庆节、中秋节 … */
  festival: string;
  holidays: string[];
  makeUpWorkdays: string[];
};

export type ParsedNotice = {
  year: number | null;
  entries: NoticeEntry[];
  problems: NoticeProblem[];
  remarks: NoticeRemark[];
  /** The year's schedule, when there are entries and no problems. */
  schedule: YearSchedule | null;
};

/** True when the text reads as a notice rather than 休/班 lines or JSON. */
export function looksLikeNotice(text: string): boolean {
  const normalized = normalize(text);
  return /放假|上班/.test(normalized) && /\d{1,2}月\d{1,2}日/.test(normalized);
}

export type ParseNoticeOptions = {
  /**
   * The year the user is in, for text pasted without its title: the year is then the one near it
   * (a year before to two after) whose weekdays match the text's "（周五）"s.
   */
  referenceYear: number;
};

export function parseHolidayNotice(text: string, options: ParseNoticeOptions): ParsedNotice {
  const lines = text.split(/\r\n|\r|\n/).map((raw, index) => ({
    line: index + 1,
    text: normalize(raw),
  }));
  const items = groupEntries(lines);
  const problems: NoticeProblem[] = [];
  const remarks: NoticeRemark[] = [];

  const drafts = items.map((item) => readEntry(item, problems, remarks));
  const year = explicitYear(lines.map(({ text }) => text).join('\n')) ?? inferYear(drafts, options);

  if (items.length === 0) {
    problems.push({ line: 0, code: 'noEntries', text: '', params: {} });
  } else if (year === null) {
    problems.push({ line: 0, code: 'noYear', text: '', params: {} });
  }

  const entries: NoticeEntry[] = [];
  const off = new Map<string, Clause>();
  const worked = new Map<string, Clause>();
  if (year !== null) {
    for (const draft of drafts) {
      const entry: NoticeEntry = {
        line: draft.line,
        festival: draft.festival,
        holidays: [],
        makeUpWorkdays: [],
      };
      for (const clause of draft.clauses) {
        const dates = resolveClause(clause, year, problems, remarks);
        if (!dates) continue;
        const target = clause.kind === 'off' ? entry.holidays : entry.makeUpWorkdays;
        for (const date of dates) {
          if (!target.includes(date)) target.push(date);
          (clause.kind === 'off' ? off : worked).set(date, clause);
        }
      }
      const hasOffClause = draft.clauses.some((clause) => clause.kind === 'off');
      if (!hasOffClause && !draft.unreadable) {
        problems.push({
          line: draft.line,
          code: 'noHolidays',
          text: draft.text,
          params: { festival: draft.festival },
        });
      }
      entry.holidays.sort();
      entry.makeUpWorkdays.sort();
      entries.push(entry);
    }
    for (const [date, { line, text }] of worked) {
      if (off.has(date)) problems.push({ line, code: 'conflict', text, params: { date } });
    }
  }

  problems.sort((a, b) => a.line - b.line);
  remarks.sort((a, b) => a.line - b.line);
  const schedule =
    year !== null && problems.length === 0
      ? {
          year,
          holidays: [...off.keys()].sort(),
          makeUpWorkdays: [...worked.keys()].sort(),
        }
      : null;
  return { year, entries, problems, remarks, schedule };
}

// --- Reading the text -----------------------------------------------------------------------

type Line = { line: number; text: string };

/** A festival's entry: its text (lines joined) and, per character, the line it came from. */
type Item = { line: number; festival: string; body: string; lineAt: number[]; text: string };

const numberMark = String.raw`(?:[一二三四五六七八九十]{1,3}|\d{1,2})[、.．]`;
const festivalName = String.raw`(?:元旦|春节|清明节?|劳动节|五一|端午节?|中秋节?|国庆节?)`;
const festivalList = `${festivalName}(?:[、和与及]${festivalName})*`;
// "一、元旦：" or "元旦：", and a numbered line naming something else, which is still an entry.
const entryStart = new RegExp(
  `^(?:${numberMark}\\s*(?<numbered>[^：]{1,15})：|(?<named>${festivalList})：)`,
  'u',
);

function groupEntries(lines: readonly Line[]): Item[] {
  const items: Item[] = [];
  let current: Item | undefined;
  // Lines after an entry belong to it while they continue a sentence or give its dates; a line
  // with neither ends it, so the closing paragraphs are not read as part of 国庆节.
  let open = false;
  let previousEnded = true;
  for (const { line, text } of lines) {
    if (text === '') {
      previousEnded = true;
      continue;
    }
    const start = entryStart.exec(text);
    if (start) {
      const festival = (start.groups?.numbered ?? start.groups?.named ?? '').trim();
      current = {
        line,
        festival,
        body: text.slice(start[0].length),
        // Offsets of matchAll are UTF-16 units: one entry per unit.
        lineAt: new Array<number>(text.length - start[0].length).fill(line),
        text,
      };
      items.push(current);
      open = true;
    } else if (current && open && (!previousEnded || givesDates(text))) {
      current.body += text;
      current.lineAt.push(...new Array<number>(text.length).fill(line));
      current.text += text;
    } else {
      open = false;
    }
    previousEnded = /[。；！]$/.test(text);
  }
  return items;
}

function givesDates(text: string): boolean {
  return /\d{1,2}日/.test(text) && /放假|上班/.test(text);
}

/** A run of dates as written: 2月15日（农历腊月二十八、周日）至23日（农历正月初七、周一）. */
type DateToken = {
  year?: number;
  month?: number;
  day: number;
  weekday?: number;
  text: string;
};

type Clause = {
  kind: 'off' | 'worked';
  line: number;
  text: string;
  /** off: a range (two tokens) or single days; worked: single days. */
  tokens: DateToken[];
  range: boolean;
  /** "共N天" or "放假N天", when given. */
  count?: number | undefined;
};

type EntryDraft = {
  line: number;
  festival: string;
  text: string;
  clauses: Clause[];
  unreadable: boolean;
};

const dateToken = /(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:（([^）]*)）)?/gu;
const weekdays: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

function readEntry(item: Item, problems: NoticeProblem[], remarks: NoticeRemark[]): EntryDraft {
  const draft: EntryDraft = {
    line: item.line,
    festival: item.festival,
    text: item.text,
    clauses: [],
    unreadable: false,
  };
  // Sentences end with 。 or ；. Offsets map each back to the line it started on.
  const sentencePattern = /[^。；]+[。；]?/gu;
  for (const match of item.body.matchAll(sentencePattern)) {
    const sentence = match[0];
    const line = item.lineAt[match.index] ?? item.line;
    const unreadable = () => {
      problems.push({ line, code: 'unreadable', text: sentence, params: {} });
      draft.unreadable = true;
    };
    const passedOver: DateToken[] = [];
    let lastOff: Clause | undefined;
    // Clauses are parted by commas outside brackets: "1月1日放假，1月2日（星期一）补休" (2017) gives
    // two days off, "…放假调休，共3天" a count for the clause before it.
    for (const part of sentence.split(/，(?![^（]*）)/u)) {
      const off = /放假|补休/u.exec(part);
      const worked = /上班/u.exec(part);
      const count = /^共(\d+)天/u.exec(part)?.[1];
      if (off) {
        const before = part.slice(0, off.index);
        const found = [...before.matchAll(dateToken)].map(tokenOf);
        const range = /至/u.test(before.replace(/（[^）]*）/gu, ''));
        const days = /放假(\d+)天/u.exec(part)?.[1];
        if (found.length === 0 || (range && found.length !== 2) || found[0]?.month === undefined) {
          unreadable();
          continue;
        }
        lastOff = {
          kind: 'off',
          line,
          text: sentence,
          tokens: found,
          range,
          ...(days === undefined ? {} : { count: Number(days) }),
        };
        draft.clauses.push(lastOff);
      } else if (worked) {
        const found = [...part.slice(0, worked.index).matchAll(dateToken)].map(tokenOf);
        if (found.length === 0 || found[0]?.month === undefined) {
          unreadable();
          continue;
        }
        draft.clauses.push({ kind: 'worked', line, text: sentence, tokens: found, range: false });
      } else if (count !== undefined && lastOff) {
        lastOff.count = Number(count);
      } else {
        passedOver.push(...[...part.matchAll(dateToken)].map(tokenOf));
      }
    }
    if (passedOver.length > 0) {
      remarks.push({
        line,
        code: 'notAHoliday',
        text: sentence,
        params: { dates: passedOver.map((token) => token.text).join('、') },
      });
    }
  }
  return draft;
}

function tokenOf(match: RegExpMatchArray): DateToken {
  const [text, year, month, day, note] = match;
  const weekday = note && /(?:周|星期|礼拜)([一二三四五六日天])/u.exec(note)?.[1];
  return {
    text: text.replace(/（[^）]*）/u, ''),
    day: Number(day),
    ...(year === undefined ? {} : { year: Number(year) }),
    ...(month === undefined ? {} : { month: Number(month) }),
    ...(weekday ? { weekday: weekdays[weekday] } : {}),
  };
}

/** The clause's days in `year`, or undefined after reporting why they cannot be taken. */
function resolveClause(
  clause: Clause,
  year: number,
  problems: NoticeProblem[],
  remarks: NoticeRemark[],
): string[] | undefined {
  const report = (code: NoticeProblemCode, params: Record<string, string | number> = {}) => {
    problems.push({ line: clause.line, code, text: clause.text, params });
    return undefined;
  };
  // A token without a month takes the one before it (至23日); without a year, the notice's.
  const days: Date[] = [];
  let month = 0;
  let tokenYear = year;
  for (const token of clause.tokens) {
    month = token.month ?? month;
    if (token.year !== undefined) tokenYear = token.year;
    let date = parseIsoDate(iso(tokenYear, month, token.day));
    const start = days[0];
    // "12月31日至1月2日": a range's end whose month comes before its start's is in January.
    const intoJanuary =
      clause.range && start && token.year === undefined && token.month !== undefined
        ? token.month < start.getMonth() + 1
        : false;
    if (intoJanuary) date = parseIsoDate(iso(tokenYear + 1, month, token.day));
    if (!date) return report('invalidDate', { date: token.text });
    if (token.weekday !== undefined && getDay(date) !== token.weekday) {
      return report('weekday', {
        date: token.text,
        written: weekdayName(token.weekday),
        actual: weekdayName(getDay(date)),
      });
    }
    days.push(date);
  }

  let dates: Date[] = days;
  if (clause.range) {
    const [first, last] = days;
    if (!first || !last) return report('unreadable');
    if (isBefore(last, first)) return report('range');
    dates = [];
    for (let day = first; !isBefore(last, day); day = addDays(day, 1)) dates.push(day);
  }
  if (clause.count !== undefined && clause.count !== dates.length) {
    return report('dayCount', { count: clause.count, days: dates.length });
  }

  const iso8601 = dates.map(formatIsoDate);
  const elsewhere = iso8601.filter((date) => !date.startsWith(`${year}-`));
  if (elsewhere.length > 0) {
    remarks.push({
      line: clause.line,
      code: 'otherYear',
      text: clause.text,
      params: { dates: elsewhere.join('、'), year },
    });
  }
  return iso8601.filter((date) => date.startsWith(`${year}-`));
}

function iso(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function weekdayName(day: number): string {
  return `周${'日一二三四五六'[day] ?? ''}`;
}

/**
 * The title's year ("关于2026年部分节假日安排"), or the first sentence's ("现将2026年元旦…"), or a
 * year written alone; never one followed by a month, as the preamble's "根据2024年11月修订的".
 */
function explicitYear(text: string): number | null {
  for (const pattern of [
    /关于(\d{4})年/u,
    /(\d{4})年部分节假日/u,
    /现将(\d{4})年/u,
    /(\d{4})年(?!\d{1,2}月)/u,
  ]) {
    const year = pattern.exec(text)?.[1];
    if (year) return Number(year);
  }
  return null;
}

/** The year near the reference year in which every "（周五）" of the text is right. */
function inferYear(drafts: readonly EntryDraft[], { referenceYear }: ParseNoticeOptions) {
  const annotated = drafts.flatMap((draft) =>
    draft.clauses.flatMap((clause) => {
      let month = 0;
      return clause.tokens.flatMap((token) => {
        month = token.month ?? month;
        return token.weekday === undefined || token.year !== undefined
          ? []
          : [{ month, day: token.day, weekday: token.weekday }];
      });
    }),
  );
  if (annotated.length === 0) return null;
  const fits = (year: number) =>
    annotated.filter(({ month, day, weekday }) => {
      const date = parseIsoDate(iso(year, month, day));
      return date !== undefined && getDay(date) === weekday;
    }).length;
  // Nearest years first: next year is the one a notice is usually pasted for.
  const candidates = [referenceYear + 1, referenceYear, referenceYear + 2, referenceYear - 1];
  const best = candidates.reduce((a, b) => (fits(b) > fits(a) ? b : a));
  // Half of the weekdays or fewer is chance: better to ask for the title than to guess.
  return fits(best) * 2 > annotated.length ? best : null;
}

// --- Normalising pasted text --------------------------------------------------------------

const traditional: Record<string, string> = {
  節: '节',
  勞: '劳',
  動: '动',
  國: '国',
  慶: '庆',
  週: '周',
  調: '调',
  農: '农',
  曆: '历',
};

/**
 * One spelling for what pasting varies: full-width digits to ASCII, half-width brackets, colons,
 * commas and semicolons to full-width, range dashes and tildes to 至, spaces out.
 */
function normalize(text: string): string {
  return text
    .replace(/[０-９]/gu, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0))
    .replace(/[節勞動國慶週調農曆]/gu, (char) => traditional[char] ?? char)
    .replace(/\(/gu, '（')
    .replace(/\)/gu, '）')
    .replace(/:/gu, '：')
    .replace(/,/gu, '，')
    .replace(/;/gu, '；')
    .replace(/[~～〜—–\-－]/gu, '至')
    .replace(/[\s\u3000\u00a0]+/gu, '');
}
