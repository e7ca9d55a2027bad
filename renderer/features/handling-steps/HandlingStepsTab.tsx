import { LinkOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Checkbox,
  Empty,
  Flex,
  Modal,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deadline } from '../../../shared/domain/deadlines';
import type { HandlingStep, StepKind } from '../../../shared/domain/handling-step';
import { repositories } from '../../db';
import { DeadlineTag, tierColors } from '../../ui/DeadlineTag';
import { HistoryButton } from '../../ui/HistoryButton';
import { NeedsReviewTag } from '../../ui/NeedsReviewTag';
import type { ProjectTabProps } from '../projects/project-tab';
import { StepForm } from './StepForm';
import { DeleteButton } from '../../ui/DeleteButton';
import { writeErrorText } from '../../ui/write-error';
import { useOpenLinked } from '../projects/open-linked';

const kindColors: Record<StepKind, string> = {
  consult: 'default',
  precheck: 'cyan',
  submit: 'blue',
  coordinate: 'purple',
  siteVisit: 'gold',
  collectCertificate: 'green',
  meeting: 'magenta',
  other: 'default',
};

/** 办理记录: what the helper-agents did for the project, newest first, and what comes next. */
export function HandlingStepsTab({ project, records, deadlines, today, review }: ProjectTabProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<HandlingStep | null>(null);
  const closeEditing = useRef<(() => void) | null>(null);
  useOpenLinked(records.handlingSteps, setEditing);

  const itemNames = useMemo(
    () => new Map(records.approvalItems.map((item) => [item.id, item.name])),
    [records.approvalItems],
  );
  const deadlineOf = useMemo(() => {
    const byRecord = new Map<string, Deadline>();
    for (const deadline of deadlines) {
      if (deadline.kind === 'nextAction') byRecord.set(deadline.recordId, deadline);
    }
    return byRecord;
  }, [deadlines]);

  async function setDone(step: HandlingStep, done: boolean) {
    try {
      await repositories.handlingSteps.update(step.id, { nextActionDone: done });
      void message.success(
        t(done ? 'step.markedDone' : 'step.markedUndone', { action: step.nextAction }),
      );
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
  }

  async function remove(step: HandlingStep) {
    try {
      await repositories.handlingSteps.remove(step.id);
      void message.success(t('common.deleted'));
    } catch (error) {
      void message.error(writeErrorText(error, t));
    }
  }

  function renderStep(step: HandlingStep) {
    const deadline = deadlineOf.get(step.id);
    const itemName = step.approvalItemId
      ? (itemNames.get(step.approvalItemId) ?? t('step.unknownItem'))
      : null;
    return (
      <Flex vertical gap={2} data-testid="handling-step">
        <Flex gap={8} align="center" wrap>
          <Typography.Text strong>{step.on}</Typography.Text>
          <Tag color={kindColors[step.kind]}>{t(`stepKind.${step.kind}`)}</Tag>
          <Typography.Text type="secondary">{step.by}</Typography.Text>
          {itemName && <Tag icon={<LinkOutlined />}>{itemName}</Tag>}
          <NeedsReviewTag issues={review.get(step.id)} />
          <Flex flex={1} justify="end">
            <Space size={0}>
              <Button type="link" size="small" onClick={() => setEditing(step)}>
                {t('common.edit')}
              </Button>
              <DeleteButton onConfirm={() => void remove(step)} />
              <HistoryButton
                recordId={step.id}
                title={`${step.on} ${t(`stepKind.${step.kind}`)}`}
              />
            </Space>
          </Flex>
        </Flex>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
          {step.summary}
        </Typography.Paragraph>
        {step.nextAction && (
          <Flex gap={8} align="center" wrap>
            <Checkbox
              checked={step.nextActionDone}
              aria-label={t('fieldLabel.nextActionDone')}
              onChange={(event) => void setDone(step, event.target.checked)}
            >
              {t('fieldLabel.nextAction')}：
            </Checkbox>
            <Typography.Text delete={step.nextActionDone}>{step.nextAction}</Typography.Text>
            {step.nextActionDone ? (
              <Tag color="success">{t('step.done')}</Tag>
            ) : deadline ? (
              <DeadlineTag deadline={deadline} />
            ) : null}
          </Flex>
        )}
      </Flex>
    );
  }

  const openActions = records.handlingSteps.filter(
    (step) => step.nextAction && !step.nextActionDone,
  ).length;

  return (
    <Flex vertical gap={12}>
      <Card size="small" title={t('step.formTitle')}>
        <StepForm projectId={project.id} approvalItems={records.approvalItems} today={today} />
      </Card>
      {records.handlingSteps.length === 0 ? (
        <Empty description={t('step.empty')} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {t('step.openActions', { count: openActions })}
          </Typography.Text>
          <Timeline
            items={records.handlingSteps.map((step) => {
              const deadline = deadlineOf.get(step.id);
              return {
                key: step.id,
                // The dot carries the next action's tier, so an overdue promise stands out.
                color: deadline ? tierColors[deadline.tier] : 'gray',
                content: renderStep(step),
              };
            })}
          />
        </>
      )}
      <Modal
        open={editing !== null}
        title={t('step.editTitle')}
        footer={null}
        width={880}
        // Esc, × and 取消 alike: unsaved changes are asked about first.
        onCancel={() => (closeEditing.current ? closeEditing.current() : setEditing(null))}
        destroyOnHidden
      >
        {editing && (
          <StepForm
            projectId={project.id}
            approvalItems={records.approvalItems}
            today={today}
            step={editing}
            onDone={() => setEditing(null)}
            closeRef={closeEditing}
          />
        )}
      </Modal>
    </Flex>
  );
}
