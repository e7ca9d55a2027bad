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
} from './labels';
import { enumLookup } from './cells';

describe('the ledger’s words for the domain’s values', () => {
  it('never give one word two meanings', () => {
    const all: EnumLabels<string>[] = [
      stageLabels,
      levelLabels,
      categoryLabels,
      projectStatusLabels,
      landStatusLabels,
      departmentLevelLabels,
      handlingModeLabels,
      itemStatusLabels,
      missingStatusLabels,
      stepKindLabels,
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
