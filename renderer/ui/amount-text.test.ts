import { describe, expect, it } from 'vitest';
import { readAmount } from './amount-text';

describe('readAmount (万元)', () => {
  it.each([
    ['50000', 50000],
    ['5,000.5', 5000.5],
    ['5亿元', 50000],
    ['5亿', 50000],
    ['1.1亿元', 11000],
    ['5000万', 5000],
    ['5000万元', 5000],
    ['3000000元', 300],
    ['５０００万', 5000],
    [' 1 200 ', 1200],
    ['0', 0],
  ])('reads %j as %d 万元', (text, expected) => {
    expect(readAmount(text)).toBe(expected);
  });

  it.each(['五亿元', '约5亿', '5亿多', '-5', '5e3', '', '亿'])('does not guess %j', (text) => {
    expect(readAmount(text)).toBeUndefined();
  });
});
