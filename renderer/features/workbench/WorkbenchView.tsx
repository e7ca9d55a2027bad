import { Alert, Card, Col, Row, Segmented, Space, Statistic, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DeadlineKind } from '../../../shared/domain/deadlines';
import type { RecordNeedingReview } from '../../../shared/domain/record-issues';
import type {
  Workbench,
  WorkbenchProblem,
  WorkbenchReview,
  WorkbenchRow,
  WorkbenchScope,
} from '../../../shared/dashboard/workbench';
import { DeadlineTag } from '../../ui/DeadlineTag';
import { issueTexts, NeedsReviewTag, reviewTitle } from '../../ui/NeedsReviewTag';

/** How the scope switch reads: whose projects 我的 are, or why it cannot be chosen. */
export type ScopeChoice =
  | { canChooseMine: true; agentNames: string[] }
  | { canChooseMine: false; userName: string }
  /** While the user and the helper-agents load: nothing to say yet. */
  | { canChooseMine: null };

type Props = {
  /** undefined while the records load. */
  workbench: Workbench | undefined;
  scope: WorkbenchScope;
  choice: ScopeChoice;
  onScope: (scope: WorkbenchScope) => void;
};

const deadlineTabs: Record<DeadlineKind, string> = {
  approvalItem: 'items',
  commitmentCheck: 'items',
  missingItem: 'missing',
  nextAction: 'steps',
};

const reviewTabs: Record<RecordNeedingReview['table'], string> = {
  approvalItems: 'items',
  missingItems: 'missing',
  handlingSteps: 'steps',
  problems: 'problems',
};

/** 工作台: the counts, then each kind of thing that needs attention, overdue first. */
export function WorkbenchView({ workbench, scope, choice, onScope }: Props) {
  const { t } = useTranslation();
  const loading = workbench === undefined;
  const stat = (title: string, value: number | undefined, color?: string) => (
    <Col span={6}>
      <Card size="small" loading={loading}>
        <Statistic
          title={title}
          value={value ?? 0}
          styles={color ? { content: { color } } : undefined}
        />
      </Card>
    </Col>
  );
  return (
    <>
      <Space align="center" style={{ marginBottom: 12 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('workbench.title')}
        </Typography.Title>
        <Segmented<WorkbenchScope>
          aria-label={t('myWork.scope')}
          value={scope}
          onChange={onScope}
          options={[
            { value: 'mine', label: t('myWork.mine'), disabled: choice.canChooseMine !== true },
            { value: 'team', label: t('myWork.team') },
          ]}
        />
        {choice.canChooseMine && scope === 'mine' && (
          <Typography.Text type="secondary">
            {t('myWork.mineHint', { names: choice.agentNames.join('、') })}
          </Typography.Text>
        )}
      </Space>
      {choice.canChooseMine === false && (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('myWork.notAgent', { name: choice.userName })}
        />
      )}
      <Row gutter={12}>
        {stat(t('workbench.projectCount'), workbench?.projectCount)}
        {stat(t('workbench.overdue'), workbench?.overdue, '#cf1322')}
        {stat(t('workbench.warning'), workbench?.warning, '#d48806')}
        {stat(t('workbench.projectsWithOverdue'), workbench?.projectsWithOverdue)}
      </Row>
      {workbench && workbench.review.length > 0 && <ReviewCard review={workbench.review} t={t} />}
      <DeadlineCard
        testId="workbench-items"
        title={t('myWork.approvalItems')}
        rows={workbench?.approvalItems}
        t={t}
      />
      <DeadlineCard
        testId="workbench-missing"
        title={t('myWork.missingItems')}
        rows={workbench?.missingItems}
        t={t}
      />
      <DeadlineCard
        testId="workbench-next"
        title={t('myWork.nextActions')}
        rows={workbench?.nextActions}
        t={t}
      />
      <DeadlineCard
        testId="workbench-commitments"
        title={t('myWork.commitmentChecks')}
        rows={workbench?.commitmentChecks}
        t={t}
      />
      <ProblemsCard problems={workbench?.problems} t={t} />
    </>
  );
}

function Section({
  title,
  count,
  testId,
  children,
}: {
  title: string;
  count: number | undefined;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card
      size="small"
      style={{ marginTop: 12 }}
      data-testid={testId}
      title={
        <>
          {title} {count !== undefined && <Tag>{count}</Tag>}
        </>
      }
    >
      {children}
    </Card>
  );
}

function ProjectLink({ projectId, name, tab }: { projectId: string; name: string; tab: string }) {
  return <Link to={`/projects/${projectId}?tab=${tab}`}>{name}</Link>;
}

function DeadlineCard({
  title,
  rows,
  testId,
  t,
}: {
  title: string;
  rows: WorkbenchRow[] | undefined;
  testId: string;
  t: TFunction;
}) {
  return (
    <Section title={title} count={rows?.length} testId={testId}>
      <Table<WorkbenchRow>
        size="small"
        loading={rows === undefined}
        rowKey={(row) => `${row.kind}:${row.recordId}`}
        dataSource={rows}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('myWork.none') }}
        columns={[
          {
            title: t('workbench.deadline'),
            key: 'due',
            width: 340,
            render: (_, row) => <DeadlineTag deadline={row} />,
          },
          {
            title: t('workbench.what'),
            key: 'what',
            render: (_, row) => (
              <ProjectLink
                projectId={row.projectId}
                name={row.title}
                tab={deadlineTabs[row.kind]}
              />
            ),
          },
          {
            title: t('project.name'),
            key: 'project',
            render: (_, row) => (
              <ProjectLink projectId={row.projectId} name={row.projectName} tab="overview" />
            ),
          },
        ]}
      />
    </Section>
  );
}

function ProblemsCard({ problems, t }: { problems: WorkbenchProblem[] | undefined; t: TFunction }) {
  return (
    <Section title={t('myWork.problems')} count={problems?.length} testId="workbench-problems">
      <Table<WorkbenchProblem>
        size="small"
        loading={problems === undefined}
        rowKey="id"
        dataSource={problems}
        pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
        locale={{ emptyText: t('myWork.none') }}
        columns={[
          {
            title: t('fieldLabel.raisedOn'),
            key: 'raisedOn',
            width: 340,
            render: (_, row) =>
              t('myWork.raisedOn', { date: row.raisedOn, count: row.openWorkingDays }),
          },
          {
            title: t('fieldLabel.title'),
            key: 'title',
            render: (_, row) => (
              <ProjectLink projectId={row.projectId} name={row.title} tab="problems" />
            ),
          },
          { title: t('myWork.department'), dataIndex: 'responsibleDepartment' },
          {
            title: t('project.name'),
            key: 'project',
            render: (_, row) => (
              <ProjectLink projectId={row.projectId} name={row.projectName} tab="overview" />
            ),
          },
        ]}
      />
    </Section>
  );
}

/** 需核对 N 条: records whose merged edits break a rule, with where to fix each. */
function ReviewCard({ review, t }: { review: WorkbenchReview[]; t: TFunction }) {
  return (
    <Card
      size="small"
      title={t('needsReview.count', { count: review.length })}
      style={{ marginTop: 12 }}
      data-testid="workbench-review"
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('needsReview.countHint')}
      </Typography.Paragraph>
      <Table<WorkbenchReview>
        size="small"
        rowKey={(entry) => entry.record.id}
        dataSource={review}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        columns={[
          {
            title: t('workbench.kind'),
            key: 'kind',
            width: 100,
            render: (_, entry) => <Tag>{t(`needsReview.kind.${entry.table}`)}</Tag>,
          },
          {
            title: t('needsReview.record'),
            key: 'record',
            render: (_, entry) => (
              <>
                {reviewTitle(entry)} <NeedsReviewTag issues={entry.issues} />
              </>
            ),
          },
          {
            title: t('needsReview.problems'),
            key: 'problems',
            render: (_, entry) => issueTexts(entry.issues, t).join('；'),
          },
          {
            title: t('project.name'),
            key: 'project',
            render: (_, entry) => (
              <ProjectLink
                projectId={entry.projectId}
                name={entry.projectName}
                tab={reviewTabs[entry.table]}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
