/** Strings of 提醒: Chinese first, English typed against it. */
const zhCN = {
  reminders: {
    title: '桌面提醒',
    enabled: '审批事项、容缺材料或下一步进入“预警”或“逾期”时弹出桌面通知',
    explain:
      '每项记录的预警、逾期各提醒一次；软件关闭期间发生的变化在下次打开时汇总为一条通知。点击通知即打开对应记录。此设置只对本机有效。',
    browserNote: '在浏览器中使用时，第一次提醒前浏览器会询问是否允许通知。',
    on: '已开启桌面提醒',
    off: '已关闭桌面提醒',
  },
};

const en: typeof zhCN = {
  reminders: {
    title: 'Desktop reminders',
    enabled: 'Notify when an approval item, missing item or next action turns due soon or overdue',
    explain:
      'Each record is reminded of once per tier; what changed while the app was closed comes as one summary when it opens. Clicking a reminder opens the record. This setting is for this computer only.',
    browserNote: ' In a browser, it asks whether to allow notifications before the first reminder.',
    on: 'Desktop reminders on',
    off: 'Desktop reminders off',
  },
};

export const reminderMessages = { zhCN, en };
