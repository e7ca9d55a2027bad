// Type-only: erased from the build, so this module runs (and is tested) without Electron.
import type { MenuItemConstructorOptions } from 'electron';

export const holidayNoticesUrl = 'https://www.gov.cn/zhengce/xxgk/';

export type MenuOptions = {
  /** 开发者工具 is offered in development builds only (see main.ts for how that is decided). */
  devTools: boolean;
  openDataFolder: () => void;
  openHolidayNotices: () => void;
  showAbout: () => void;
};

/** The Chinese application menu: standard roles, so shortcuts behave as on every desktop app. */
export function applicationMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  return [
    {
      label: '文件',
      submenu: [
        { label: '打开数据文件夹', click: options.openDataFolder },
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
        ...(options.devTools
          ? [{ role: 'toggleDevTools', label: '开发者工具' } satisfies MenuItemConstructorOptions]
          : []),
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
        { label: '国务院节假日安排通知', click: options.openHolidayNotices },
        { label: '关于帮代通', click: options.showAbout },
      ],
    },
  ];
}
