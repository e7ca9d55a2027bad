import { PlusOutlined } from '@ant-design/icons';
import {
  Button,
  Checkbox,
  Col,
  Divider,
  Form,
  Input,
  Row,
  Select,
  Space,
  type FormInstance,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  landStatuses,
  projectCategories,
  projectLevels,
  projectStatuses,
  type ProjectInput,
} from '../../../shared/domain/project';
import { stages } from '../../../shared/domain/stages';
import { repositories } from '../../db';
import { useHelperAgents } from '../../db/useTeamData';
import { AmountInput } from '../../ui/AmountInput';
import { DateInput } from '../../ui/DateInput';

type Props = {
  form: FormInstance<ProjectInput>;
  onValuesChange?: () => void;
  onSubmit: () => void;
};

/** Adds a helper-agent by name without leaving the form. */
function AddAgent({ onAdded }: { onAdded: (id: string) => void }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const add = async () => {
    if (!name.trim()) return;
    const agent = await repositories.helperAgents.create({
      name,
      unit: '',
      phone: '',
      active: true,
    });
    setName('');
    onAdded(agent.id);
  };
  return (
    <Space style={{ padding: '4px 8px' }}>
      <Input
        size="small"
        placeholder={t('project.newAgentName')}
        value={name}
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => event.stopPropagation()}
        onPressEnter={() => void add()}
      />
      <Button size="small" icon={<PlusOutlined />} onClick={() => void add()}>
        {t('project.addAgent')}
      </Button>
    </Space>
  );
}

/** Every field of a key project, dense, in the order staff fill them from the paper file. */
export function ProjectForm({ form, onValuesChange, onSubmit }: Props) {
  const { t } = useTranslation();
  const agents = useHelperAgents();
  const options = <T extends string>(values: readonly T[], prefix: string) =>
    values.map((value) => ({ value, label: t(`${prefix}.${value}`) }));
  const label = (field: keyof ProjectInput) => t(`fieldLabel.${field}`);

  return (
    <Form
      form={form}
      // Field ids get this prefix, unlike any other form that opens over a project page.
      name="project"
      layout="vertical"
      size="small"
      onValuesChange={onValuesChange}
      onFinish={onSubmit}
      requiredMark
    >
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="name" label={t('project.name')} required>
            <Input autoFocus placeholder={t('project.namePlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="code" label={label('code')}>
            <Input placeholder="2611-xxxxxx-04-01-xxxxxx" />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="status" label={label('status')} required>
            <Select options={options(projectStatuses, 'projectStatus')} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="ownerCompany" label={t('project.ownerCompany')} required>
            <Input placeholder={t('project.ownerPlaceholder')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="ownerContact" label={label('ownerContact')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="ownerPhone" label={label('ownerPhone')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="level" label={t('project.level')} required>
            <Select options={options(projectLevels, 'level')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="category" label={label('category')} required>
            <Select options={options(projectCategories, 'category')} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="totalInvestment" label={label('totalInvestment')}>
            <AmountInput
              aria-label={label('totalInvestment')}
              placeholder={t('project.investmentPlaceholder')}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="site" label={label('site')}>
            <Input />
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
        {t('project.landAndDates')}
      </Divider>
      <Row gutter={12}>
        <Col span={6}>
          <Form.Item name="landStatus" label={label('landStatus')} required>
            <Select options={options(landStatuses, 'landStatus')} />
          </Form.Item>
        </Col>
        {(
          [
            'landDealOn',
            'landDeliveredOn',
            'constructionPermitOn',
            'worksStartOn',
            'completedOn',
          ] as const
        ).map((field) => (
          <Col span={field === 'completedOn' ? 6 : 6} key={field}>
            <Form.Item name={field} label={label(field)}>
              <DateInput aria-label={label(field)} />
            </Form.Item>
          </Col>
        ))}
        <Col span={12}>
          <Form.Item label={t('project.approach')}>
            <Space>
              <Form.Item name="startOnLandDeal" valuePropName="checked" noStyle>
                <Checkbox>{label('startOnLandDeal')}</Checkbox>
              </Form.Item>
              <Form.Item name="landWithDesign" valuePropName="checked" noStyle>
                <Checkbox>{label('landWithDesign')}</Checkbox>
              </Form.Item>
            </Space>
          </Form.Item>
        </Col>
      </Row>
      <Divider titlePlacement="start" plain style={{ margin: '4px 0 8px' }}>
        {t('project.agency')}
      </Divider>
      <Row gutter={12}>
        <Col span={12}>
          <Form.Item name="helperAgentIds" label={t('project.helperAgent')}>
            <Select
              mode="multiple"
              aria-label={t('project.helperAgent')}
              optionFilterProp="label"
              options={agents?.map((agent) => ({
                value: agent.id,
                label: agent.unit ? `${agent.name}（${agent.unit}）` : agent.name,
                disabled: !agent.active,
              }))}
              popupRender={(menu) => (
                <>
                  {menu}
                  <Divider style={{ margin: '4px 0' }} />
                  <AddAgent
                    onAdded={(id) => {
                      form.setFieldValue('helperAgentIds', [
                        ...((form.getFieldValue('helperAgentIds') as string[] | undefined) ?? []),
                        id,
                      ]);
                      // Set by code, so the form does not report it: the draft must hear of it.
                      onValuesChange?.();
                    }}
                  />
                </>
              )}
            />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="leaderInCharge" label={label('leaderInCharge')}>
            <Input />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item name="attorneySignedOn" label={label('attorneySignedOn')}>
            <DateInput aria-label={label('attorneySignedOn')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="attorneyStages" label={label('attorneyStages')}>
            <Checkbox.Group options={options(stages, 'stage')} />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="notes" label={label('notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Col>
      </Row>
    </Form>
  );
}
