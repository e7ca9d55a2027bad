import { App, Card, Flex, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repositories } from '../../db';
import { useTeamSettings } from '../../db/useTeamData';
import { writeErrorText } from '../../ui/write-error';

/**
 * 设置 → 常规 → 同步文件: whether the team imports only sealed sync files. A team setting: it
 * travels to the other computers like any other change, and takes effect on each as it arrives.
 */
export function SealedFilesSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const required = useTeamSettings().requireSealedFiles === true;
  const [saving, setSaving] = useState(false);

  async function change(checked: boolean) {
    setSaving(true);
    try {
      await repositories.updateTeamSettings({ requireSealedFiles: checked });
      void message.success(t(checked ? 'teamSettings.sealed.on' : 'teamSettings.sealed.off'));
    } catch (error) {
      void message.error(writeErrorText(error, t));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card size="small" title={t('teamSettings.sealed.title')}>
      <Flex gap={8} align="center">
        <Switch
          id="require-sealed-files"
          checked={required}
          loading={saving}
          onChange={(checked) => void change(checked)}
        />
        <label htmlFor="require-sealed-files">{t('teamSettings.sealed.label')}</label>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('teamSettings.sealed.explain')}
      </Typography.Paragraph>
    </Card>
  );
}
