import { App, Form, Input, InputNumber, Modal, Radio, Select, Switch } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import {
  catalogItemInputSchema,
  type CatalogItem,
  type CatalogItemInput,
} from '../../../shared/domain/catalog-item';
import { departmentLevels, stages, type Stage } from '../../../shared/domain/stages';
import { repositories } from '../../db';
import { useLiveRecord } from '../../db/useLiveRecord';
import { ChangedUnderneathAlert, enumText } from '../../ui/ChangedUnderneathAlert';
import { parseForm } from '../../ui/form-issues';
import { fieldsOf } from '../../ui/record-draft';
import { useRecordForm } from '../../ui/useRecordForm';
import { submitOnEnter } from './submit-on-enter';

const limitUnits = ['working', 'calendar', 'none'] as const;
type LimitUnit = (typeof limitUnits)[number];

/** The form edits the time limit as two fields, so each can show its own error. */
type CatalogFormValues = Omit<CatalogItemInput, 'timeLimit'> & {
  limitDays: number | null;
  limitUnit: LimitUnit;
};

/** The two time-limit fields as the record keeps them: one value, null for 不计时限. */
function fromFormValues({ limitDays, limitUnit, ...rest }: CatalogFormValues): CatalogItemInput {
  return {
    ...rest,
    timeLimit:
      limitUnit === 'none' || limitDays === null || limitDays === undefined
        ? null
        : { days: limitDays, unit: limitUnit },
  };
}

const catalogFormSchema = catalogItemInputSchema
  .omit({ timeLimit: true, sortOrder: true })
  .extend({
    sortOrder: z.number('validation.number'),
    limitUnit: z.enum(limitUnits),
    limitDays: z
      .number('validation.number')
      .int('validation.integer')
      .min(0, 'validation.nonNegative')
      .max(3650, 'validation.tooLarge')
      .nullable(),
  })
  .superRefine((values, context) => {
    if (values.limitUnit !== 'none' && values.limitDays === null) {
      context.addIssue({ code: 'custom', path: ['limitDays'], message: 'validation.required' });
    }
  })
  .transform(fromFormValues);

/** Materials are a set: two people adding materials at once both keep theirs. */
const setFields = ['materials'] as const;

function toFormValues(entry: CatalogItemInput): CatalogFormValues {
  const { timeLimit, ...rest } = entry;
  return {
    ...rest,
    limitDays: timeLimit?.days ?? null,
    limitUnit: timeLimit?.unit ?? 'none',
  };
}

type Props = {
  /** The entry being edited; undefined for a new one. */
  entry?: CatalogItem;
  /** Stage and sort order a new entry starts with. */
  newStage: Stage;
  newSortOrder: number;
  /** Materials named anywhere in the catalog, offered as the user types. */
  materialOptions: readonly string[];
  onClose: () => void;
};

/** Rendered only while open, so each opening starts from the entry (or its unsaved draft). */
export function CatalogItemFormModal({
  entry,
  newStage,
  newSortOrder,
  materialOptions,
  onClose,
}: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CatalogFormValues>();
  const live = useLiveRecord('catalogItems', entry?.id);
  // Until the live record has loaded, the row the form was opened from stands for it.
  const stored = useMemo(() => {
    const current = live === undefined ? entry : live;
    return current ? toFormValues(fieldsOf(catalogItemInputSchema.shape, current)) : null;
  }, [live, entry]);
  const draftKey = `catalogItem.${entry?.id ?? 'new'}`;
  const editor = useRecordForm(
    entry
      ? { form, draftKey, stored, setFields }
      : {
          form,
          draftKey,
          setFields,
          initial: toFormValues({
            stage: newStage,
            name: '',
            department: '',
            departmentLevel: 'district',
            timeLimit: { days: 20, unit: 'working' },
            limitNote: '',
            materials: [],
            sortOrder: newSortOrder,
            active: true,
          }),
        },
  );
  const limitUnit = Form.useWatch('limitUnit', form);

  async function submit() {
    let name = '';
    const outcome = await editor.save({
      toRecord: fromFormValues,
      validate: (values) => parseForm(form, catalogFormSchema, values, t),
      write: async (input, patch) => {
        name = input.name;
        await (entry
          ? repositories.catalogItems.update(entry.id, patch)
          : repositories.catalogItems.create(input));
      },
    });
    if (outcome === 'saved') void message.success(t('teamSettings.catalog.saved', { name }));
    if (outcome === 'saved' || outcome === 'unchanged') onClose();
  }

  return (
    <Modal
      open
      title={entry ? t('teamSettings.catalog.editTitle') : t('teamSettings.catalog.addTitle')}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={editor.saving}
      okButtonProps={{ disabled: editor.status === 'gone' }}
      onOk={() => void submit()}
      onCancel={() => editor.close(onClose)}
      width={640}
    >
      <ChangedUnderneathAlert
        editor={editor}
        labels={{
          name: t('teamSettings.catalog.name'),
          stage: t('teamSettings.catalog.stage'),
          department: t('teamSettings.catalog.department'),
          departmentLevel: t('teamSettings.catalog.level'),
          limitDays: t('teamSettings.catalog.timeLimit'),
          limitUnit: t('teamSettings.catalog.limitUnit'),
          limitNote: t('teamSettings.catalog.limitNote'),
          sortOrder: t('teamSettings.catalog.sortOrder'),
          materials: t('teamSettings.catalog.materials'),
          active: t('teamSettings.catalog.active'),
        }}
        describe={{
          stage: enumText(t, 'stage'),
          departmentLevel: enumText(t, 'departmentLevel'),
          limitUnit: (unit) =>
            unit === 'none' ? t('teamSettings.catalog.limitNone') : t(`timeUnit.${unit}`),
        }}
      />
      <Form
        onKeyDown={submitOnEnter(() => void submit())}
        form={form}
        name="catalogItem"
        layout="vertical"
        onValuesChange={editor.onValuesChange}
        style={{ display: 'grid', gridTemplateColumns: '1fr 1fr 1fr', columnGap: 12 }}
      >
        <Form.Item
          name="name"
          label={t('teamSettings.catalog.name')}
          required
          style={{ gridColumn: 'span 3' }}
        >
          <Input autoFocus />
        </Form.Item>
        <Form.Item name="stage" label={t('teamSettings.catalog.stage')} required>
          <Select options={stages.map((stage) => ({ value: stage, label: t(`stage.${stage}`) }))} />
        </Form.Item>
        <Form.Item name="department" label={t('teamSettings.catalog.department')} required>
          <Input />
        </Form.Item>
        <Form.Item name="departmentLevel" label={t('teamSettings.catalog.level')} required>
          <Select
            options={departmentLevels.map((level) => ({
              value: level,
              label: t(`departmentLevel.${level}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="limitDays" label={t('teamSettings.catalog.timeLimit')}>
          <InputNumber
            min={0}
            max={3650}
            precision={0}
            disabled={limitUnit === 'none'}
            style={{ width: '100%' }}
          />
        </Form.Item>
        <Form.Item
          name="limitUnit"
          label={t('teamSettings.catalog.limitUnit')}
          style={{ gridColumn: 'span 2' }}
        >
          {/* Three choices side by side: one click or arrow keys, no dropdown to open. */}
          <Radio.Group
            optionType="button"
            options={limitUnits.map((unit) => ({
              value: unit,
              label: unit === 'none' ? t('teamSettings.catalog.limitNone') : t(`timeUnit.${unit}`),
            }))}
          />
        </Form.Item>
        <Form.Item
          name="limitNote"
          label={t('teamSettings.catalog.limitNote')}
          style={{ gridColumn: 'span 2' }}
        >
          <Input placeholder={t('teamSettings.catalog.limitNotePlaceholder')} />
        </Form.Item>
        <Form.Item name="sortOrder" label={t('teamSettings.catalog.sortOrder')}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="materials"
          label={t('teamSettings.catalog.materials')}
          style={{ gridColumn: 'span 3' }}
        >
          <Select
            mode="tags"
            options={materialOptions.map((material) => ({ value: material, label: material }))}
            tokenSeparators={['、', '；', ';', '，', ',', '\n']}
            placeholder={t('teamSettings.catalog.materialsPlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="active"
          label={t('teamSettings.catalog.active')}
          valuePropName="checked"
          extra={t('teamSettings.catalog.inactiveHint')}
          style={{ gridColumn: 'span 3', marginBottom: 0 }}
        >
          <Switch />
        </Form.Item>
      </Form>
    </Modal>
  );
}
