import { Fragment } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { itemStatuses } from '../../../shared/domain/approval-item';
import { projectLevels, projectStatuses } from '../../../shared/domain/project';
import type {
  ProjectRow,
  StageCounts,
  SummarySheet as SummarySheetData,
} from '../../../shared/reports/summary-sheet';
import type { LandToPermit } from '../../../shared/reports/sheet-common';
import type { SheetFormat } from './print-format';
import { DueDate, SheetFooter, SheetTable, TierText } from './SheetParts';

/**
 * 273 mm: the landscape page between its margins (print.css, @page wide). Eight cells a row, one
 * line each where the names allow: printing costs per cell far more than per character (2,000
 * rows of eight cells print in under half the time of fifteen), so related values share a cell.
 */
const projectColumns = ['8mm', '58mm', '11mm', '16mm', '44mm', '22mm', '60mm', '54mm'];

type Props = {
  sheet: SummarySheetData;
  format: SheetFormat;
  warnWithinWorkingDays: number;
  /** The day counted for, 'yyyy-MM-dd'. */
  today: string;
  /** null: every project; otherwise the list's filter, in words. */
  filter: string | null;
  printedBy: string;
  printedAt: Date;
};

/**
 * 重点项目推进情况汇总表: the overview and the lists on portrait pages, the per-project table on
 * landscape ones (too wide for portrait).
 */
export function SummarySheet({
  sheet,
  format,
  warnWithinWorkingDays,
  today,
  filter,
  printedBy,
  printedAt,
}: Props) {
  const { t } = useTranslation();
  const dash = t('print.dash');
  const text = (value: string) => value.trim() || dash;
  const joinCounts = <K extends string>(
    keys: readonly K[],
    counts: Record<K, number>,
    prefix: string,
  ) =>
    keys
      .filter((key) => counts[key] > 0)
      .map((key) => `${t(`${prefix}.${key}`)} ${counts[key]}`)
      .join('、') || dash;
  const finished = sheet.totals.byStatus.approved + sheet.totals.byStatus.notRequired;
  const estimated = sheet.overdueItems.some((row) => row.due.estimatedYears.length > 0);

  const overview: [string, string][] = [
    [
      t('print.summary.projects'),
      t('print.summary.projectsLine', {
        count: sheet.projectCount,
        levels: joinCounts(projectLevels, sheet.byLevel, 'level'),
      }),
    ],
    [
      t('print.summary.investment'),
      t('print.wanYuan', { amount: format.wanYuan(sheet.investment.total) }) +
        (sheet.investment.unknown > 0
          ? t('print.summary.investmentUnknown', { count: sheet.investment.unknown })
          : ''),
    ],
    [
      t('print.summary.projectStatus'),
      joinCounts(projectStatuses, sheet.byProjectStatus, 'projectStatus'),
    ],
    [
      t('print.summary.items'),
      `${t('print.summary.itemsLine', { total: sheet.totals.total, finished })}；${t(
        'print.summary.progressLine',
        { done: sheet.projectsAllDone, empty: sheet.projectsWithoutItems },
      )}`,
    ],
    [
      t('print.summary.deadlines'),
      `${t('print.summary.deadlinesLine', {
        overdue: sheet.totals.overdue,
        warning: sheet.totals.warning,
      })}；${t('print.summary.missingLine', { count: sheet.overdueMissing.length })}；${t(
        'print.summary.problemsLine',
        { count: sheet.openProblems, departments: sheet.problemsByDepartment.length },
      )}`,
    ],
    [
      t('print.summary.landToPermit'),
      sheet.landToPermit.averageWorkingDays === null
        ? t('print.summary.landToPermitNone')
        : t('print.summary.landToPermitLine', {
            count: sheet.landToPermit.projects,
            average: sheet.landToPermit.averageWorkingDays,
            longest: sheet.landToPermit.longest,
          }),
    ],
  ];

  const stageCells = (counts: StageCounts) => [
    <td key="at" className="number">
      {counts.projectsAtStage}
    </td>,
    <td key="total" className="number">
      {counts.total}
    </td>,
    ...itemStatuses.map((status) => (
      <td key={status} className="number">
        {counts.byStatus[status]}
      </td>
    )),
    // Plain counts: the columns' headers (预警, 逾期) name the tiers.
    <td key="warning" className="number">
      {counts.warning}
    </td>,
    <td key="overdue" className="number">
      {counts.overdue}
    </td>,
  ];

  return (
    <>
      <article className="sheet" data-sheet="summary">
        <h1>{t('print.summary.title')}</h1>
        <p className="sheet-subtitle">
          {filter === null
            ? t('print.summary.scopeAll', { count: sheet.projectCount })
            : t('print.summary.scopeFiltered', { count: sheet.projectCount, filter })}
        </p>
        <div className="sheet-meta">
          <span>{t('print.summary.statDate', { date: format.date(today) })}</span>
        </div>

        <h2>{t('print.summary.overview')}</h2>
        <table className="facts">
          <tbody>
            {overview.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value}</td>
              </tr>
            ))}
          </tbody>
        </table>

        <h2>{t('print.summary.stages')}</h2>
        <table className="dense">
          <thead>
            <tr>
              <th>{t('print.summary.stage')}</th>
              <th className="number">{t('print.summary.atStage')}</th>
              <th className="number">{t('print.summary.total')}</th>
              {itemStatuses.map((status) => (
                <th key={status} className="number">
                  {t(`itemStatus.${status}`)}
                </th>
              ))}
              <th className="number">{t('print.summary.warning')}</th>
              <th className="number">{t('print.summary.overdue')}</th>
            </tr>
          </thead>
          <tbody>
            {sheet.stages.map((row) => (
              <tr key={row.stage}>
                <td className="nowrap">{t(`stageShort.${row.stage}`)}</td>
                {stageCells(row)}
              </tr>
            ))}
            <tr>
              <th scope="row">{t('print.summary.sum')}</th>
              {stageCells(sheet.totals)}
            </tr>
          </tbody>
        </table>
        <p className="note">{t('print.tierLegend', { days: warnWithinWorkingDays })}</p>

        <h2>{t('print.summary.overdueItems', { count: sheet.overdueItems.length })}</h2>
        <SheetTable
          empty={t('print.none')}
          count={sheet.overdueItems.length}
          className="dense"
          widths={['8mm', '36mm', '38mm', '14mm', '22mm', '22mm', '22mm', '20mm']}
          head={
            <tr>
              <th className="number">{t('print.summary.index')}</th>
              <th>{t('print.summary.project')}</th>
              <th>{t('print.summary.item')}</th>
              <th>{t('print.summary.stage')}</th>
              <th>{t('print.summary.department')}</th>
              <th>{t('print.summary.acceptedOn')}</th>
              <th>{t('print.summary.dueOn')}</th>
              <th className="number">{t('print.summary.overdueFor')}</th>
            </tr>
          }
        >
          {sheet.overdueItems.map((row, index) => (
            <tr key={row.itemId}>
              <td className="number">{index + 1}</td>
              <td>{row.projectName}</td>
              <td>{row.itemName}</td>
              <td>{t(`stageShort.${row.stage}`)}</td>
              <td>{row.department}</td>
              <td>{format.date(row.acceptedOn)}</td>
              <td>
                <DueDate mark={row.due} format={format} />
              </td>
              <td className="number">
                <TierText tier="overdue">{`${t('print.tierMark.overdue')} ${row.due.workingDays}`}</TierText>
              </td>
            </tr>
          ))}
        </SheetTable>

        <h2>{t('print.summary.overdueMissing', { count: sheet.overdueMissing.length })}</h2>
        <SheetTable
          empty={t('print.none')}
          count={sheet.overdueMissing.length}
          className="dense"
          widths={['8mm', '34mm', '36mm', '44mm', '18mm', '22mm', '20mm']}
          head={
            <tr>
              <th className="number">{t('print.summary.index')}</th>
              <th>{t('print.summary.project')}</th>
              <th>{t('print.summary.ofItem')}</th>
              <th>{t('print.summary.material')}</th>
              <th>{t('print.summary.supplier')}</th>
              <th>{t('print.summary.promisedOn')}</th>
              <th className="number">{t('print.summary.overdueFor')}</th>
            </tr>
          }
        >
          {sheet.overdueMissing.map((row, index) => (
            <tr key={row.missingId}>
              <td className="number">{index + 1}</td>
              <td>{row.projectName}</td>
              <td>{row.itemName}</td>
              <td>{row.material}</td>
              <td>{text(row.supplier)}</td>
              <td>{format.date(row.promised.dueDate)}</td>
              <td className="number">
                <TierText tier="overdue">
                  {`${t('print.tierMark.overdue')} ${row.promised.workingDays}`}
                </TierText>
              </td>
            </tr>
          ))}
        </SheetTable>

        <h2>{t('print.summary.problems', { count: sheet.openProblems })}</h2>
        <SheetTable
          empty={t('print.none')}
          count={sheet.problemsByDepartment.length}
          head={
            <tr>
              <th>{t('print.summary.responsible')}</th>
              <th className="number">{t('print.summary.problemCount')}</th>
              <th className="number">{t('print.summary.escalated')}</th>
              <th className="number">{t('print.summary.longestOpen')}</th>
            </tr>
          }
        >
          {sheet.problemsByDepartment.map((group) => (
            <tr key={group.department}>
              <td>{group.department || t('print.summary.noDepartment')}</td>
              <td className="number">{group.problems.length}</td>
              <td className="number">{group.escalated}</td>
              <td className="number">
                {Math.max(...group.problems.map((problem) => problem.openWorkingDays))}
              </td>
            </tr>
          ))}
        </SheetTable>
        {/* One line per problem, not a table row: 1,300 problems of a city stay a few pages. */}
        {sheet.problemsByDepartment.map((group) => (
          <div key={group.department} className="problem-group">
            <h3>
              {t('print.summary.departmentGroup', {
                department: group.department || t('print.summary.noDepartment'),
                count: group.problems.length,
              })}
            </h3>
            <ol>
              {group.problems.map((row) => (
                <li key={row.id}>
                  {t('print.summary.problemLine', {
                    project: row.projectName,
                    problem: row.title,
                    raisedOn: format.date(row.raisedOn),
                    escalation: t(`escalation.${row.escalation}`),
                    status: t(`problemStatus.${row.status}`),
                    days: row.openWorkingDays,
                  })}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </article>

      <section className="sheet sheet-wide" data-sheet="summary-projects">
        <h2>{t('print.summary.perProject', { count: sheet.projects.length })}</h2>
        <SheetTable
          empty={t('print.none')}
          count={sheet.projects.length}
          className="dense"
          widths={projectColumns}
          head={
            <tr>
              <th className="number">{t('print.summary.index')}</th>
              <th>{t('print.summary.project')}</th>
              <th>{t('print.summary.projectStatusShort')}</th>
              <th className="number">{t('print.summary.investmentShort')}</th>
              <th>{t('print.summary.people')}</th>
              <th>{t('print.summary.currentStage')}</th>
              <th>{t('print.summary.landToPermitCell')}</th>
              <th>{t('print.summary.attention')}</th>
            </tr>
          }
        >
          {sheet.projects.map((row, index) => {
            const level = sheet.projects[index - 1]?.level !== row.level ? row.level : undefined;
            return (
              <Fragment key={row.projectId}>
                {level && (
                  <tr className="group">
                    <td colSpan={8}>
                      {t('print.summary.levelGroup', {
                        level: t(`level.${level}`),
                        count: sheet.byLevel[level],
                      })}
                    </td>
                  </tr>
                )}
                <tr data-project={row.name}>
                  <td className="number">{index + 1}</td>
                  <td>{row.name}</td>
                  <td>{t(`projectStatus.${row.status}`)}</td>
                  <td className="number">{format.wanYuan(row.totalInvestment)}</td>
                  <td>{`${row.helperAgents.join('、') || dash} / ${row.leaderInCharge.trim() || dash}`}</td>
                  <td>
                    {row.total === 0
                      ? t('print.summary.noItems')
                      : `${row.currentStage ? t(`stageShort.${row.currentStage}`) : t('print.summary.allDone')} ${row.finished}/${row.total}`}
                  </td>
                  <td>{landToPermitText(row.landToPermit, format, t)}</td>
                  <td>{attention(row, t)}</td>
                </tr>
              </Fragment>
            );
          })}
        </SheetTable>
        <p className="note">{t('print.summary.landToPermitNote')}</p>
        <SheetFooter
          printedBy={printedBy}
          printedAt={printedAt}
          format={format}
          estimated={estimated}
        />
      </section>
    </>
  );
}

/**
 * What needs a leader's attention on a project, in words (逾期事项 2；未解决问题 4): one cell
 * instead of four count columns, empty when nothing does, and readable without colour.
 */
function attention(row: ProjectRow, t: TFunction) {
  const parts = [
    row.warningItems > 0 && t('print.summary.attentionWarning', { count: row.warningItems }),
    row.overdueMissing > 0 && t('print.summary.attentionMissing', { count: row.overdueMissing }),
    row.openProblems > 0 && t('print.summary.attentionProblems', { count: row.openProblems }),
  ].filter((part): part is string => typeof part === 'string');
  return (
    <>
      {row.overdueItems > 0 && (
        <TierText tier="overdue">
          {t('print.summary.attentionOverdue', { count: row.overdueItems })}
        </TierText>
      )}
      {row.overdueItems > 0 && parts.length > 0 && '；'}
      {parts.join('；')}
    </>
  );
}

/** 拿地至施工许可 and its two dates, on one line: 20（2026年2月13日—2026年3月19日）. */
function landToPermitText(value: LandToPermit, format: SheetFormat, t: TFunction): string {
  if (value.status === 'noLand') return format.landToPermitShort(value);
  return t('print.summary.landToPermitWithDates', {
    days: format.landToPermitShort(value),
    dates:
      value.status === 'done'
        ? t('print.summary.landToPermitDates', {
            land: format.date(value.landOn),
            permit: format.date(value.permitOn),
          })
        : t('print.summary.landOnly', { land: format.date(value.landOn) }),
  });
}
