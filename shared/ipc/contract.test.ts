import { describe, expect, it } from 'vitest';
import {
  backupNameSchema,
  bridgeMethods,
  ipcChannels,
  jsonFileNameSchema,
  maxJsonFileBytes,
  openJsonFileRequestSchema,
  pdfFileNameSchema,
  printToPdfRequestSchema,
  readBackupRequestSchema,
  revealFileRequestSchema,
  saveBackupRequestSchema,
  saveJsonFileRequestSchema,
  saveXlsxFileRequestSchema,
} from './contract';

const accepts = (schema: { safeParse(value: unknown): { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('bridge methods', () => {
  it('each has its own channel, named domain:verb, from the channel list', () => {
    const channels = Object.values(bridgeMethods).map((method) => method.channel);
    expect(new Set(channels).size).toBe(channels.length);
    expect(new Set(channels)).toEqual(new Set(Object.values(ipcChannels)));
    for (const channel of channels) expect(channel).toMatch(/^[a-z]+:[a-z-]+$/);
  });

  it.each(['appInfo', 'listBackups', 'revealBackups'] as const)(
    '%s takes no argument at all',
    (method) => {
      const { request } = bridgeMethods[method];
      expect(accepts(request, undefined)).toBe(true);
      expect(accepts(request, {})).toBe(false);
      expect(accepts(request, null)).toBe(false);
      expect(accepts(request, 'x')).toBe(false);
    },
  );
});

describe('plain *.json file names (saveJsonFile.suggestedName)', () => {
  it.each(['帮代通数据-20260105.json', 'a.json', 'DATA.JSON', '项目 台账 (1).json'])(
    'accepts %s',
    (name) => expect(accepts(jsonFileNameSchema, name)).toBe(true),
  );

  it.each([
    ['a folder', 'exports/data.json'],
    ['a parent folder', '../data.json'],
    ['a Windows path', 'C:\\Users\\data.json'],
    ['a drive', 'C:data.json'],
    ['a control character', 'da\u0007ta.json'],
    ['a newline', 'data\n.json'],
    ['a NUL', 'data\u0000.json'],
    ['another extension', 'data.txt'],
    ['.json after a NUL', 'data.exe\u0000.json'],
    ['a name that is only the extension', '.json'],
    ['wildcards', 'da*ta?.json'],
    ['over 200 characters', `${'名'.repeat(196)}.json`],
  ])('refuses %s', (_case, name) => expect(accepts(jsonFileNameSchema, name)).toBe(false));
});

describe('openJsonFile', () => {
  it('takes a title of at most 200 characters', () => {
    expect(accepts(openJsonFileRequestSchema, { title: '打开数据文件' })).toBe(true);
    expect(accepts(openJsonFileRequestSchema, { title: 'x'.repeat(200) })).toBe(true);
    expect(accepts(openJsonFileRequestSchema, { title: 'x'.repeat(201) })).toBe(false);
    expect(accepts(openJsonFileRequestSchema, {})).toBe(false);
    expect(accepts(openJsonFileRequestSchema, { title: 3 })).toBe(false);
    expect(accepts(openJsonFileRequestSchema, undefined)).toBe(false);
  });
});

describe('saveJsonFile', () => {
  const valid = { title: '导出', suggestedName: 'data.json', text: '{}' };

  it('accepts a title, a plain name and text up to the limit', () => {
    expect(accepts(saveJsonFileRequestSchema, valid)).toBe(true);
    // repeat() builds a rope: no 256 MiB buffer is allocated to check the length.
    expect(
      accepts(saveJsonFileRequestSchema, { ...valid, text: 'x'.repeat(maxJsonFileBytes) }),
    ).toBe(true);
  });

  it('refuses oversized text, a path for a name, and missing fields', () => {
    expect(
      accepts(saveJsonFileRequestSchema, { ...valid, text: 'x'.repeat(maxJsonFileBytes + 1) }),
    ).toBe(false);
    expect(accepts(saveJsonFileRequestSchema, { ...valid, suggestedName: '../../x.json' })).toBe(
      false,
    );
    expect(accepts(saveJsonFileRequestSchema, { ...valid, suggestedName: 'x\r.json' })).toBe(false);
    expect(accepts(saveJsonFileRequestSchema, { title: '导出', suggestedName: 'data.json' })).toBe(
      false,
    );
    expect(accepts(saveJsonFileRequestSchema, { ...valid, text: new Uint8Array(2) })).toBe(false);
  });

  it('drops keys the contract does not name, so a handler never sees them', () => {
    const parsed = saveJsonFileRequestSchema.parse({ ...valid, path: '/etc/passwd' });
    expect(parsed).toEqual(valid);
  });
});

describe('saveXlsxFile', () => {
  const valid = {
    title: '导出台账',
    suggestedName: '重点项目台账-20261130.xlsx',
    bytes: new Uint8Array([0x50, 0x4b, 3, 4]),
  };
  it('takes bytes and a plain *.xlsx name', () => {
    expect(accepts(saveXlsxFileRequestSchema, valid)).toBe(true);
    expect(accepts(saveXlsxFileRequestSchema, { ...valid, bytes: 'PK' })).toBe(false);
    expect(accepts(saveXlsxFileRequestSchema, { ...valid, suggestedName: '台账.json' })).toBe(
      false,
    );
    expect(accepts(saveXlsxFileRequestSchema, { ...valid, suggestedName: '../台账.xlsx' })).toBe(
      false,
    );
  });
});

describe('revealFile', () => {
  it('takes a path of 1 to 4096 characters', () => {
    expect(accepts(revealFileRequestSchema, { path: '/home/u/data.json' })).toBe(true);
    expect(accepts(revealFileRequestSchema, { path: 'C:\\数据\\data.json' })).toBe(true);
    expect(accepts(revealFileRequestSchema, { path: '' })).toBe(false);
    expect(accepts(revealFileRequestSchema, { path: 'x'.repeat(4097) })).toBe(false);
    expect(accepts(revealFileRequestSchema, { path: ['/a'] })).toBe(false);
  });
});

describe('backup names', () => {
  it.each([
    '帮代通备份-20260105-093000.json',
    '帮代通备份-20260105-093000-1.json',
    '帮代通备份-20261231-235959-999.json',
  ])('accepts %s', (name) => {
    expect(accepts(backupNameSchema, name)).toBe(true);
    expect(accepts(readBackupRequestSchema, { name })).toBe(true);
  });

  it.each([
    '../帮代通备份-20260105-093000.json',
    '..\\帮代通备份-20260105-093000.json',
    'backups/帮代通备份-20260105-093000.json',
    '帮代通备份-20260105-093000.json/../../x.json',
    '帮代通备份-20260105-093000.json\n',
    '帮代通备份-20260105-093000.json\u0000',
    '帮代通备份-20260105-093000-1000.json',
    '帮代通备份-2026015-093000.json',
    '帮代通备份-20260105-093000.JSON',
    '.backups-index.json',
    'data.json',
    '',
  ])('refuses %j', (name) => {
    expect(accepts(backupNameSchema, name)).toBe(false);
    expect(accepts(readBackupRequestSchema, { name })).toBe(false);
  });
});

describe('saveBackup', () => {
  const valid = { reason: 'manual', text: '{}', counts: { projects: 3, approvalItems: 40 } };

  it('accepts each reason, with counts', () => {
    for (const reason of ['daily', 'manual', 'beforeImport', 'beforeRestore']) {
      expect(accepts(saveBackupRequestSchema, { ...valid, reason })).toBe(true);
    }
    expect(accepts(saveBackupRequestSchema, { ...valid, counts: {} })).toBe(true);
  });

  it('refuses unknown reasons, bad counts and oversized text', () => {
    expect(accepts(saveBackupRequestSchema, { ...valid, reason: 'weekly' })).toBe(false);
    expect(accepts(saveBackupRequestSchema, { ...valid, counts: { projects: -1 } })).toBe(false);
    expect(accepts(saveBackupRequestSchema, { ...valid, counts: { projects: 1.5 } })).toBe(false);
    expect(accepts(saveBackupRequestSchema, { ...valid, counts: { projects: '3' } })).toBe(false);
    expect(accepts(saveBackupRequestSchema, { ...valid, counts: { ['x'.repeat(41)]: 1 } })).toBe(
      false,
    );
    expect(accepts(saveBackupRequestSchema, { ...valid, counts: null })).toBe(false);
    expect(
      accepts(saveBackupRequestSchema, { ...valid, text: 'x'.repeat(maxJsonFileBytes + 1) }),
    ).toBe(false);
    expect(accepts(saveBackupRequestSchema, { reason: 'manual', counts: {} })).toBe(false);
  });
});

describe('printToPdf', () => {
  const valid = { title: '导出 PDF', suggestedName: '项目审批进度表-物流园-20261130.pdf' };

  it('takes a dialog title and a plain *.pdf name', () => {
    expect(accepts(printToPdfRequestSchema, valid)).toBe(true);
    for (const name of [
      'a.pdf',
      'SHEET.PDF',
      '重点项目推进情况汇总表 (全部项目) 2026年11月30日.pdf',
    ]) {
      expect(accepts(pdfFileNameSchema, name)).toBe(true);
    }
  });

  it.each([
    ['a folder', 'sheets/a.pdf'],
    ['a parent folder', '../a.pdf'],
    ['a Windows path', 'C:\\Users\\a.pdf'],
    ['a control character', 'a\u0007.pdf'],
    ['.pdf after a NUL', 'a.exe\u0000.pdf'],
    ['another extension', 'a.json'],
    ['a name that is only the extension', '.pdf'],
    ['over 200 characters', `${'表'.repeat(197)}.pdf`],
  ])('refuses %s as the name', (_case, suggestedName) => {
    expect(accepts(pdfFileNameSchema, suggestedName)).toBe(false);
    expect(accepts(printToPdfRequestSchema, { ...valid, suggestedName })).toBe(false);
  });

  it('refuses a long title or a missing name, and drops what the contract does not name', () => {
    expect(accepts(printToPdfRequestSchema, { ...valid, title: 'x'.repeat(201) })).toBe(false);
    expect(accepts(printToPdfRequestSchema, { title: '导出 PDF' })).toBe(false);
    expect(accepts(printToPdfRequestSchema, undefined)).toBe(false);
    // Page options are main's to choose (A4 from the page's CSS), never the page's.
    expect(printToPdfRequestSchema.parse({ ...valid, landscape: true, pageRanges: '1' })).toEqual(
      valid,
    );
  });
});
