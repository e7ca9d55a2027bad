import { ArrowLeftOutlined, PrinterOutlined } from '@ant-design/icons';
import { Badge, Button, Empty, Flex, Spin, Tabs, Tag, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { collectDeadlines, worstTier } from '../../../shared/domain/deadlines';
import { recordsNeedingReview } from '../../../shared/domain/record-issues';
import { repositories } from '../../db';
import { useProject } from '../../db/useProjects';
import { useProjectRecords } from '../../db/useProjectRecords';
import { useCalendar, useTeamSettings } from '../../db/useTeamData';
import { tierColors } from '../../ui/DeadlineTag';
import { NeedsReviewCount } from '../../ui/NeedsReviewTag';
import { useToday } from '../../ui/useToday';
import { ApprovalItemsTab } from '../approvals/ApprovalItemsTab';
import { HandlingStepsTab } from '../handling-steps/HandlingStepsTab';
import { MissingItemsTab } from '../missing-items/MissingItemsTab';
import { ProblemsTab } from '../problems/ProblemsTab';
import { levelColors } from './level-colors';
import type { ProjectTabProps } from './project-tab';
import { ProjectOverview } from './ProjectOverview';
import { DeleteButton } from '../../ui/DeleteButton';

const tabs = ['overview', 'items', 'missing', 'steps', 'problems'] as const;
type TabKey = (typeof tabs)[number];

export function ProjectPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { projectId } = useParams();
  const [search, setSearch] = useSearchParams();
  const project = useProject(projectId);
  const records = useProjectRecords(projectId);
  const calendar = useCalendar();
  const { warnWithinWorkingDays } = useTeamSettings();
  const today = useToday();
  const deadlines = useMemo(
    () => (records ? collectDeadlines(records, calendar, today, warnWithinWorkingDays) : []),
    [records, calendar, today, warnWithinWorkingDays],
  );
  const reviewList = useMemo(
    () => (records ? recordsNeedingReview(records, calendar) : []),
    [records, calendar],
  );
  const review = useMemo(
    () => new Map(reviewList.map((entry) => [entry.record.id, entry.issues])),
    [reviewList],
  );

  if (project === undefined || records === undefined) return <Spin />;
  if (project === null) return <Empty description={t('project.notFound')} />;

  const props: ProjectTabProps = {
    project,
    records,
    deadlines,
    calendar,
    today,
    warnWithinWorkingDays,
    review,
  };
  const tab = (tabs as readonly string[]).includes(search.get('tab') ?? '')
    ? (search.get('tab') as TabKey)
    : 'overview';
  const worst = worstTier(deadlines);
  const count = (kind: string) =>
    deadlines.filter((deadline) => deadline.kind === kind && deadline.tier !== 'normal').length;

  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={8}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          aria-label={t('project.backToList')}
          title={t('project.backToList')}
          onClick={() => void navigate('/projects')}
        />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {project.name}
        </Typography.Title>
        <Tag color={levelColors[project.level]}>{t(`level.${project.level}`)}</Tag>
        <Tag>{t(`projectStatus.${project.status}`)}</Tag>
        {worst && worst !== 'normal' && (
          <Tag color={tierColors[worst]} data-testid="project-tier">
            {t(`tier.${worst}`)}
          </Tag>
        )}
        <NeedsReviewCount review={reviewList} />
        <Flex flex={1} justify="end" gap={8}>
          <Button
            icon={<PrinterOutlined />}
            onClick={() => void navigate(`/print/project/${project.id}`)}
          >
            {t('print.printProject')}
          </Button>
          <DeleteButton
            title={t('project.confirmDelete')}
            onConfirm={() =>
              void repositories.projects.remove(project.id).then(() => navigate('/projects'))
            }
            link={false}
          />
        </Flex>
      </Flex>
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearch({ tab: key }, { replace: true })}
        items={[
          {
            key: 'overview',
            label: t('project.tabOverview'),
            // One form per project: moving to another project starts from its own record and draft.
            children: <ProjectOverview key={project.id} project={project} />,
          },
          {
            key: 'items',
            label: (
              <Badge count={count('approvalItem')} size="small" offset={[8, 0]}>
                {t('project.tabItems')}
              </Badge>
            ),
            children: <ApprovalItemsTab {...props} />,
          },
          {
            key: 'missing',
            label: (
              <Badge count={count('missingItem')} size="small" offset={[8, 0]}>
                {t('project.tabMissing')}
              </Badge>
            ),
            children: <MissingItemsTab {...props} />,
          },
          {
            key: 'steps',
            label: (
              <Badge count={count('nextAction')} size="small" offset={[8, 0]}>
                {t('project.tabSteps')}
              </Badge>
            ),
            children: <HandlingStepsTab {...props} />,
          },
          {
            key: 'problems',
            label: t('project.tabProblems'),
            children: <ProblemsTab {...props} />,
          },
        ]}
      />
    </Flex>
  );
}
