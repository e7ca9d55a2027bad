import { App, Button, Card, Form, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repositories } from '../../db';
import { useTeamSettings } from '../../db/useTeamData';
import { writeErrorText } from '../../ui/write-error';

const maxWarnDays = 30;

/** 预警设置: how many working days before a due date the tier turns from 正常 to 预警. */
export function WarningSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const settings = useTeamSettings();
  // What the user typed; undefined while untouched, so the stored value shows as soon as it has
  // loaded and whenever sync changes it.
  const [typed, setTyped] = useState<number | null>();
  const days = typed === undefined ? settings.warnWithinWorkingDays : typed;
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);

  async function submit() {
    if (days === null) {
      setError(t('validation.required'));
      return;
    }
    setError(undefined);
    setSaving(true);
    try {
      await repositories.updateTeamSettings({ warnWithinWorkingDays: days });
      setTyped(undefined);
      void message.success(t('teamSettings.warning.saved'));
    } catch (caught) {
      void message.error(writeErrorText(caught, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('teamSettings.warning.title')}>
      <Form layout="inline" onFinish={() => void submit()}>
        <Form.Item
          label={t('teamSettings.warning.days')}
          htmlFor="warn-within-working-days"
          validateStatus={error ? 'error' : undefined}
          help={error}
        >
          <Space>
            <InputNumber
              id="warn-within-working-days"
              min={0}
              max={maxWarnDays}
              precision={0}
              value={days}
              onChange={(value) => setTyped(value)}
              style={{ width: 80 }}
            />
            <span>{t('teamSettings.warning.daysSuffix')}</span>
          </Space>
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          loading={saving}
          disabled={days === settings.warnWithinWorkingDays}
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
