import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeadlineTier } from '../../../shared/calendar/deadline';
import type { DueMark } from '../../../shared/reports/sheet-common';
import type { SheetFormat } from './print-format';

/** Pieces both sheets are made of. */

/** A tier as text (【逾期】…), styled by its tier: black-and-white printers keep the words. */
export function TierText({ tier, children }: { tier: DeadlineTier; children: ReactNode }) {
  return (
    <span className={`tier-${tier}`} data-tier={tier}>
      {children}
    </span>
  );
}

/** A due date's tier and the working days left or past. */
export function DueText({ mark, format }: { mark: DueMark; format: SheetFormat }) {
  return <TierText tier={mark.tier}>{format.dueText(mark)}</TierText>;
}

/** A date, marked when the year had no holiday data and the count is an estimate. */
export function DueDate({ mark, format }: { mark: DueMark; format: SheetFormat }) {
  const { t } = useTranslation();
  return (
    <>
      {format.date(mark.dueDate)}
      {mark.estimatedYears.length > 0 && t('print.estimated')}
    </>
  );
}

/** A section's table, or one line saying there is nothing to list. */
export function SheetTable({
  empty,
  head,
  children,
  count,
  className,
  widths,
}: {
  empty: string;
  head: ReactNode;
  children: ReactNode;
  count: number;
  /** 'dense' for the long lists (smaller type, tighter rows: fewer pages). */
  className?: string;
  /**
   * Column widths (CSS lengths) for a fixed layout: a long table then lays out from its first
   * rows instead of measuring every cell, and short columns do not wrap the long ones.
   */
  widths?: readonly string[];
}) {
  if (count === 0) return <p className="empty">{empty}</p>;
  return (
    <table className={[className, widths && 'fixed'].filter(Boolean).join(' ') || undefined}>
      {widths && (
        <colgroup>
          {widths.map((width, index) => (
            <col key={index} style={{ width }} />
          ))}
        </colgroup>
      )}
      <thead>{head}</thead>
      <tbody>{children}</tbody>
    </table>
  );
}

/** Who printed the sheet and when, and how its times were counted. */
export function SheetFooter({
  printedBy,
  printedAt,
  format,
  estimated,
}: {
  printedBy: string;
  printedAt: Date;
  format: SheetFormat;
  /** Some date on the sheet was counted without holiday data. */
  estimated: boolean;
}) {
  const { t } = useTranslation();
  return (
    <footer className="sheet-footer">
      <div className="sheet-meta">
        <span>{t('print.printedBy', { who: printedBy })}</span>
        <span>{t('print.printedAt', { when: format.dateTime(printedAt) })}</span>
      </div>
      <p className="note">{t('print.generatedBy')}</p>
      {estimated && <p className="note">{t('print.estimatedNote')}</p>}
    </footer>
  );
}
