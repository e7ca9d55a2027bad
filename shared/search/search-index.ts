import type { PinyinForms } from './pinyin-forms';

/** What search finds, in the order its groups are shown. */
export const searchKinds = [
  'project',
  'approvalItem',
  'missingItem',
  'handlingStep',
  'problem',
] as const;
export type SearchKind = (typeof searchKinds)[number];

/** The record a result opens. */
export type SearchTarget = { kind: SearchKind; id: string; projectId: string };

/** One record as search sees it. */
export type SearchDocument = SearchTarget & {
  /** What the result shows in bold: the record's name. */
  title: string;
  /** The line under it: the project, the department… */
  subtitle: string;
  /** Every text the words typed may be found in, the title included. */
  texts: readonly string[];
  /** The texts also found by their pinyin: names, not long content. */
  pinyinTexts: readonly string[];
};

export type SearchHit = Omit<SearchDocument, 'texts' | 'pinyinTexts'>;

/** Per kind: the best hits (at most the limit) and how many records matched in all. */
export type SearchResults = { kind: SearchKind; hits: SearchHit[]; total: number }[];

type Entry = {
  doc: SearchDocument;
  /** Lowercased texts and pinyin forms, separated so that a word never spans two of them. */
  haystack: string;
  /** The title's own forms, each after a separator: `\u0001${form}` finds a prefix of one. */
  titleKeys: string;
};

const fieldSeparator = '\u0001';
const entrySeparator = '\u0000';

/** Words of a query: split on spaces (also the ideographic one), lowercased, each unique. */
export function queryWords(query: string): string[] {
  const words = query.toLowerCase().split(/[\s\u3000]+/u);
  return [...new Set(words.filter((word) => word.length > 0))];
}

/** Whether two versions of a record read the same to search: then its entry is kept. */
function sameTexts(a: SearchDocument, b: SearchDocument): boolean {
  const same = (x: readonly string[], y: readonly string[]) =>
    x.length === y.length && x.every((text, index) => text === y[index]);
  return (
    a.kind === b.kind &&
    a.projectId === b.projectId &&
    a.title === b.title &&
    a.subtitle === b.subtitle &&
    same(a.texts, b.texts) &&
    same(a.pinyinTexts, b.pinyinTexts)
  );
}

/**
 * Search across every record, by words (each must appear in some text of the record) and by
 * pinyin (initials or full, of names). Entries are made once per record and kept while the
 * record's texts stay the same, so the index follows live data by redoing only what changed.
 * Pure: the pinyin conversion is passed in.
 */
export class SearchIndex {
  /** By record id (ids are UUIDs, unique across tables). */
  private entries = new Map<string, Entry>();
  private order: Entry[] = [];
  /** Every haystack in order, joined: one indexOf pass finds a word's first matches. */
  private corpus = '';
  private starts = new Int32Array(0);
  private corpusIsCurrent = true;
  /** The last query's words and every entry it matched: the next keystroke narrows them. */
  private last: { words: string[]; matches: Entry[] } | null = null;

  constructor(private readonly pinyinOf: (text: string) => PinyinForms) {}

  get size(): number {
    return this.order.length;
  }

  /** Makes the entries of these documents ahead of `setDocuments` (a chunk at a time). */
  prepare(docs: readonly SearchDocument[]): void {
    for (const doc of docs) this.entryOf(doc);
  }

  /** From now on the index holds exactly these documents, in this order (ties rank by it). */
  setDocuments(docs: readonly SearchDocument[]): void {
    const kept = new Map<string, Entry>();
    this.order = docs.map((doc) => {
      // A document `prepare` just saw has its entry already: no need to compare its texts again.
      const prepared = this.entries.get(doc.id);
      const entry = prepared?.doc === doc ? prepared : this.entryOf(doc);
      kept.set(doc.id, entry);
      return entry;
    });
    this.entries = kept;
    this.corpusIsCurrent = false;
    this.last = null;
  }

  search(query: string, limitPerKind = 5): SearchResults {
    const words = queryWords(query);
    if (words.length === 0) {
      this.last = null;
      return [];
    }
    const matches = this.matching(words);
    // Titles starting with some letters are no superset of what the next keystroke matches.
    this.last = isTooShort(words) ? null : { words, matches };
    return this.ranked(words, matches, limitPerKind);
  }

  private entryOf(doc: SearchDocument): Entry {
    const existing = this.entries.get(doc.id);
    if (existing && sameTexts(existing.doc, doc)) {
      existing.doc = doc;
      return existing;
    }
    // The title's every reading; other names (the project of an item, a department) in their
    // usual reading only: the index stays small, and a name is mostly typed the usual way.
    const titleForms = doc.pinyinTexts.includes(doc.title)
      ? this.pinyinOf(doc.title)
      : { initials: [], full: [] };
    const titleKeys = [...titleForms.initials, ...titleForms.full];
    const others = doc.pinyinTexts
      .filter((text) => text !== doc.title && text.length > 0)
      .flatMap((text) => {
        const forms = this.pinyinOf(text);
        return [forms.initials[0] ?? '', forms.full[0] ?? ''];
      });
    const parts = [...doc.texts.map((text) => text.toLowerCase()), ...titleKeys, ...others];
    const entry: Entry = {
      doc,
      haystack: parts.join(fieldSeparator),
      titleKeys: fieldSeparator + [doc.title.toLowerCase(), ...titleKeys].join(fieldSeparator),
    };
    this.entries.set(doc.id, entry);
    return entry;
  }

  private matching(words: readonly string[]): Entry[] {
    const last = this.last;
    // Typing on only adds to a word or adds words: what matches now matched a keystroke ago.
    const narrows =
      last !== null && last.words.every((before) => words.some((word) => word.includes(before)));
    if (narrows) {
      return last.matches.filter((entry) => words.every((word) => entry.haystack.includes(word)));
    }
    const [first, ...others] = [...words].sort((a, b) => b.length - a.length);
    // One or two letters are inside nearly every record's pinyin ("hu" in shu, zhu, huan…):
    // they find titles starting with them, as a user typing a name's first letters expects.
    if (first !== undefined && isTooShort(words)) {
      const prefix = fieldSeparator + first;
      return this.order.filter((entry) => entry.titleKeys.includes(prefix));
    }
    return this.scan(first ?? '').filter((entry) =>
      others.every((word) => entry.haystack.includes(word)),
    );
  }

  /** The entries whose haystack holds the word, in order. */
  private scan(word: string): Entry[] {
    this.buildCorpus();
    const found: Entry[] = [];
    const { corpus, starts, order } = this;
    let position = corpus.indexOf(word);
    while (position !== -1) {
      // The entry holding this position: the last start at or before it.
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const middle = (low + high + 1) >> 1;
        if ((starts[middle] ?? 0) <= position) low = middle;
        else high = middle - 1;
      }
      const entry = order[low];
      if (entry) found.push(entry);
      const next = starts[low + 1];
      if (next === undefined) break;
      position = corpus.indexOf(word, next);
    }
    return found;
  }

  private buildCorpus(): void {
    if (this.corpusIsCurrent) return;
    this.starts = new Int32Array(this.order.length);
    let offset = 0;
    for (const [index, entry] of this.order.entries()) {
      this.starts[index] = offset;
      offset += entry.haystack.length + entrySeparator.length;
    }
    this.corpus = this.order.map((entry) => entry.haystack).join(entrySeparator);
    this.corpusIsCurrent = true;
  }

  private ranked(words: readonly string[], matches: readonly Entry[], limit: number) {
    const whole = words.join('');
    const prefix = fieldSeparator + whole;
    // 0: the title starts with what was typed (or its pinyin does); 1: the title holds every
    // word; 2: the words are elsewhere (the project of an item, a step's content…).
    const rank = (entry: Entry) => {
      if (entry.titleKeys.includes(prefix)) return 0;
      return words.every((word) => entry.titleKeys.includes(word)) ? 1 : 2;
    };
    const groups = new Map<SearchKind, { best: { entry: Entry; rank: number }[]; total: number }>();
    for (const entry of matches) {
      let group = groups.get(entry.doc.kind);
      if (!group) {
        group = { best: [], total: 0 };
        groups.set(entry.doc.kind, group);
      }
      group.total += 1;
      const candidate = { entry, rank: rank(entry) };
      const { best } = group;
      if (best.length === limit && !isBetter(candidate, best[best.length - 1]!)) continue;
      let at = best.length;
      while (at > 0 && isBetter(candidate, best[at - 1]!)) at -= 1;
      best.splice(at, 0, candidate);
      if (best.length > limit) best.pop();
    }
    return searchKinds.flatMap((kind) => {
      const group = groups.get(kind);
      if (!group) return [];
      const hits = group.best.map(({ entry }) => hitOf(entry.doc));
      return [{ kind, hits, total: group.total }];
    });
  }
}

type Candidate = { entry: Entry; rank: number };

/** Better rank first, then the shorter title (the closer match); else the order given. */
function isBetter(a: Candidate, b: Candidate): boolean {
  if (a.rank !== b.rank) return a.rank < b.rank;
  return a.entry.doc.title.length < b.entry.doc.title.length;
}

/** A lone word of one or two letters or digits: too short to look for inside pinyin. */
function isTooShort(words: readonly string[]): boolean {
  return words.length === 1 && /^[a-z0-9]{1,2}$/.test(words[0] ?? '');
}

function hitOf({ kind, id, projectId, title, subtitle }: SearchDocument): SearchHit {
  return { kind, id, projectId, title, subtitle };
}
