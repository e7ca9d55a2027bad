import { recordSchemas, syncedTables } from '../../../shared/domain/records';
import { countRows, generateCityDataset } from '../../city-dataset';
import { requireDataset, timed, type BenchStep } from '../step-registry';

/** The city dataset, generated in the page (the generator is plain TypeScript). */
export const generateStep: BenchStep = {
  name: 'generate',
  title: 'generate the city dataset in the page',
  async run(context) {
    context.dataset = null;
    const { value: dataset, seconds } = await timed(() =>
      generateCityDataset({ seed: context.options.seed, scale: context.options.scale }),
    );
    context.dataset = dataset;
    const details = Object.fromEntries(syncedTables.map((table) => [table, dataset[table].length]));
    return { seconds, rows: countRows(dataset), details };
  },
};

/** Every 100th row of each table through its domain schema: the bench measures valid data. */
export const validateSampleStep: BenchStep = {
  name: 'validate-sample',
  title: 'zod-validate a 1-in-100 sample',
  async run(context) {
    const dataset = requireDataset(context);
    const { value: checked, seconds } = await timed(() => {
      let count = 0;
      for (const table of syncedTables) {
        const rows = dataset[table];
        for (let index = 0; index < rows.length; index += 100) {
          const result = recordSchemas[table].safeParse(rows[index]);
          if (!result.success) {
            throw new Error(
              `${table}[${index}] is invalid: ${JSON.stringify(result.error.issues)}`,
            );
          }
          count++;
        }
      }
      return count;
    });
    return { seconds, rows: checked };
  },
};

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * A plain JSON dump of all rows: the size a sync file is held against (≤ 2× this), and its
 * checksum, which the runner compares with the dataset Node generated from the same seed.
 */
export const jsonDumpStep: BenchStep = {
  name: 'json-dump',
  title: 'JSON.stringify all rows (plain dump)',
  async run(context) {
    const dataset = requireDataset(context);
    const { value: text, seconds } = await timed(() => JSON.stringify(dataset));
    const bytes = new TextEncoder().encode(text);
    return {
      seconds,
      rows: countRows(dataset),
      bytes: bytes.byteLength,
      details: { sha256: await sha256(bytes) },
    };
  },
};
