import { App, Card, Flex, Switch, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setRemindersEnabled, useRemindersEnabled } from '../../db/reminders';
import { bridge } from '../../platform/bridge';

/** 设置 → 常规 → 桌面提醒: reminders on or off, on this computer. */
export function RemindersSection() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const enabled = useRemindersEnabled();
  const [inBrowser, setInBrowser] = useState(false);

  useEffect(() => {
    void bridge.appInfo().then((info) => setInBrowser(info.platform === 'browser'));
  }, []);

  return (
    <Card size="small" title={t('reminders.title')}>
      <Flex gap={8} align="center">
        <Switch
          id="reminders-enabled"
          checked={enabled ?? true}
          loading={enabled === undefined}
          onChange={(checked) =>
            void setRemindersEnabled(checked).then(
              () => void message.success(t(checked ? 'reminders.on' : 'reminders.off')),
            )
          }
        />
        <label htmlFor="reminders-enabled">{t('reminders.enabled')}</label>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
        {t('reminders.explain')}
        {inBrowser && t('reminders.browserNote')}
      </Typography.Paragraph>
    </Card>
  );
}
