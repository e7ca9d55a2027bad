import { app, dialog, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import { isTrustedExternalUrl } from './trusted-url';

const holidayNotices = 'https://www.gov.cn/zhengce/xxgk/';

/** The Chinese application menu: standard roles, so shortcuts behave as on every desktop app. */
export function installApplicationMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: () => void shell.openPath(app.getPath('userData')) },
        { type: 'separator' },
        { role: 'quit', label: '退出' },
      ],
    },
    {
      label: '编辑',
      submenu: [
        { role: 'undo', label: '撤销' },
        { role: 'redo', label: '重做' },
        { type: 'separator' },
        { role: 'cut', label: '剪切' },
        { role: 'copy', label: '复制' },
        { role: 'paste', label: '粘贴' },
        { role: 'selectAll', label: '全选' },
      ],
    },
    {
      label: '视图',
      submenu: [
        { role: 'reload', label: '重新加载' },
        { role: 'toggleDevTools', label: '开发者工具' },
        { type: 'separator' },
        { role: 'resetZoom', label: '实际大小' },
        { role: 'zoomIn', label: '放大' },
        { role: 'zoomOut', label: '缩小' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: '全屏' },
      ],
    },
    {
      label: '帮助',
      submenu: [
        {
          label: '国务院节假日安排通知',
          click: () => {
            if (isTrustedExternalUrl(holidayNotices)) void shell.openExternal(holidayNotices);
          },
        },
        {
          label: '关于帮代通',
          click: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: '关于帮代通',
              message: `帮代通 Daiban Desk ${app.getVersion()}`,
              detail: `重点项目帮办代办跟踪。\n数据位置：${app.getPath('userData')}`,
            }),
        },
      ],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
