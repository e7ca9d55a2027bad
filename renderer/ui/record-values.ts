import { format, isValid, parseISO } from 'date-fns';
import type { TFunction } from 'i18next';
import type { PausedIntervalRecord } from '../../shared/domain/approval-item';
import { describeValue, enumText } from './ChangedUnderneathAlert';
import { dateRanges, formatRange } from './date-ranges';

/**
 * A paused interval with both ends named as counted — the last paused day, not the day counting
 * resumes — so the drawer, a clash notice and 修改记录 all read it the same way.
 */
export function pauseText({ from, to, reason }: PausedIntervalRecord, t: TFunction): string {
  const span = to
    ? t('recordForm.pauseText', { from: from ?? '', to })
    : t('recordForm.pauseOpen', { from: from ?? '' });
  return reason ? `${span} ${reason}` : span;
}

/** Tables whose records other records point at by id, and so are named in 修改记录. */
export type NamedTable = 'projects' | 'approvalItems' | 'helperAgents' | 'catalogItems';

/** What an id stands for: its record's name, or undefined when this computer has no such record. */
export type RecordName = { name: string; deleted: boolean };
export type NameLookup = (id: string) => RecordName | undefined;

type FieldKind =
  | { kind: 'enum'; prefix: string }
  | { kind: 'record' }
  | { kind: 'timeLimit' }
  | { kind: 'pauses' }
  | { kind: 'commitmentCheck' }
  | { kind: 'money' }
  | { kind: 'dates' };

const enumOf = (prefix: string): FieldKind => ({ kind: 'enum', prefix });
const record: FieldKind = { kind: 'record' };

/**
 * How each stored field reads, by table: the values come from the sync log as stored — codes,
 * ids, true/false — and are put in words when shown.
 */
const fieldKinds: Record<string, Record<string, FieldKind>> = {
  projects: {
    status: enumOf('projectStatus'),
    category: enumOf('category'),
    level: enumOf('level'),
    landStatus: enumOf('landStatus'),
    attorneyStages: enumOf('stage'),
    helperAgentIds: record,
    totalInvestment: { kind: 'money' },
  },
  approvalItems: {
    projectId: record,
    catalogItemId: record,
    stage: enumOf('stage'),
    departmentLevel: enumOf('departmentLevel'),
    handlingMode: enumOf('handlingMode'),
    status: enumOf('itemStatus'),
    timeLimit: { kind: 'timeLimit' },
    pausedIntervals: { kind: 'pauses' },
    commitmentCheck: { kind: 'commitmentCheck' },
  },
  missingItems: {
    projectId: record,
    approvalItemId: record,
    status: enumOf('missingStatus'),
  },
  handlingSteps: {
    projectId: record,
    approvalItemId: record,
    kind: enumOf('stepKind'),
  },
  problems: {
    projectId: record,
    status: enumOf('problemStatus'),
    escalation: enumOf('escalation'),
  },
  catalogItems: {
    stage: enumOf('stage'),
    departmentLevel: enumOf('departmentLevel'),
    timeLimit: { kind: 'timeLimit' },
  },
  holidaySchedules: {
    holidays: { kind: 'dates' },
    makeUpWorkdays: { kind: 'dates' },
  },
};

/** The ids among a change's values that name other records, to look their names up. */
export function referencedIds(table: string, field: string, value: unknown): string[] {
  if (fieldKinds[table]?.[field]?.kind !== 'record') return [];
  const values = Array.isArray(value) ? value : [value];
  return values.filter((item): item is string => typeof item === 'string');
}

/** A field's label in 修改记录: a table's own word first (代办员's 姓名), else the shared one. */
export function fieldLabel(table: string, field: string, t: TFunction): string {
  return t([`fieldLabelOf.${table}.${field}`, `fieldLabel.${field}`], { defaultValue: field });
}

/**
 * A stored value as users read it: enumeration labels, 是/否, names for ids (said to be deleted
 * when they are), time limits, paused intervals and money in words, date lists as ranges.
 */
export function recordValueText(
  table: string,
  field: string,
  value: unknown,
  t: TFunction,
  names: NameLookup,
): string {
  if (value === null || value === undefined || value === '') return t('recordForm.empty');
  const kind = fieldKinds[table]?.[field];
  switch (kind?.kind) {
    case 'enum':
      return enumText(t, kind.prefix)(value);
    case 'record': {
      const ids = Array.isArray(value) ? value : [value];
      if (ids.length === 0) return t('recordForm.empty');
      return ids
        .map((id) => {
          const found = typeof id === 'string' ? names(id) : undefined;
          if (!found) return t('recordForm.unknownRecord');
          return found.deleted ? t('recordForm.deletedRecord', { name: found.name }) : found.name;
        })
        .join('、');
    }
    case 'timeLimit': {
      const limit = value as { days?: unknown; unit?: unknown };
      return `${String(limit.days)} ${t(`timeUnit.${String(limit.unit)}`)}`;
    }
    case 'pauses': {
      const pauses = value as PausedIntervalRecord[];
      return pauses.length === 0
        ? t('recordForm.empty')
        : pauses.map((pause) => pauseText(pause, t)).join('；');
    }
    case 'commitmentCheck': {
      const check = value as { dueOn?: string | null; result?: string; checkedOn?: string | null };
      return [check.dueOn, check.result && t(`commitmentResult.${check.result}`), check.checkedOn]
        .filter(Boolean)
        .join(' ');
    }
    case 'money':
      return typeof value === 'number'
        ? t('recordForm.money', { amount: value.toLocaleString('zh-CN') })
        : describeValue(value, t);
    case 'dates': {
      const dates = (value as unknown[]).filter((date): date is string => typeof date === 'string');
      return dates.length === 0
        ? t('recordForm.empty')
        : dateRanges(dates).map(formatRange).join('、');
    }
    default:
      return typeof value === 'string' && isTimestamp(value)
        ? format(parseISO(value), 'yyyy-MM-dd HH:mm')
        : describeValue(value, t);
  }
}

/** An ISO date-time such as updatedAt; a plain 'yyyy-MM-dd' is already what users read. */
function isTimestamp(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) && isValid(parseISO(value));
}
