import { describe, expect, it } from 'vitest';
import {
  categoryLabels,
  departmentLevelLabels,
  handlingModeLabels,
  itemStatusLabels,
  landStatusLabels,
  levelLabels,
  missingStatusLabels,
  projectStatusLabels,
  stageLabels,
  stepKindLabels,
  type EnumLabels,
} from '../../../shared/ledger/labels';
import { enumLookup } from '../../../shared/ledger/cells';
import { domainMessages } from '../../i18n/domain-messages';

const app = domainMessages.zhCN;

describe('the ledger’s words for the domain’s values', () => {
  it.each([
    ['stage', stageLabels.labels, app.stage],
    ['level', levelLabels.labels, app.level],
    ['category', categoryLabels.labels, app.category],
    ['projectStatus', projectStatusLabels.labels, app.projectStatus],
    ['landStatus', landStatusLabels.labels, app.landStatus],
    ['departmentLevel', departmentLevelLabels.labels, app.departmentLevel],
    ['handlingMode', handlingModeLabels.labels, app.handlingMode],
    ['itemStatus', itemStatusLabels.labels, app.itemStatus],
    ['stepKind', stepKindLabels.labels, app.stepKind],
  ])('are the app’s own zh-CN labels: %s', (_name, ledger, labels) => {
    expect(ledger).toEqual(labels);
  });

  it('are the app’s labels for the stored missing-item statuses', () => {
    const { overdue: _derived, ...stored } = app.missingStatus;
    expect(missingStatusLabels.labels).toEqual(stored);
  });

  it('never give one word two meanings', () => {
    const all: EnumLabels<string>[] = [
      levelLabels,
      stageLabels,
      itemStatusLabels,
      departmentLevelLabels,
    ];
    for (const labels of all) {
      const words = [
        ...Object.values<string>(labels.labels),
        ...Object.values<readonly string[] | undefined>(labels.also ?? {}).flatMap((w) => w ?? []),
      ];
      expect(enumLookup(labels).size).toBeGreaterThanOrEqual(new Set(words).size);
      expect(new Set(words).size).toBe(words.length);
    }
  });
});
