import { describe, expect, it } from 'vitest';
import {
  checkJsonValue,
  fieldNameSchema,
  isFieldName,
  isForbiddenKey,
  isRowId,
  isTableName,
  jsonValueSchema,
  maxStringLength,
  maxValueDepth,
  rowIdSchema,
  tableNameSchema,
} from './message';

describe('names', () => {
  it.each([
    ['approvalItems', true],
    ['a_table_from_a_newer_app', true],
    ['', false],
    ['1projects', false],
    ['__proto__', false],
    ['constructor', false],
    ['prototype', false],
    ['constructors', true],
    ['a'.repeat(64), true],
    ['a'.repeat(65), false],
  ])('table %j is valid: %s', (name, valid) => {
    expect(isTableName(name)).toBe(valid);
    expect(tableNameSchema.safeParse(name).success).toBe(valid);
  });

  it.each([
    ['f47ac10b-58cc-4372-a567-0e02b2c3d479', true],
    ['team', true],
    ['holiday:2027', true],
    ['', false],
    ['-x', false],
    ['a b', false],
    ['constructor', false],
    ['a'.repeat(128), true],
    ['a'.repeat(129), false],
  ])('row id %j is valid: %s', (id, valid) => {
    expect(isRowId(id)).toBe(valid);
    expect(rowIdSchema.safeParse(id).success).toBe(valid);
  });

  it.each([
    ['name', true],
    ['helperAgentIds/f47ac10b-58cc-4372-a567-0e02b2c3d479', true],
    ['建设单位', true],
    ['', false],
    ['x'.repeat(120), true],
    ['x'.repeat(121), false],
    ['__proto__', false],
    ['constructor', false],
    ['prototype', false],
    ['helperAgentIds/__proto__', false],
    ['__proto__/x', false],
    ['a/constructor/b', false],
    ['a\n/prototype', false],
    ['myconstructor', true],
    ['constructor_', true],
    ['a/prototypes', true],
  ])('field %j is valid: %s', (field, valid) => {
    expect(isFieldName(field)).toBe(valid);
    expect(fieldNameSchema.safeParse(field).success).toBe(valid);
  });

  it('forbidden keys are exactly the three prototype keys', () => {
    expect(
      ['__proto__', 'constructor', 'prototype', 'proto', 'toString'].map(isForbiddenKey),
    ).toEqual([true, true, true, false, false]);
  });
});

describe('checkJsonValue', () => {
  const nested = (depth: number): unknown => (depth === 0 ? 1 : [nested(depth - 1)]);

  it.each<[string, unknown, ReturnType<typeof checkJsonValue>]>([
    ['null', null, null],
    ['a string', '审批', null],
    ['a number', 12.5, null],
    ['a boolean', false, null],
    ['an object', { from: '2026-01-01', to: null }, null],
    ['an array', [1, 'a', { b: [] }], null],
    ['a string at the limit', 'x'.repeat(maxStringLength), null],
    ['a longer string', 'x'.repeat(maxStringLength + 1), 'stringTooLong'],
    ['a long string deep inside', { a: [{ b: 'x'.repeat(maxStringLength + 1) }] }, 'stringTooLong'],
    ['a __proto__ key', JSON.parse('{"a":{"__proto__":{"x":1}}}'), 'forbiddenKey'],
    ['a constructor key', { constructor: 1 }, 'forbiddenKey'],
    ['nesting at the limit', nested(maxValueDepth), null],
    ['deeper nesting', nested(maxValueDepth + 1), 'tooDeep'],
    ['undefined', undefined, 'notJson'],
    ['Infinity', Number.POSITIVE_INFINITY, 'notJson'],
    ['a date', new Date(0), 'notJson'],
    ['a function', () => 1, 'notJson'],
  ])('%s: %s', (_, value, problem) => {
    expect(checkJsonValue(value)).toBe(problem);
    expect(jsonValueSchema.safeParse(value).success).toBe(problem === null);
  });

  it('checks very deep nesting without exhausting the stack', () => {
    const deep = JSON.parse(`${'['.repeat(100_000)}${']'.repeat(100_000)}`) as unknown;
    expect(checkJsonValue(deep)).toBe('tooDeep');
  });
});
