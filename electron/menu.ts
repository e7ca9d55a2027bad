import { app, dialog, Menu, shell } from 'electron';
import { applicationMenuTemplate, holidayNoticesUrl } from './menu-template';
import { isTrustedExternalUrl } from './trusted-url';

export function installApplicationMenu(devTools: boolean): void {
  const template = applicationMenuTemplate({
    devTools,
    openDataFolder: () => void shell.openPath(app.getPath('userData')),
    openHolidayNotices: () => {
      if (isTrustedExternalUrl(holidayNoticesUrl)) void shell.openExternal(holidayNoticesUrl);
    },
    showAbout: () =>
      void dialog.showMessageBox({
        type: 'info',
        title: '关于帮代通',
        message: `帮代通 Daiban Desk ${app.getVersion()}`,
        detail: `重点项目帮办代办跟踪。\n数据位置：${app.getPath('userData')}`,
      }),
  });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
