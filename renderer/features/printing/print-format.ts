import { format, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';
import type { DeadlineTier } from '../../../shared/calendar/deadline';
import type { DueMark, LandToPermit } from '../../../shared/reports/sheet-common';
import { enUS, zhCN } from '../../ui/date-fns-locales';

/**
 * How the sheets write values on paper: dates in 年月日 form, amounts in 万元, tiers as text marks
 * that read the same in black and white. One place, so both sheets and the tests agree.
 */
export type SheetFormat = {
  date(iso: string | null | undefined): string;
  dateTime(at: Date): string;
  /** An amount in 万元, grouped, at most two decimals; '—' when unknown. */
  wanYuan(amount: number | null): string;
  tierMark(tier: DeadlineTier): string;
  /** The tier's mark and the working days left or past: 【逾期】逾期 2 个工作日. */
  dueText(mark: DueMark): string;
  landToPermit(value: LandToPermit): string;
  /** The same in a table's number column: 20, 已用 65, 未取得, —. */
  landToPermitShort(value: LandToPermit): string;
};

export function sheetFormat(t: TFunction, language: string): SheetFormat {
  const locale = language === 'en' ? enUS : zhCN;
  const numbers = new Intl.NumberFormat(language === 'en' ? 'en' : 'zh-CN', {
    maximumFractionDigits: 2,
  });
  const dash = t('print.dash');
  const tierMark = (tier: DeadlineTier) => t(`print.tierMark.${tier}`);
  return {
    date: (iso) => (iso ? format(parseISO(iso), t('print.dateFormat'), { locale }) : dash),
    dateTime: (at) => format(at, t('print.dateTimeFormat'), { locale }),
    wanYuan: (amount) => (amount === null ? dash : numbers.format(amount)),
    tierMark,
    dueText(mark) {
      const detail =
        mark.tier === 'overdue'
          ? t('print.overdueBy', { count: mark.workingDays })
          : mark.workingDays === 0
            ? t('print.dueToday')
            : t('print.daysLeft', { count: mark.workingDays });
      return `${tierMark(mark.tier)} ${detail}`;
    },
    landToPermit(value) {
      if (value.status === 'noLand' || value.status === 'noPermit') {
        return t(`print.landToPermit.${value.status}`);
      }
      return t(`print.landToPermit.${value.status}`, { count: value.workingDays });
    },
    landToPermitShort(value) {
      if (value.status === 'noLand') return dash;
      if (value.status === 'noPermit') return t('print.landToPermitShort.noPermit');
      if (value.status === 'running') {
        return t('print.landToPermitShort.running', { count: value.workingDays });
      }
      return String(value.workingDays);
    },
  };
}

/**
 * A value as a CSS string literal, for the page's margin boxes (`@top-left { content: … }`),
 * which can show only what the style sheet says. Names are typed by users: quotes and backslashes
 * are escaped and line breaks become spaces, so no name can end the string or the rule.
 */
export function cssString(value: string): string {
  const escaped = value
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/[\n\r\f\u2028\u2029]+/g, ' ');
  return `"${escaped}"`;
}

/** Characters Windows refuses in a file name (the contract refuses them too). */
const forbidden = new Set('\\/:*?"<>|');

/** A file name from a sheet's title and subject and the day: 项目审批进度表-物流园-20261130.pdf. */
export function sheetFileName(parts: readonly string[], today: string): string {
  const date = today.replaceAll('-', '');
  const clean = (part: string) =>
    [...part]
      .map((char) => (char < ' ' || forbidden.has(char) ? ' ' : char))
      .join('')
      .replace(/\s+/g, ' ')
      .trim();
  const stem = parts.map(clean).filter(Boolean).join('-');
  // The contract allows 200 characters: a long project name gives way, the date stays.
  const room = 200 - '.pdf'.length - date.length - 1;
  const cut = stem.slice(0, room).replace(/[\uD800-\uDBFF]$/, '');
  return `${cut}-${date}.pdf`;
}
