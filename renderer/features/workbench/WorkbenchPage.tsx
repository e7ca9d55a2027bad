import { Card, Col, List, Row, Statistic, Tag, Typography } from 'antd';
import { format } from 'date-fns';
import { useTranslation } from 'react-i18next';
import { projectLevels } from '../../../shared/domain/project';
import { useProjects } from '../../db/useProjects';
import { levelColors } from '../projects/level-colors';

export function WorkbenchPage() {
  const { t } = useTranslation();
  const projects = useProjects();
  const loading = projects === undefined;

  return (
    <>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('workbench.title')}
      </Typography.Title>
      <Row gutter={12}>
        <Col span={6}>
          <Card size="small" loading={loading}>
            <Statistic title={t('workbench.projectCount')} value={projects?.length ?? 0} />
          </Card>
        </Col>
        {projectLevels.map((level) => (
          <Col span={6} key={level}>
            <Card size="small" loading={loading}>
              <Statistic
                title={t(`level.${level}`)}
                value={projects?.filter((project) => project.level === level).length ?? 0}
              />
            </Card>
          </Col>
        ))}
      </Row>
      <Card size="small" title={t('workbench.recent')} style={{ marginTop: 12 }}>
        <List
          size="small"
          loading={loading}
          dataSource={projects?.slice(0, 10)}
          locale={{ emptyText: t('workbench.none') }}
          renderItem={(project) => (
            <List.Item
              extra={format(new Date(project.updatedAt), 'yyyy-MM-dd HH:mm')}
              key={project.id}
            >
              <Tag color={levelColors[project.level]}>{t(`level.${project.level}`)}</Tag>
              {project.name}
              <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
                {project.ownerCompany}
              </Typography.Text>
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
