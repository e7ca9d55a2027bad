import { App, Button, Card, Form, Input, Space, Typography } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { actorSchema, type Actor } from '../../../shared/domain/change';
import { repositories } from '../../db';
import { useActor } from '../../db/useActor';
import { ChangedUnderneathAlert } from '../../ui/ChangedUnderneathAlert';
import { parseForm } from '../../ui/form-issues';
import { useRecordForm } from '../../ui/useRecordForm';

/** 我的信息: who this install belongs to, stamped on every change it makes. */
export function MyInfoSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Actor>();
  const actor = useActor();
  // Behind the first-start gate there is always a user: null is only the moment before it loads.
  const stored = useMemo(
    () => (actor ? { name: actor.name, unit: actor.unit } : undefined),
    [actor],
  );
  const editor = useRecordForm({ form, draftKey: 'myInfo', stored });

  async function submit() {
    const outcome = await editor.save({
      toRecord: (values) => values,
      validate: (values) => parseForm(form, actorSchema, values, t),
      // The user is one record of two fields, written whole: the other field is the stored one.
      write: (input, patch) => repositories.saveActor({ ...(actor ?? input), ...patch }),
    });
    if (outcome === 'saved') void message.success(t('teamSettings.myInfo.saved'));
  }

  return (
    <Card size="small" title={t('teamSettings.myInfo.title')}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t('teamSettings.myInfo.intro')}
      </Typography.Paragraph>
      <ChangedUnderneathAlert
        editor={editor}
        labels={{ name: t('teamSettings.myInfo.name'), unit: t('teamSettings.myInfo.unit') }}
      />
      <Form
        form={form}
        name="myInfo"
        layout="inline"
        onValuesChange={editor.onValuesChange}
        onFinish={() => void submit()}
        aria-label={t('teamSettings.myInfo.title')}
      >
        <Form.Item name="name" label={t('teamSettings.myInfo.name')} required>
          <Input style={{ width: 140 }} />
        </Form.Item>
        <Form.Item name="unit" label={t('teamSettings.myInfo.unit')} required>
          <Input style={{ width: 220 }} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={editor.saving}
            disabled={editor.changed.length === 0}
          >
            {t('common.save')}
          </Button>
        </Space>
      </Form>
    </Card>
  );
}
