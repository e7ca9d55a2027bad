/**
 * What a clerk types for an amount kept in 万元 (总投资), as a number of 万元, or undefined when the
 * text is not understood. Understood: plain numbers in 万元 (50000, 5,000.5), with 万 or 万元
 * (5000万), with 亿 or 亿元 (5亿元 → 50000), with 元 alone (3000000元 → 300), in full-width digits.
 * Chinese numerals (五亿元) are not read: the field says so rather than guessing.
 */
export function readAmount(text: string): number | undefined {
  const normalized = text
    .replace(/[０-９．]/gu, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/gu, '');
  const match = /^(\d+(?:\.\d+)?)(亿|万)?(元)?$/u.exec(normalized);
  if (!match?.[1]) return undefined;
  const amount = Number(match[1]);
  const inTenThousands =
    match[2] === '亿' ? amount * 10_000 : match[2] === '万' || !match[3] ? amount : amount / 10_000;
  // To the yuan: 万元 with four decimals, without float dust (1.1亿 is 11000, not 11000.000000002).
  return Math.round(inTenThousands * 10_000) / 10_000;
}
