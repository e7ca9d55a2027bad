import type { TableRecords } from '../../../shared/domain/records';
import { cachedPinyinForms } from '../../../shared/search/pinyin-forms';
import { searchDocuments } from '../../../shared/search/search-documents';
import { SearchIndex } from '../../../shared/search/search-index';
import { isLiveRow, keepLive } from '../../../renderer/db/live-records';
import { requireDataset, timed, type BenchStep } from '../step-registry';

/**
 * What a user types, one keystroke at a time: Chinese words (a place, an item, a material, a
 * problem) and pinyin initials or full pinyin, some of two words. Each prefix is one keystroke
 * (an IME commits a Chinese word at once, so it is typed word by word).
 */
const typedQueries: readonly (readonly string[])[] = [
  ['滨江', '滨江 施工', '滨江 施工许可'],
  ['s', 'sg', 'sgx', 'sgxk'],
  ['消防', '消防 验收'],
  ['x', 'xf', 'xfy', 'xfys'],
  ['区住建局'],
  ['z', 'zd', 'zdw', 'zdwc'],
  ['h', 'hu', 'hua', 'huan', 'huanp', 'huanpi'],
  ['征地'],
  ['g', 'gx', 'gxq', 'gxq s', 'gxq sg', 'gxq sgt'],
  ['产业园', '产业园 二期'],
  ['王', '王建国'],
  ['j', 'js', 'jsg', 'jsgc', 'jsgcg', 'jsgcgh'],
];

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

/** Every live record of the dataset, as the app's search reads them. */
function liveRecords(dataset: TableRecords) {
  return {
    ...keepLive(dataset),
    helperAgents: dataset.helperAgents.filter(isLiveRow),
  };
}

/**
 * 搜索 (Ctrl+K) on the city: the index built from every live record (pinyin of the names
 * included), then each keystroke of the typed queries above timed on its own — the time from a
 * changed query to its grouped, ranked results. Target: median ≤ 16 ms per keystroke.
 */
export const searchKeystrokeStep: BenchStep = {
  name: 'search-keystroke',
  title: 'search: index build, then each keystroke (median ≤ 16 ms)',
  async run(context) {
    const dataset = requireDataset(context);
    const records = liveRecords(dataset);
    const index = new SearchIndex(cachedPinyinForms());
    const build = await timed(() => {
      const docs = searchDocuments(records);
      index.setDocuments(docs);
      // The first query joins the entries into one text to scan: part of making the index.
      index.search('\u0002');
      return docs.length;
    });
    const times: number[] = [];
    let found = 0;
    for (const keystrokes of typedQueries) {
      index.search('');
      for (const query of keystrokes) {
        const start = performance.now();
        const results = index.search(query);
        times.push(performance.now() - start);
        found += results.reduce((sum, group) => sum + group.total, 0);
      }
    }
    // One record changed (an item renamed): the live index follows it. What the renderer does
    // on every change: documents from the records, entries for what changed, the index swapped.
    const [first, ...rest] = records.approvalItems;
    if (!first) throw new Error('the dataset has no approval items');
    const changed = {
      ...records,
      approvalItems: [{ ...first, name: `${first.name}（变更）` }, ...rest],
    };
    const update = await timed(() => {
      const docs = searchDocuments(changed);
      index.prepare(docs);
      index.setDocuments(docs);
      index.search('\u0002');
    });
    const sorted = [...times].sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    const p95 = quantile(sorted, 0.95);
    const total = times.reduce((sum, time) => sum + time, 0);
    return {
      seconds: total / 1000,
      rows: build.value,
      details: {
        buildSeconds: Number(build.seconds.toFixed(3)),
        updateSeconds: Number(update.seconds.toFixed(3)),
        documents: build.value,
        keystrokes: times.length,
        medianMs: Number(median.toFixed(2)),
        p95Ms: Number(p95.toFixed(2)),
        maxMs: Number((sorted[sorted.length - 1] ?? 0).toFixed(2)),
        matchesSummed: found,
      },
    };
  },
};
