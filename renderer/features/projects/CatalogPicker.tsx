import { Tree, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CatalogItem } from '../../../shared/domain/catalog-item';
import { stages } from '../../../shared/domain/stages';

type Props = {
  catalog: readonly CatalogItem[];
  checked: string[];
  onChange: (catalogIds: string[]) => void;
};

/** Pick approval items from the catalog: tick a stage to take all its items, or single items. */
export function CatalogPicker({ catalog, checked, onChange }: Props) {
  const { t } = useTranslation();
  const active = catalog.filter((entry) => entry.active);
  const treeData = stages.map((stage) => ({
    key: `stage:${stage}`,
    title: `${t(`stage.${stage}`)}（${active.filter((entry) => entry.stage === stage).length}）`,
    children: active
      .filter((entry) => entry.stage === stage)
      .map((entry) => ({
        key: entry.id,
        title: (
          <span>
            {entry.name}
            <Typography.Text type="secondary" style={{ marginLeft: 8, fontSize: 12 }}>
              {entry.department}
              {entry.timeLimit &&
                ` · ${entry.timeLimit.days} ${t(`timeUnit.${entry.timeLimit.unit}`)}`}
            </Typography.Text>
          </span>
        ),
      })),
  }));
  return (
    <Tree
      checkable
      selectable={false}
      defaultExpandedKeys={[]}
      treeData={treeData}
      checkedKeys={checked}
      onCheck={(keys) => {
        const list = Array.isArray(keys) ? keys : keys.checked;
        onChange(list.map(String).filter((key) => !key.startsWith('stage:')));
      }}
    />
  );
}
