import { App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { repositories } from '../../db';
import { useTeamSettings } from '../../db/useTeamData';
import { ChangedUnderneathAlert } from '../../ui/ChangedUnderneathAlert';
import { useRecordForm } from '../../ui/useRecordForm';

const maxWarnDays = 30;

type WarningValues = { warnWithinWorkingDays: number | null };

/** 预警设置: how many working days before a due date the tier turns from 正常 to 预警. */
export function WarningSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useTeamSettings();
  const [form] = Form.useForm<WarningValues>();
  const stored = useMemo(
    () => ({ warnWithinWorkingDays: settings.warnWithinWorkingDays }),
    [settings.warnWithinWorkingDays],
  );
  const editor = useRecordForm({ form, draftKey: 'teamSettings.warning', stored });
  const typed = Form.useWatch('warnWithinWorkingDays', form);
  const days = typed === undefined ? settings.warnWithinWorkingDays : typed;

  async function submit() {
    const outcome = await editor.save({
      toRecord: (values) => values,
      validate: ({ warnWithinWorkingDays }) => {
        if (warnWithinWorkingDays === null || warnWithinWorkingDays === undefined) {
          form.setFields([{ name: 'warnWithinWorkingDays', errors: [t('validation.required')] }]);
          return null;
        }
        return { warnWithinWorkingDays };
      },
      write: (_input, patch) => repositories.updateTeamSettings(patch),
    });
    if (outcome === 'saved') void message.success(t('teamSettings.warning.saved'));
  }

  return (
    <Card size="small" title={t('teamSettings.warning.title')}>
      <ChangedUnderneathAlert
        editor={editor}
        labels={{ warnWithinWorkingDays: t('teamSettings.warning.days') }}
      />
      <Form
        form={form}
        name="warning"
        layout="inline"
        onValuesChange={editor.onValuesChange}
        onFinish={() => void submit()}
      >
        <Form.Item label={t('teamSettings.warning.days')} htmlFor="warn-within-working-days">
          <Space>
            <Form.Item name="warnWithinWorkingDays" noStyle>
              <InputNumber
                id="warn-within-working-days"
                min={0}
                max={maxWarnDays}
                precision={0}
                style={{ width: 80 }}
              />
            </Form.Item>
            <span>{t('teamSettings.warning.daysSuffix')}</span>
          </Space>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={editor.saving}
          disabled={editor.changed.length === 0}
        >
          {t('common.save')}
        </Button>
      </Form>
      <Typography.Paragraph
        type="secondary"
        style={{ margin: '8px 0 0' }}
        data-testid="warn-explain"
      >
        {t('teamSettings.warning.explain', { count: days ?? settings.warnWithinWorkingDays })}
      </Typography.Paragraph>
    </Card>
  );
}
