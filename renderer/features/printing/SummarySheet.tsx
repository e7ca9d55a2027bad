import { useTranslation } from 'react-i18next';
import { itemStatuses } from '../../../shared/domain/approval-item';
import { projectLevels, projectStatuses } from '../../../shared/domain/project';
import type {
  StageCounts,
  SummarySheet as SummarySheetData,
} from '../../../shared/reports/summary-sheet';
import type { SheetFormat } from './print-format';
import { DueDate, SheetFooter, SheetTable, TierText } from './SheetParts';

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
 * landscape ones (it has fifteen columns).
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
    <td key="warning" className="number">
      {counts.warning > 0 ? <TierText tier="warning">{counts.warning}</TierText> : 0}
    </td>,
    <td key="overdue" className="number">
      {counts.overdue > 0 ? <TierText tier="overdue">{counts.overdue}</TierText> : 0}
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
        <table>
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
                <td>{t(`stage.${row.stage}`)}</td>
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
              <td className="nowrap">{t(`stageShort.${row.stage}`)}</td>
              <td>{row.department}</td>
              <td className="nowrap">{format.date(row.acceptedOn)}</td>
              <td className="nowrap">
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
              <td className="nowrap">{format.date(row.promised.dueDate)}</td>
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
        {sheet.openProblems > 0 && (
          <table>
            <thead>
              <tr>
                <th className="number">{t('print.summary.index')}</th>
                <th>{t('print.summary.project')}</th>
                <th>{t('print.summary.problem')}</th>
                <th>{t('print.summary.raisedOn')}</th>
                <th>{t('print.summary.escalation')}</th>
                <th>{t('print.summary.status')}</th>
                <th className="number">{t('print.summary.openFor')}</th>
              </tr>
            </thead>
            {sheet.problemsByDepartment.map((group) => (
              <tbody key={group.department}>
                <tr className="group">
                  <td colSpan={7}>
                    {t('print.summary.departmentGroup', {
                      department: group.department || t('print.summary.noDepartment'),
                      count: group.problems.length,
                    })}
                  </td>
                </tr>
                {group.problems.map((row, index) => (
                  <tr key={row.id}>
                    <td className="number">{index + 1}</td>
                    <td>{row.projectName}</td>
                    <td>{row.title}</td>
                    <td className="nowrap">{format.date(row.raisedOn)}</td>
                    <td className="nowrap">{t(`escalation.${row.escalation}`)}</td>
                    <td className="nowrap">{t(`problemStatus.${row.status}`)}</td>
                    <td className="number">{row.openWorkingDays}</td>
                  </tr>
                ))}
              </tbody>
            ))}
          </table>
        )}
      </article>

      <section className="sheet sheet-wide" data-sheet="summary-projects">
        <h2>{t('print.summary.perProject', { count: sheet.projects.length })}</h2>
        <SheetTable
          empty={t('print.none')}
          count={sheet.projects.length}
          head={
            <tr>
              <th className="number">{t('print.summary.index')}</th>
              <th>{t('print.summary.project')}</th>
              <th>{t('print.summary.level')}</th>
              <th>{t('print.summary.projectStatusShort')}</th>
              <th className="number">{t('print.summary.investmentShort')}</th>
              <th>{t('print.summary.helperAgents')}</th>
              <th>{t('print.summary.leader')}</th>
              <th>{t('print.summary.currentStage')}</th>
              <th>{t('print.summary.landOn')}</th>
              <th>{t('print.summary.permitOn')}</th>
              <th>{t('print.summary.landToPermitDays')}</th>
              <th className="number">{t('print.summary.overdueItemsShort')}</th>
              <th className="number">{t('print.summary.warningItemsShort')}</th>
              <th className="number">{t('print.summary.overdueMissingShort')}</th>
              <th className="number">{t('print.summary.openProblemsShort')}</th>
            </tr>
          }
        >
          {sheet.projects.map((row, index) => {
            const land = row.landToPermit;
            return (
              <tr key={row.projectId} data-project={row.name}>
                <td className="number">{index + 1}</td>
                <td>{row.name}</td>
                <td className="nowrap">{t(`level.${row.level}`)}</td>
                <td className="nowrap">{t(`projectStatus.${row.status}`)}</td>
                <td className="number">{format.wanYuan(row.totalInvestment)}</td>
                <td>{row.helperAgents.join('、') || dash}</td>
                <td>{text(row.leaderInCharge)}</td>
                <td>
                  {row.total === 0
                    ? t('print.summary.noItems')
                    : `${row.currentStage ? t(`stageShort.${row.currentStage}`) : t('print.summary.allDone')} ${row.finished}/${row.total}`}
                </td>
                <td className="nowrap">
                  {format.date(land.status === 'noLand' ? null : land.landOn)}
                </td>
                <td className="nowrap">
                  {format.date(land.status === 'done' ? land.permitOn : null)}
                </td>
                <td>{format.landToPermit(land)}</td>
                <td className="number">
                  {row.overdueItems > 0 ? (
                    <TierText tier="overdue">{`${t('print.tierMark.overdue')} ${row.overdueItems}`}</TierText>
                  ) : (
                    0
                  )}
                </td>
                <td className="number">
                  {row.warningItems > 0 ? (
                    <TierText tier="warning">{`${t('print.tierMark.warning')} ${row.warningItems}`}</TierText>
                  ) : (
                    0
                  )}
                </td>
                <td className="number">{row.overdueMissing}</td>
                <td className="number">{row.openProblems}</td>
              </tr>
            );
          })}
        </SheetTable>
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
