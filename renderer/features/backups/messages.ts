/** Strings of 备份与恢复: Chinese first, English typed against it. */
const zhCN = {
  backup: {
    tab: '备份与恢复',
    title: '备份与恢复',
    desktopIntro:
      '本机每天第一次打开时自动备份全部数据，每次导入数据文件和从备份恢复之前也会先备份。保留最近 24 小时内的全部备份，以及最近 7 天每天一份、最近 4 周每周一份、最近 12 个月每月一份。',
    browserIntro:
      '在浏览器中使用时，备份以下载文件的形式保存（浏览器不能自动写入文件夹）。清除浏览数据会删除本应用的全部数据，请至少每周备份一次，并把备份文件妥善保存。',
    folder: '备份文件夹：{{folder}}',
    backupNow: '立即备份',
    revealFolder: '打开备份文件夹',
    restoreFromFile: '从备份文件恢复…',
    restore: '恢复',
    empty: '还没有备份',
    columns: {
      createdAt: '备份时间',
      reason: '类型',
      size: '大小',
      counts: '记录数',
    },
    reason: {
      daily: '每日自动',
      manual: '手动',
      beforeImport: '导入前自动',
      beforeRestore: '恢复前自动',
    },
    countsUnknown: '—',
    saved: '已备份：{{name}}',
    savedDownload: '已备份，文件已下载：{{name}}',
    failed: '备份失败：{{message}}',
    autoFailedTitle: '自动备份失败',
    autoFailed:
      '今天的自动备份没有成功：{{message}}。数据仍在本机，请到“设置 → 备份与恢复”点“立即备份”重试。',
    reminderTitle: '已超过 7 天没有备份',
    reminderNever: '本浏览器还没有做过备份。浏览器中的数据可能因清除浏览数据而丢失，请立即备份。',
    reminderOld: '上次备份是在 {{date}}。浏览器中的数据可能因清除浏览数据而丢失，请立即备份。',
    beforeImportFailed: '导入前的自动备份没有成功，因此没有导入：{{message}}',
    restoreTitle: '从备份恢复：{{name}}',
    restoreIntro:
      '恢复会用备份中的数据替换本机的全部数据：备份之后新建的记录将被移除，修改过的记录回到备份时的样子。恢复前会先备份当前数据。',
    restoreColumns: {
      kind: '数据',
      current: '现有',
      backup: '备份中',
      restored: '将恢复',
      changed: '将改回',
      removed: '将移除',
    },
    confirmRestore: '备份当前数据并恢复',
    restored: '已从 {{name}} 恢复（{{count}} 条记录有变化）',
    nothingToRestore: '本机数据与备份“{{name}}”完全相同，无需恢复。',
    badBackup: '无法从“{{name}}”恢复：{{reason}}。本机数据没有任何改动。',
    beforeRestoreFailed: '恢复前的备份没有成功，因此没有恢复：{{message}}',
  },
};

const en: typeof zhCN = {
  backup: {
    tab: 'Backups',
    title: 'Backups and restore',
    desktopIntro:
      'All data is backed up automatically the first time the app opens each day, and before every data-file import and restore. Kept: every backup of the last 24 hours, one a day for the last 7 days, one a week for the last 4 weeks, one a month for the last 12 months.',
    browserIntro:
      'In a browser, backups are downloaded files (a browser cannot write to a folder by itself). Clearing browsing data deletes all of this app’s data: back up at least once a week and keep the files safe.',
    folder: 'Backups folder: {{folder}}',
    backupNow: 'Back up now',
    revealFolder: 'Open backups folder',
    restoreFromFile: 'Restore from a backup file…',
    restore: 'Restore',
    empty: 'No backups yet',
    columns: {
      createdAt: 'Made',
      reason: 'Kind',
      size: 'Size',
      counts: 'Records',
    },
    reason: {
      daily: 'Daily',
      manual: 'Manual',
      beforeImport: 'Before import',
      beforeRestore: 'Before restore',
    },
    countsUnknown: '—',
    saved: 'Backed up: {{name}}',
    savedDownload: 'Backed up, file downloaded: {{name}}',
    failed: 'Backup failed: {{message}}',
    autoFailedTitle: 'Automatic backup failed',
    autoFailed:
      'Today’s automatic backup did not succeed: {{message}}. Your data is still here; retry with “Back up now” under Settings → Backups.',
    reminderTitle: 'No backup for more than 7 days',
    reminderNever:
      'This browser has never made a backup. Data in a browser can be lost when browsing data is cleared: back up now.',
    reminderOld:
      'The last backup was made on {{date}}. Data in a browser can be lost when browsing data is cleared: back up now.',
    beforeImportFailed: 'The backup before importing failed, so nothing was imported: {{message}}',
    restoreTitle: 'Restore from {{name}}',
    restoreIntro:
      'Restoring replaces all data on this computer with the backup’s: records made since are removed, changed records return to how they were. The current data is backed up first.',
    restoreColumns: {
      kind: 'Data',
      current: 'Now',
      backup: 'In backup',
      restored: 'Brought back',
      changed: 'Changed back',
      removed: 'Removed',
    },
    confirmRestore: 'Back up current data and restore',
    restored: 'Restored from {{name}} ({{count}} records changed)',
    nothingToRestore: 'The data here is the same as in “{{name}}”: nothing to restore.',
    badBackup: 'Cannot restore from “{{name}}”: {{reason}}. Nothing here was changed.',
    beforeRestoreFailed: 'The backup before restoring failed, so nothing was restored: {{message}}',
  },
};

export const backupMessages = { zhCN, en };
