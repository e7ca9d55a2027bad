import { Card, Col, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Deadline } from '../../../shared/domain/deadlines';
import type { RecordNeedingReview } from '../../../shared/domain/record-issues';
import { DeadlineTag } from '../../ui/DeadlineTag';
import { issueTexts, NeedsReviewTag, reviewTitle } from '../../ui/NeedsReviewTag';
import { useProjectSummaries } from '../projects/useProjectSummaries';

type Attention = Deadline & { projectName: string };
type Review = RecordNeedingReview & { projectId: string; projectName: string };

/** 工作台: what needs attention today across every project — overdue first, then due soon. */
export function WorkbenchPage() {
  const { t } = useTranslation();
  const summaries = useProjectSummaries();
  const loading = summaries === undefined;
  const attention = useMemo<Attention[]>(
    () =>
      (summaries ?? [])
        .flatMap(({ project, deadlines }) =>
          deadlines
            .filter((deadline) => deadline.tier !== 'normal')
            .map((deadline) => ({ ...deadline, projectName: project.name })),
        )
        .sort(
          (a, b) =>
            Number(b.tier === 'overdue') - Number(a.tier === 'overdue') ||
            a.dueDate.localeCompare(b.dueDate),
        ),
    [summaries],
  );
  const review = useMemo<Review[]>(
    () =>
      (summaries ?? []).flatMap(({ project, review }) =>
        review.map((entry) => ({ ...entry, projectId: project.id, projectName: project.name })),
      ),
    [summaries],
  );
  const count = (predicate: (deadline: Attention) => boolean) => attention.filter(predicate).length;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('workbench.title')}
      </Typography.Title>
      <Row gutter={12}>
        <Col span={6}>
          <Card size="small" loading={loading}>
            <Statistic title={t('workbench.projectCount')} value={summaries?.length ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" loading={loading}>
            <Statistic
              title={t('workbench.overdue')}
              value={count((deadline) => deadline.tier === 'overdue')}
              styles={{ content: { color: '#cf1322' } }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" loading={loading}>
            <Statistic
              title={t('workbench.warning')}
              value={count((deadline) => deadline.tier === 'warning')}
              styles={{ content: { color: '#d48806' } }}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card size="small" loading={loading}>
            <Statistic
              title={t('workbench.projectsWithOverdue')}
              value={summaries?.filter((summary) => summary.overdue > 0).length ?? 0}
            />
          </Card>
        </Col>
      </Row>
      {review.length > 0 && <ReviewCard review={review} t={t} />}
      <Card size="small" title={t('workbench.attention')} style={{ marginTop: 12 }}>
        <Table<Attention>
          size="small"
          loading={loading}
          rowKey={(deadline) => `${deadline.kind}:${deadline.recordId}`}
          dataSource={attention}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          locale={{ emptyText: t('workbench.nothing') }}
          columns={[
            {
              title: t('workbench.deadline'),
              key: 'due',
              width: 320,
              render: (_, deadline) => <DeadlineTag deadline={deadline} />,
            },
            {
              title: t('workbench.kind'),
              key: 'kind',
              width: 100,
              render: (_, deadline) => <Tag>{t(`deadline.kind.${deadline.kind}`)}</Tag>,
            },
            { title: t('workbench.what'), dataIndex: 'title' },
            {
              title: t('project.name'),
              key: 'project',
              render: (_, deadline) => (
                <Link to={`/projects/${deadline.projectId}?tab=${tabOf(deadline)}`}>
                  {deadline.projectName}
                </Link>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

/** 需核对 N 条: records whose merged edits break a rule, with where to fix each. */
function ReviewCard({ review, t }: { review: Review[]; t: TFunction }) {
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
      <Table<Review>
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
              <Link to={`/projects/${entry.projectId}?tab=${reviewTabs[entry.table]}`}>
                {entry.projectName}
              </Link>
            ),
          },
        ]}
      />
    </Card>
  );
}

const reviewTabs: Record<RecordNeedingReview['table'], string> = {
  approvalItems: 'items',
  missingItems: 'missing',
  handlingSteps: 'steps',
  problems: 'problems',
};

function tabOf(deadline: Deadline): string {
  if (deadline.kind === 'missingItem') return 'missing';
  if (deadline.kind === 'nextAction') return 'steps';
  return 'items';
}
