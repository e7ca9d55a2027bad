import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type {
  ItemRow,
  ProjectSheet as ProjectSheetData,
} from '../../../shared/reports/project-sheet';
import type { SheetFormat } from './print-format';
import { DueDate, DueText, SheetFooter, SheetTable, TierText } from './SheetParts';

type Props = {
  sheet: ProjectSheetData;
  format: SheetFormat;
  warnWithinWorkingDays: number;
  /** The day printed for, 'yyyy-MM-dd' (the app's today, in local time). */
  today: string;
  printedBy: string;
  printedAt: Date;
};

/** 项目审批进度表: one project on portrait A4, for a coordination meeting. */
export function ProjectSheet({
  sheet,
  format,
  warnWithinWorkingDays,
  today,
  printedBy,
  printedAt,
}: Props) {
  const { t } = useTranslation();
  const { project } = sheet;
  const dash = t('print.dash');
  const text = (value: string) => value.trim() || dash;
  const estimated = sheet.items.some(
    (row) => row.time.kind === 'running' && row.time.due.estimatedYears.length > 0,
  );
  const contact = [project.ownerContact, project.ownerPhone].filter(Boolean).join(' ');
  const agents = sheet.helperAgents
    .map((agent) => [agent.name, agent.phone].filter(Boolean).join(' '))
    .join('、');
  const approach = [
    project.startOnLandDeal && t('print.project.startOnLandDeal'),
    project.landWithDesign && t('print.project.landWithDesign'),
  ].filter(Boolean);

  const facts: [string, string][] = [
    [t('print.project.name'), project.name],
    [t('print.project.code'), text(project.code)],
    [t('print.project.owner'), project.ownerCompany],
    [t('print.project.contact'), text(contact)],
    [t('print.project.level'), t(`level.${project.level}`)],
    [t('print.project.category'), t(`category.${project.category}`)],
    [
      t('print.project.investment'),
      project.totalInvestment === null
        ? dash
        : t('print.wanYuan', { amount: format.wanYuan(project.totalInvestment) }),
    ],
    [t('print.project.site'), text(project.site)],
    [t('print.project.helperAgents'), text(agents)],
    [t('print.project.leader'), text(project.leaderInCharge)],
    [t('print.project.landStatus'), t(`landStatus.${project.landStatus}`)],
    [t('print.project.status'), t(`projectStatus.${project.status}`)],
    [t('print.project.landDealOn'), format.date(project.landDealOn)],
    [t('print.project.landDeliveredOn'), format.date(project.landDeliveredOn)],
    [t('print.project.permitOn'), format.date(project.constructionPermitOn)],
    [t('print.project.worksStartOn'), format.date(project.worksStartOn)],
    [t('print.project.landToPermit'), format.landToPermit(sheet.landToPermit)],
    [t('print.project.approach'), approach.length ? approach.join('、') : dash],
  ];
  const factRows: [string, string][][] = [];
  for (let index = 0; index < facts.length; index += 2)
    factRows.push(facts.slice(index, index + 2));

  return (
    <article className="sheet" data-sheet="project">
      <h1>{t('print.project.title')}</h1>
      <p className="sheet-subtitle">{project.name}</p>
      <div className="sheet-meta">
        <span>{t('print.printedOn', { date: format.date(today) })}</span>
        <span>
          {t('print.project.tierCounts', {
            overdue: sheet.tierCounts.overdue,
            warning: sheet.tierCounts.warning,
          })}
        </span>
      </div>

      <table className="facts">
        <tbody>
          {factRows.map((pair) => (
            <tr key={pair[0]?.[0]}>
              {pair.flatMap(([label, value]) => [
                <th key={`${label}-label`} scope="row">
                  {label}
                </th>,
                <td key={`${label}-value`}>{value}</td>,
              ])}
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('print.project.progress')}</h2>
      <table>
        <thead>
          <tr>
            <th>{t('print.project.stage')}</th>
            <th className="number">{t('print.project.itemCount')}</th>
            <th className="number">{t('print.project.finished')}</th>
            <th className="number">{t('print.project.unfinished')}</th>
            <th>{t('print.project.current')}</th>
          </tr>
        </thead>
        <tbody>
          {sheet.progress.map((stage) => (
            <tr key={stage.stage}>
              <td>{t(`stage.${stage.stage}`)}</td>
              <td className="number">{stage.total}</td>
              <td className="number">{stage.finished}</td>
              <td className="number">{stage.total - stage.finished}</td>
              <td>
                {stage.stage === sheet.currentStage
                  ? t('print.project.current')
                  : stage.total > 0 && stage.finished === stage.total
                    ? t('print.project.allDone')
                    : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      <h2>{t('print.project.items')}</h2>
      <p className="note">{t('print.tierLegend', { days: warnWithinWorkingDays })}</p>
      <SheetTable
        empty={t('print.project.noItems')}
        count={sheet.items.length}
        head={
          <tr>
            <th className="number nowrap">{t('print.project.index')}</th>
            <th>{t('print.project.item')}</th>
            <th>{t('print.project.department')}</th>
            <th>{t('print.project.mode')}</th>
            <th>{t('print.project.itemStatus')}</th>
            <th>{t('print.project.acceptedOn')}</th>
            <th>{t('print.project.dueOn')}</th>
            <th>{t('print.project.time')}</th>
            <th>{t('print.project.certificate')}</th>
          </tr>
        }
      >
        {sheet.items.map((row, index) => {
          const stage =
            sheet.items[index - 1]?.stage !== row.stage
              ? sheet.progress.find((progress) => progress.stage === row.stage)
              : undefined;
          return (
            <Fragment key={row.id}>
              {stage && (
                <tr className="group">
                  <td colSpan={9}>
                    {t('print.project.stageGroup', {
                      stage: t(`stage.${stage.stage}`),
                      finished: stage.finished,
                      total: stage.total,
                    })}
                  </td>
                </tr>
              )}
              <tr data-item={row.name}>
                <td className="number">{index + 1}</td>
                <td>{row.name}</td>
                <td>
                  {row.department}
                  {row.departmentLevel !== 'district' &&
                    `（${t(`departmentLevel.${row.departmentLevel}`)}）`}
                </td>
                <td className="nowrap">{t(`handlingMode.${row.handlingMode}`)}</td>
                <td className="nowrap">{t(`itemStatus.${row.status}`)}</td>
                <td className="nowrap">{format.date(row.acceptedOn)}</td>
                <ItemDue row={row} format={format} />
                <ItemTime row={row} format={format} />
                <td>{text(row.certificateNo)}</td>
              </tr>
            </Fragment>
          );
        })}
      </SheetTable>

      <h2>{t('print.project.missing')}</h2>
      <SheetTable
        empty={t('print.none')}
        count={sheet.missingItems.length}
        head={
          <tr>
            <th className="number nowrap">{t('print.project.index')}</th>
            <th>{t('print.project.material')}</th>
            <th>{t('print.project.ofItem')}</th>
            <th>{t('print.project.supplier')}</th>
            <th>{t('print.project.promisedOn')}</th>
            <th>{t('print.project.time')}</th>
          </tr>
        }
      >
        {sheet.missingItems.map((row, index) => (
          <tr key={row.id}>
            <td className="number">{index + 1}</td>
            <td>{row.material}</td>
            <td>{row.itemName}</td>
            <td>{text(row.supplier)}</td>
            <td className="nowrap">{format.date(row.promised.dueDate)}</td>
            <td>
              <DueText mark={row.promised} format={format} />
            </td>
          </tr>
        ))}
      </SheetTable>

      <h2>{t('print.project.commitments')}</h2>
      <SheetTable
        empty={t('print.none')}
        count={sheet.commitments.length}
        head={
          <tr>
            <th className="number nowrap">{t('print.project.index')}</th>
            <th>{t('print.project.item')}</th>
            <th>{t('print.project.department')}</th>
            <th>{t('print.project.approvedOn')}</th>
            <th>{t('print.project.checkDueOn')}</th>
            <th>{t('print.project.time')}</th>
          </tr>
        }
      >
        {sheet.commitments.map((row, index) => (
          <tr key={row.itemId}>
            <td className="number">{index + 1}</td>
            <td>{row.itemName}</td>
            <td>{row.department}</td>
            <td className="nowrap">{format.date(row.approvedOn)}</td>
            <td className="nowrap">
              {row.due ? format.date(row.due.dueDate) : t('print.noVerificationDate')}
            </td>
            <td>{row.due ? <DueText mark={row.due} format={format} /> : dash}</td>
          </tr>
        ))}
      </SheetTable>

      <h2>{t('print.project.problems')}</h2>
      <SheetTable
        empty={t('print.none')}
        count={sheet.problems.length}
        head={
          <tr>
            <th className="number nowrap">{t('print.project.index')}</th>
            <th>{t('print.project.problem')}</th>
            <th>{t('print.project.responsible')}</th>
            <th>{t('print.project.raisedOn')}</th>
            <th>{t('print.project.escalation')}</th>
            <th>{t('print.project.problemStatus')}</th>
            <th>{t('print.project.openFor')}</th>
          </tr>
        }
      >
        {sheet.problems.map((row, index) => (
          <tr key={row.id}>
            <td className="number">{index + 1}</td>
            <td>{row.title}</td>
            <td>{text(row.responsibleDepartment)}</td>
            <td className="nowrap">{format.date(row.raisedOn)}</td>
            <td className="nowrap">{t(`escalation.${row.escalation}`)}</td>
            <td className="nowrap">{t(`problemStatus.${row.status}`)}</td>
            <td className="nowrap">{t('print.workingDays', { count: row.openWorkingDays })}</td>
          </tr>
        ))}
      </SheetTable>

      <h2>
        {t('print.project.steps')}
        {sheet.olderSteps > 0 &&
          t('print.project.stepsOlder', { shown: sheet.steps.length, older: sheet.olderSteps })}
      </h2>
      <SheetTable
        empty={t('print.none')}
        count={sheet.steps.length}
        head={
          <tr>
            <th>{t('print.project.stepOn')}</th>
            <th>{t('print.project.stepBy')}</th>
            <th>{t('print.project.stepKind')}</th>
            <th>{t('print.project.stepSummary')}</th>
            <th>{t('print.project.nextAction')}</th>
          </tr>
        }
      >
        {sheet.steps.map((row) => (
          <tr key={row.id}>
            <td className="nowrap">{format.date(row.on)}</td>
            <td className="nowrap">{row.by}</td>
            <td className="nowrap">{t(`stepKind.${row.kind}`)}</td>
            <td>
              {row.itemName && `【${row.itemName}】`}
              {row.summary}
            </td>
            <td>
              {row.nextAction ? (
                <>
                  {row.nextAction}
                  {row.nextActionDueOn &&
                    t('print.project.nextActionDue', { date: format.date(row.nextActionDueOn) })}
                  {row.nextActionDone && t('print.project.nextActionDone')}
                </>
              ) : (
                dash
              )}
            </td>
          </tr>
        ))}
      </SheetTable>

      <SheetFooter
        printedBy={printedBy}
        printedAt={printedAt}
        format={format}
        estimated={estimated}
      />
    </article>
  );
}

function ItemDue({ row, format }: { row: ItemRow; format: SheetFormat }) {
  const { t } = useTranslation();
  const { time } = row;
  if (time.kind === 'running') {
    return (
      <td className="nowrap">
        <DueDate mark={time.due} format={format} />
      </td>
    );
  }
  if (time.kind === 'paused') return <td className="nowrap">{t('print.paused')}</td>;
  if (time.kind === 'finished' && time.dueDate) {
    return <td className="nowrap">{format.date(time.dueDate)}</td>;
  }
  return <td>{t('print.dash')}</td>;
}

function ItemTime({ row, format }: { row: ItemRow; format: SheetFormat }) {
  const { t } = useTranslation();
  const { time } = row;
  if (time.kind === 'running') {
    return (
      <td>
        <DueText mark={time.due} format={format} />
      </td>
    );
  }
  if (time.kind === 'paused') {
    return (
      <td>{t('print.pausedSince', { date: format.date(time.since), count: time.daysUsed })}</td>
    );
  }
  if (time.kind === 'finished') {
    const done = time.completedOn ? (
      <span className="nowrap">{format.date(time.completedOn)}</span>
    ) : null;
    if (time.late === null) return <td>{done ?? t('print.dash')}</td>;
    const verdict = time.late ? t('print.finishedLate') : t('print.finishedOnTime');
    return (
      <td>
        {time.late ? <TierText tier="overdue">{verdict}</TierText> : verdict}
        {done && <br />}
        {done}
      </td>
    );
  }
  return <td>{t('print.dash')}</td>;
}
