import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Flex, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EscalationLevel, Problem, ProblemStatus } from '../../../shared/domain/problem';
import { repositories } from '../../db';
import { HistoryButton } from '../../ui/HistoryButton';
import { NeedsReviewTag } from '../../ui/NeedsReviewTag';
import type { ProjectTabProps } from '../projects/project-tab';
import { ProblemFormModal } from './ProblemFormModal';
import { DeleteButton } from '../../ui/DeleteButton';
import { writeErrorText } from '../../ui/write-error';
import { useOpenLinked } from '../projects/open-linked';

// Higher levels stand out more: a problem at the city level is the one leaders ask about.
const escalationColors: Record<EscalationLevel, string> = {
  agent: 'default',
  bureau: 'blue',
  districtLeader: 'orange',
  city: 'red',
};

const statusColors: Record<ProblemStatus, string> = {
  open: 'error',
  coordinating: 'processing',
  resolved: 'success',
};

type Editing = { problem?: Problem } | null;

/** 问题协调: what blocks the project, who is handling it, and how it was resolved. */
export function ProblemsTab({ project, records, today, review }: ProjectTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<Editing>(null);
  useOpenLinked(records.problems, (problem) => setEditing({ problem }));

  // Unresolved ones first: they are what the team has to act on.
  const problems = useMemo(
    () =>
      [...records.problems].sort(
        (a, b) =>
          Number(a.status === 'resolved') - Number(b.status === 'resolved') ||
          b.raisedOn.localeCompare(a.raisedOn),
      ),
    [records.problems],
  );
  const open = problems.filter((problem) => problem.status !== 'resolved').length;

  async function write(action: () => Promise<unknown>, success: string) {
    try {
      await action();
      void message.success(success);
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
  }

  const markResolved = (problem: Problem) =>
    write(
      () =>
        repositories.problems.update(problem.id, {
          status: 'resolved',
          resolvedOn: problem.resolvedOn ?? today,
        }),
      t('problem.markedResolved', { title: problem.title }),
    );
  const remove = (problem: Problem) =>
    write(() => repositories.problems.remove(problem.id), t('common.deleted'));

  return (
    <Flex vertical gap={8}>
      <Flex justify="space-between" align="center">
        <Typography.Text type={open > 0 ? 'danger' : 'secondary'}>
          {t('problem.summary', { open, total: problems.length })}
        </Typography.Text>
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {t('problem.add')}
        </Button>
      </Flex>
      <Table<Problem>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={problems}
        locale={{ emptyText: t('problem.empty') }}
        columns={[
          {
            title: t('fieldLabel.title'),
            key: 'title',
            render: (_, problem) => (
              <>
                <Space size={4} wrap>
                  <Typography.Text strong>{problem.title}</Typography.Text>
                  <NeedsReviewTag issues={review.get(problem.id)} />
                </Space>
                {problem.description && (
                  <Typography.Paragraph
                    type="secondary"
                    style={{ margin: 0, fontSize: 12, whiteSpace: 'pre-wrap' }}
                  >
                    {problem.description}
                  </Typography.Paragraph>
                )}
              </>
            ),
          },
          {
            title: t('fieldLabel.responsibleDepartment'),
            dataIndex: 'responsibleDepartment',
            width: 140,
          },
          { title: t('fieldLabel.raisedOn'), dataIndex: 'raisedOn', width: 104 },
          {
            title: t('fieldLabel.escalation'),
            dataIndex: 'escalation',
            width: 88,
            render: (level: EscalationLevel) => (
              <Tag color={escalationColors[level]}>{t(`escalation.${level}`)}</Tag>
            ),
          },
          {
            title: t('fieldLabel.status'),
            dataIndex: 'status',
            width: 88,
            render: (status: ProblemStatus) => (
              <Tag color={statusColors[status]}>{t(`problemStatus.${status}`)}</Tag>
            ),
          },
          {
            title: t('fieldLabel.resolution'),
            key: 'resolution',
            render: (_, problem) => (
              <>
                {problem.resolution && (
                  <span style={{ whiteSpace: 'pre-wrap' }}>{problem.resolution}</span>
                )}
                {problem.resolvedOn && (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('problem.resolvedOn', { date: problem.resolvedOn })}
                  </Typography.Text>
                )}
              </>
            ),
          },
          {
            title: t('common.actions'),
            key: 'actions',
            width: 300,
            render: (_, problem) => (
              <Space size={0} wrap>
                {problem.status !== 'resolved' && (
                  <Button type="link" size="small" onClick={() => void markResolved(problem)}>
                    {t('problem.markResolved')}
                  </Button>
                )}
                <Button type="link" size="small" onClick={() => setEditing({ problem })}>
                  {t('common.edit')}
                </Button>
                <DeleteButton onConfirm={() => void remove(problem)} />
                <HistoryButton recordId={problem.id} title={problem.title} />
              </Space>
            ),
          },
        ]}
      />
      <ProblemFormModal
        open={editing !== null}
        projectId={project.id}
        today={today}
        problem={editing?.problem}
        onClose={() => setEditing(null)}
      />
    </Flex>
  );
}
