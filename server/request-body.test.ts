import { describe, expect, it } from 'vitest';
import { BodyRefused, readJsonBody, type BodyLimits } from './request-body';

const limits: BodyLimits = {
  bytes: 1024 * 1024,
  depth: 8,
  values: 10_000,
  valuesPerElement: 1_000,
  elements: 100,
};

/** The body in chunks of `size` bytes, as a socket might deliver it (cutting UTF-8 anywhere). */
function* chunks(text: string, size = 7) {
  const bytes = Buffer.from(text);
  for (let at = 0; at < bytes.length; at += size) yield bytes.subarray(at, at + size);
}

const read = (text: string, bounds: Partial<BodyLimits> = {}, size?: number) =>
  readJsonBody(chunks(text, size), undefined, { ...limits, ...bounds });

async function refusal(text: string, bounds: Partial<BodyLimits> = {}) {
  try {
    await read(text, bounds);
  } catch (error) {
    if (error instanceof BodyRefused) return { status: error.status, error: error.error };
    throw error;
  }
  throw new Error(`accepted: ${text}`);
}

describe('reading a request body', () => {
  it('reads what JSON.parse reads, however the bytes are cut', async () => {
    const bodies = [
      '{}',
      ' { } ',
      '{"protocol":2,"node":"aaaaaaaaaaaaaaaa"}',
      '{"a":[],"b":[ ],"c":[1],"d":[1, 2 ,3]}',
      '{"writes":[["2026-11-29T08:00:00.000Z-0000-aaaaaaaaaaaaaaaa",[["projects","r1",{"name":"项目，\\"甲\\"]}[,"}]]]]}',
      '{"s":"]}\\\\","n":-1.5e3,"t":true,"f":false,"z":null,"o":{"x":[{"y":[]}]}}',
      '{"emoji":"😀 城区","esc":"\\u4e2d\\n"}',
      '{"dup":1,"dup":2}',
    ];
    for (const body of bodies) {
      for (const size of [1, 3, 64]) {
        expect(await read(body, {}, size)).toEqual(JSON.parse(body));
      }
    }
  });

  it('refuses what is not one JSON object', async () => {
    for (const body of [
      '',
      '[]',
      '"x"',
      '{',
      '{"a":1',
      '{"a":1,}',
      '{"a":[1,]}',
      '{"a":[,1]}',
      '{"a":[1][2]}',
      '{"a":1 2}',
      '{"a" 1}',
      '{a:1}',
      '{"a":}',
      '{"a":{"b":1}}{}',
      '{"a":[1}',
      '{"a":"unterminated}',
      '{"__proto__":{"polluted":true}}',
    ]) {
      expect(await refusal(body), body).toEqual({ status: 400, error: 'badRequest' });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses nesting deeper than the protocol needs as soon as it arrives', async () => {
    expect(await read(`{"a":${'['.repeat(7)}${']'.repeat(7)}}`)).toBeDefined();
    expect(await refusal(`{"a":${'['.repeat(8)}${']'.repeat(8)}}`)).toEqual({
      status: 400,
      error: 'malformedWrite',
    });
    // Refused at the first level too many: the rest is never read.
    let pulled = 0;
    function* endless() {
      for (;;) {
        pulled += 1;
        yield Buffer.from('['.repeat(1024));
      }
    }
    await expect(
      readJsonBody(endless(), undefined, { ...limits, bytes: 1 << 30 }),
    ).rejects.toBeInstanceOf(BodyRefused);
    expect(pulled).toBe(1);
  });

  it('counts bytes as sent, and refuses a body declared too large before reading it', async () => {
    const chinese = `{"s":"${'城'.repeat(400)}"}`; // 409 characters, 1,209 bytes
    expect(await refusal(chinese, { bytes: 1_000 })).toEqual({ status: 413, error: 'tooLarge' });
    expect(await read(chinese, { bytes: 1_209 })).toEqual(JSON.parse(chinese));
    let pulled = 0;
    function* body() {
      pulled += 1;
      yield Buffer.from('{}');
    }
    await expect(readJsonBody(body(), 2_000_000, limits)).rejects.toMatchObject({
      status: 413,
      error: 'tooLarge',
    });
    expect(pulled).toBe(0);
  });

  it('bounds the values of the body, of one element and the elements of one array', async () => {
    const tiny = (count: number) => Array.from({ length: count }, () => '[]').join(',');
    expect(await refusal(`{"writes":[[${tiny(1_000)}]]}`)).toEqual({
      status: 413,
      error: 'writeTooLarge',
    });
    expect(await refusal(`{"writes":[${tiny(101)}]}`)).toEqual({
      status: 413,
      error: 'tooLarge',
    });
    const many = Array.from({ length: 20 }, () => `[${tiny(400)}]`).join(',');
    expect(await refusal(`{"a":[${many}]}`)).toEqual({ status: 413, error: 'tooLarge' });
    expect(((await read(`{"writes":[${tiny(100)}]}`)).writes as unknown[]).length).toBe(100);
  });
});
