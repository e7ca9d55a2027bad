import { pinyin, polyphonic } from 'pinyin-pro';

/**
 * How a text can be typed in pinyin: its initials ("施工许可" → "sgxk") and its full pinyin
 * without tones or spaces ("shigongxuke"). The first of each is pinyin-pro's reading in context
 * (银行 → yinhang, 行长 → hangzhang); the others read one polyphone the other way, so a user who
 * types 行 as "x" still finds 银行. Characters that are not Chinese stay as they are, lowercased.
 */
export type PinyinForms = { initials: string[]; full: string[] };

/** One reading swapped at a time, at most this many: enough for a name, bounded for the index. */
const maxVariants = 6;

const hanziReadings = new Map<string, readonly string[]>();

/** Every toneless reading of one Chinese character (context-free, so cached per character). */
function readingsOf(char: string): readonly string[] {
  let readings = hanziReadings.get(char);
  if (!readings) {
    const found = polyphonic(char, { toneType: 'none', type: 'array', v: true })[0] ?? [];
    readings = [...new Set(found.map((reading) => reading.toLowerCase()))];
    hanziReadings.set(char, readings);
  }
  return readings;
}

export function pinyinForms(text: string): PinyinForms {
  const chars = [...text];
  const readings = pinyin(text, { toneType: 'none', type: 'array', v: true });
  // One element per character; a character pinyin-pro cannot read comes back unchanged.
  const parts = chars.map((char, index) => {
    const reading = readings[index];
    const isHanzi = reading !== undefined && reading !== char && /^[a-zü]+$/i.test(reading);
    return isHanzi
      ? { full: reading.toLowerCase(), hanzi: char }
      : { full: char.toLowerCase().replace(/\s/g, ''), hanzi: null };
  });
  const initialOf = (full: string, hanzi: string | null) => (hanzi ? full.charAt(0) : full);
  const initials = [parts.map((part) => initialOf(part.full, part.hanzi)).join('')];
  const full = [parts.map((part) => part.full).join('')];
  for (const [index, part] of parts.entries()) {
    if (!part.hanzi || (initials.length >= maxVariants && full.length >= maxVariants)) continue;
    for (const other of readingsOf(part.hanzi)) {
      if (other === part.full) continue;
      const swapped = parts.map((each, at) => (at === index ? other : each.full));
      const swappedInitials = parts
        .map((each, at) => initialOf(swapped[at] ?? '', each.hanzi))
        .join('');
      if (initials.length < maxVariants && !initials.includes(swappedInitials)) {
        initials.push(swappedInitials);
      }
      const swappedFull = swapped.join('');
      if (full.length < maxVariants && !full.includes(swappedFull)) full.push(swappedFull);
    }
  }
  return { initials, full };
}

/**
 * pinyinForms with a memory: the same texts come back again and again (item names come from the
 * catalog, departments repeat), and converting is the costly part of building the index.
 */
export function cachedPinyinForms(): (text: string) => PinyinForms {
  const cache = new Map<string, PinyinForms>();
  return (text) => {
    let forms = cache.get(text);
    if (!forms) {
      forms = pinyinForms(text);
      cache.set(text, forms);
    }
    return forms;
  };
}
