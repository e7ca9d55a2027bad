import { DownloadOutlined, FolderOpenOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Flex,
  InputNumber,
  Modal,
  Progress,
  Radio,
  Result,
  Select,
  Spin,
  Steps,
  Table,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseText } from '../../../shared/ledger/cells';
import {
  importedKinds,
  ledgerSheets,
  type ImportedKind,
  type LedgerColumn,
} from '../../../shared/ledger/columns';
import {
  findHeaderRow,
  guessMapping,
  guessSheets,
  headersOf,
  type ColumnMapping,
  type SheetTable,
} from '../../../shared/ledger/mapping';
import {
  missingRequiredColumns,
  planLedgerImport,
  type LedgerPlan,
  type RowProblem,
} from '../../../shared/ledger/validate';
import { db, repositories } from '../../db';
import { readLiveProjectData, readLiveRows } from '../../db/live-records';
import { bridge } from '../../platform/bridge';
import { failureMessage } from '../../ui/write-error';
import { downloadTemplate } from './ledger-actions';
import { importLedgerPlan, type DuplicateChoice, type ImportOutcome } from './ledger-import';
import { LedgerFileError, readLedgerWorkbook } from './ledger-workbook';

type SheetChoice = { sheet: number | null; headerRow: number; mapping: ColumnMapping };
type Choices = Record<ImportedKind, SheetChoice>;

const columnsOf = (kind: ImportedKind): readonly LedgerColumn[] => ledgerSheets[kind].columns;

function choiceFor(sheets: readonly SheetTable[], kind: ImportedKind, sheet: number | null) {
  const table = sheet === null ? undefined : sheets[sheet];
  if (!table) return { sheet: null, headerRow: 0, mapping: {} };
  const headerRow = findHeaderRow(table.rows, columnsOf(kind));
  return { sheet, headerRow, mapping: guessMapping(headersOf(table, headerRow), columnsOf(kind)) };
}

/** A, B, … Z, AA: how the spreadsheet names its columns. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * 导入台账: choose file → map columns → check every row → import with progress → result. Nothing
 * is written before the check, and then only a wholly valid file, or the valid rows on request.
 */
export function LedgerImportModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [step, setStep] = useState(0);
  const [fileName, setFileName] = useState('');
  const [sheets, setSheets] = useState<SheetTable[]>([]);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [plan, setPlan] = useState<LedgerPlan | null>(null);
  const [duplicates, setDuplicates] = useState<DuplicateChoice>('skip');
  const [percent, setPercent] = useState(0);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  function reset() {
    setStep(0);
    setSheets([]);
    setFileError(null);
    setChoices(null);
    setPlan(null);
    setOutcome(null);
    setPercent(0);
  }

  async function chooseFile() {
    setFileError(null);
    const opened = await bridge.openXlsxFile({ title: t('ledger.import') });
    if (opened.status === 'cancelled') return;
    if (opened.status === 'refused') {
      setFileError(t(`ledger.fileRefused.${opened.reason}`, { name: opened.name }));
      return;
    }
    setFileName(opened.name);
    setReading(true);
    try {
      const read = await readLedgerWorkbook(opened.bytes);
      const guessed = guessSheets(read);
      setSheets(read);
      setChoices({
        projects: choiceFor(read, 'projects', guessed.projects),
        approvalItems: choiceFor(read, 'approvalItems', guessed.approvalItems),
      });
      setStep(1);
    } catch (error) {
      setFileError(
        error instanceof LedgerFileError
          ? t(`ledger.fileRefused.${error.reason}`, { name: opened.name })
          : failureMessage(error),
      );
    } finally {
      setReading(false);
    }
  }

  async function saveTemplate() {
    try {
      const saved = await downloadTemplate(t);
      if (saved) void message.success(t('ledger.templateSaved', { name: saved.name }));
    } catch (error) {
      void message.error(failureMessage(error));
    }
  }

  const mapped = (kind: ImportedKind) => {
    const choice = choices?.[kind];
    const sheet = choice?.sheet === null || !choice ? undefined : sheets[choice.sheet];
    return sheet && choice ? { sheet, headerRow: choice.headerRow, mapping: choice.mapping } : null;
  };
  const missing = importedKinds.flatMap((kind) =>
    choices?.[kind].sheet === null && kind === 'approvalItems'
      ? []
      : missingRequiredColumns(kind, choices?.[kind].mapping ?? {}),
  );

  async function check() {
    const projects = mapped('projects');
    if (!projects) return;
    setStep(2);
    setPlan(null);
    const [kept, catalog] = await Promise.all([
      readLiveProjectData(db, { handlingSteps: 'none' }),
      readLiveRows(db, 'catalogItems'),
    ]);
    setPlan(
      planLedgerImport(projects, mapped('approvalItems'), {
        existingProjects: kept.projects,
        catalog,
      }),
    );
  }

  async function runImport() {
    if (!plan) return;
    setStep(3);
    setPercent(0);
    try {
      const result = await importLedgerPlan(
        { db, repositories },
        plan,
        duplicates,
        t,
        (done, total) => setPercent(total === 0 ? 100 : Math.round((done / total) * 100)),
      );
      setOutcome(result);
      setStep(4);
    } catch (error) {
      void message.error(failureMessage(error));
      setStep(2);
    }
  }

  const problemText = (problem: RowProblem) =>
    t('ledger.problemLine', {
      sheet: problem.sheet,
      row: problem.row,
      column: problem.column,
      text: t(problem.problem, problem.values ?? {}),
    });

  const footer = () => {
    const close = (
      <Button key="close" onClick={onClose}>
        {t('ledger.close')}
      </Button>
    );
    if (step === 1) {
      return [
        <Button key="back" onClick={reset}>
          {t('ledger.back')}
        </Button>,
        <Button
          key="next"
          type="primary"
          disabled={missing.length > 0}
          onClick={() => void check()}
        >
          {t('ledger.next')}
        </Button>,
      ];
    }
    if (step === 2) {
      const problems = plan?.problems.length ?? 0;
      const valid = (plan?.counts.validProjects ?? 0) + (plan?.counts.validItems ?? 0);
      return [
        <Button key="back" onClick={() => setStep(1)}>
          {t('ledger.back')}
        </Button>,
        problems > 0 && valid > 0 ? (
          <Button key="valid" danger onClick={() => void runImport()}>
            {t('ledger.importValid')}
          </Button>
        ) : null,
        <Button
          key="import"
          type="primary"
          disabled={!plan || problems > 0 || valid === 0}
          onClick={() => void runImport()}
        >
          {t('ledger.importAll')}
        </Button>,
      ];
    }
    return step === 3 ? [] : [close];
  };

  return (
    <Modal
      open={open}
      title={t('ledger.wizardTitle')}
      width={960}
      onCancel={step === 3 ? undefined : onClose}
      closable={step !== 3}
      maskClosable={false}
      afterClose={reset}
      footer={footer()}
      destroyOnHidden
    >
      <Flex vertical gap={16}>
        <Steps
          size="small"
          current={step}
          items={[
            { title: t('ledger.stepFile') },
            { title: t('ledger.stepMap') },
            { title: t('ledger.stepCheck') },
            { title: t('ledger.stepImport') },
            { title: t('ledger.stepDone') },
          ]}
        />
        {step === 0 && (
          <Flex vertical gap={12}>
            <Typography.Paragraph style={{ margin: 0 }}>
              {t('ledger.fileIntro')}
            </Typography.Paragraph>
            <Flex gap={8}>
              <Button
                type="primary"
                icon={<FolderOpenOutlined />}
                loading={reading}
                onClick={() => void chooseFile()}
              >
                {t('ledger.chooseFile')}
              </Button>
              <Button icon={<DownloadOutlined />} onClick={() => void saveTemplate()}>
                {t('ledger.downloadTemplate')}
              </Button>
            </Flex>
            {reading && <Spin description={t('ledger.reading', { name: fileName })} />}
            {fileError && <Alert type="error" showIcon title={fileError} role="alert" />}
          </Flex>
        )}
        {step === 1 && choices && (
          <Flex vertical gap={16}>
            <Typography.Text type="secondary">{fileName}</Typography.Text>
            {importedKinds.map((kind) => (
              <SheetMapping
                key={kind}
                kind={kind}
                sheets={sheets}
                choice={choices[kind]}
                onChange={(choice) => setChoices({ ...choices, [kind]: choice })}
              />
            ))}
            {missing.length > 0 && (
              <Alert
                type="warning"
                showIcon
                title={t('ledger.missingColumns', { columns: missing.join('、') })}
                description={
                  choices.projects.sheet !== null &&
                  Object.keys(choices.projects.mapping).length === 0
                    ? t('ledger.wrongSheet', {
                        sheet: sheets[choices.projects.sheet]?.name ?? '',
                      })
                    : undefined
                }
              />
            )}
          </Flex>
        )}
        {step === 2 && !plan && <Spin description={t('ledger.checking')} />}
        {step === 2 && plan && (
          <Flex vertical gap={12}>
            <Typography.Text>{t('ledger.summary', plan.counts)}</Typography.Text>
            {plan.problems.length === 0 ? (
              <Alert type="success" showIcon title={t('ledger.noProblems')} />
            ) : (
              <Alert
                type="error"
                showIcon
                title={t('ledger.problemCount', { count: plan.problems.length })}
              />
            )}
            {plan.problems.length > 0 && (
              <ProblemLines label={t('ledger.stepCheck')} lines={plan.problems.map(problemText)} />
            )}
            {plan.counts.duplicates > 0 && (
              <Flex vertical gap={4}>
                <Typography.Text>
                  {t('ledger.duplicates', { count: plan.counts.duplicates })}
                  {plan.projects
                    .filter((project) => project.existingId !== null)
                    .slice(0, 10)
                    .map((project) => project.input.name)
                    .join('、')}
                  {plan.counts.duplicates > 10 ? '…' : ''}
                </Typography.Text>
                <Radio.Group
                  value={duplicates}
                  onChange={(event) => setDuplicates(event.target.value as DuplicateChoice)}
                  options={[
                    { value: 'skip', label: t('ledger.duplicateSkip') },
                    { value: 'update', label: t('ledger.duplicateUpdate') },
                  ]}
                />
              </Flex>
            )}
          </Flex>
        )}
        {step === 3 && (
          <Flex vertical gap={8}>
            <Typography.Text>{t('ledger.importing')}</Typography.Text>
            <Progress percent={percent} aria-label={t('ledger.importing')} />
          </Flex>
        )}
        {step === 4 && outcome && (
          <Result
            status={outcome.failures.length > 0 ? 'warning' : 'success'}
            title={t('ledger.done')}
            subTitle={t('ledger.doneSummary', outcome)}
            extra={
              outcome.failures.length > 0 ? (
                <Flex vertical gap={4}>
                  <Typography.Text>{t('ledger.failures')}</Typography.Text>
                  <ProblemLines
                    label={t('ledger.failures')}
                    lines={outcome.failures.map((failure) => t('ledger.failureLine', failure))}
                  />
                </Flex>
              ) : undefined
            }
          />
        )}
      </Flex>
    </Modal>
  );
}

/** The first lines of a long list of problems, and how many more there are. */
function ProblemLines({ label, lines }: { label: string; lines: readonly string[] }) {
  const { t } = useTranslation();
  const shown = 200;
  return (
    <ul
      aria-label={label}
      style={{
        maxHeight: 280,
        overflow: 'auto',
        margin: 0,
        paddingInlineStart: 20,
        textAlign: 'start',
      }}
    >
      {lines.slice(0, shown).map((line, index) => (
        <li key={index}>{line}</li>
      ))}
      {lines.length > shown && <li>{t('ledger.moreProblems', { count: lines.length - shown })}</li>}
    </ul>
  );
}

/** One kind's sheet and its column mapping, with the file's first data row as a sample. */
function SheetMapping({
  kind,
  sheets,
  choice,
  onChange,
}: {
  kind: ImportedKind;
  sheets: readonly SheetTable[];
  choice: SheetChoice;
  onChange: (choice: SheetChoice) => void;
}) {
  const { t } = useTranslation();
  const sheet = choice.sheet === null ? undefined : sheets[choice.sheet];
  const headers = sheet ? headersOf(sheet, choice.headerRow) : [];
  const sample = sheet?.rows[choice.headerRow + 1] ?? [];
  const options = headers.map((header, index) => ({
    value: index,
    label: `${columnLetter(index)} · ${header || '—'}`,
  }));
  return (
    <Flex vertical gap={8}>
      <Flex gap={12} align="center" wrap>
        <Typography.Text strong>{t(`ledger.sheetOf.${kind}`)}</Typography.Text>
        <Select
          aria-label={t(`ledger.sheetOf.${kind}`)}
          style={{ width: 240 }}
          value={choice.sheet ?? -1}
          onChange={(value: number) => onChange(choiceFor(sheets, kind, value < 0 ? null : value))}
          options={[
            ...(kind === 'approvalItems' ? [{ value: -1, label: t('ledger.noSheet') }] : []),
            ...sheets.map((table, index) => ({ value: index, label: table.name })),
          ]}
        />
        {sheet && (
          <InputNumber
            aria-label={t('ledger.headerRow', { row: '' })}
            min={1}
            max={Math.max(sheet.rows.length, 1)}
            value={choice.headerRow + 1}
            formatter={(value) => t('ledger.headerRow', { row: value })}
            parser={(text) => Number((text ?? '').replace(/\D/g, '')) || 1}
            style={{ width: 160 }}
            onChange={(value) => {
              const headerRow = Math.max((value ?? 1) - 1, 0);
              onChange({
                ...choice,
                headerRow,
                mapping: guessMapping(headersOf(sheet, headerRow), columnsOf(kind)),
              });
            }}
          />
        )}
      </Flex>
      {sheet && (
        <Table<LedgerColumn>
          size="small"
          rowKey="field"
          pagination={false}
          scroll={{ y: 260 }}
          dataSource={[...columnsOf(kind)]}
          columns={[
            {
              title: t('ledger.ledgerColumn'),
              width: 200,
              render: (_, column) => `${column.header}${column.required ? ' *' : ''}`,
            },
            {
              title: t('ledger.fileColumn'),
              width: 280,
              render: (_, column) => (
                <Select
                  aria-label={`${t(`ledger.sheetOf.${kind}`)} ${column.header}`}
                  allowClear
                  showSearch
                  optionFilterProp="label"
                  placeholder={t('ledger.unmapped')}
                  style={{ width: '100%' }}
                  value={choice.mapping[column.field]}
                  options={options}
                  onChange={(value?: number) => {
                    const mapping = { ...choice.mapping };
                    if (value === undefined) delete mapping[column.field];
                    else mapping[column.field] = value;
                    onChange({ ...choice, mapping });
                  }}
                />
              ),
            },
            {
              title: t('ledger.sample'),
              render: (_, column) => {
                const index = choice.mapping[column.field];
                return index === undefined ? '' : parseText(sample[index] ?? null);
              },
            },
          ]}
        />
      )}
    </Flex>
  );
}
