import type { ServerError } from '../shared/sync/server-protocol';

/**
 * Reads a request's JSON body ourselves, instead of Fastify's parser (which runs JSON.parse over
 * the whole body in one go: 16 MiB of tiny arrays blocked the server for seconds, and 8 million
 * levels of nesting for half a minute). One linear pass over the bytes as they arrive counts
 * them, bounds the nesting and the number of values, and notes where each member of the body's
 * object and each element of its array members begins and ends. Only then is anything parsed:
 * each element on its own (a write is one element of `writes`), returning to the event loop
 * between them, so no request holds the server for more than a few milliseconds at a time.
 *
 * Every body the protocol knows is one object whose members are scalars, small objects, or arrays
 * of timestamps or writes, so that is all this reads.
 */

export class BodyRefused extends Error {
  override readonly name = 'BodyRefused';
  constructor(
    readonly status: number,
    readonly error: ServerError,
  ) {
    super(error);
  }
}

export type BodyLimits = {
  /** Bytes of the whole body (UTF-8, as sent). */
  bytes: number;
  /** Arrays and objects inside one another, the body's own object counting as one. */
  depth: number;
  /** Values (arrays, objects and the elements and members after a comma) in the body. */
  values: number;
  /** Values in one element of an array member (one write), or in one other member. */
  valuesPerElement: number;
  /** Elements of one array member. */
  elements: number;
};

/** Above this much work in one go, the reader lets other requests run first. */
const sliceMillis = 8;

/** Gives other requests their turn when this one has run for a slice. */
export function createYielder(millis = sliceMillis) {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < millis) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    since = performance.now();
  };
}

type Span = [start: number, end: number];
type Member = { key: Span; value: Span; elements: Span[] | null };

const quote = 0x22;
const backslash = 0x5c;
const comma = 0x2c;
const colon = 0x3a;
const openArray = 0x5b;
const closeArray = 0x5d;
const openObject = 0x7b;
const closeObject = 0x7d;
const isSpace = (byte: number) => byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;

const badRequest = () => new BodyRefused(400, 'badRequest');

/**
 * The scanner's state between chunks. Structure is followed only as far as the body's own
 * object and its array members; anything deeper is counted and bounded, and left to JSON.parse
 * to check once it is known to be small.
 */
function createScanner(limits: BodyLimits) {
  let depth = 0;
  let inString = false;
  let escaped = false;
  let values = 0;
  let elementValues = 0;
  let started = false;
  let finished = false;
  /** What may come next between the body's own members (at depth 1). */
  let expect: 'keyOrEnd' | 'key' | 'colon' | 'value' | 'scalar' | 'commaOrEnd' = 'keyOrEnd';
  let member: Member | null = null;
  let keyStart = 0;
  let elementStart = 0;
  /** Whether the element begun at `elementStart` has anything in it yet. */
  let elementBegun = false;
  const members: Member[] = [];

  function countValue() {
    values += 1;
    elementValues += 1;
    if (values > limits.values) throw new BodyRefused(413, 'tooLarge');
    if (elementValues > limits.valuesPerElement) throw new BodyRefused(413, 'writeTooLarge');
  }

  function endElement(at: number) {
    const elements = member!.elements!;
    elements.push([elementStart, at]);
    if (elements.length > limits.elements) throw new BodyRefused(413, 'tooLarge');
    elementStart = at + 1;
    elementBegun = false;
    elementValues = 0;
  }

  /** A byte between the body's own members. */
  function between(byte: number, at: number) {
    switch (expect) {
      case 'keyOrEnd':
      case 'key':
        if (byte === closeObject && expect === 'keyOrEnd') {
          depth = 0;
          finished = true;
        } else if (byte === quote) {
          inString = true;
          keyStart = at;
          expect = 'colon';
        } else throw badRequest();
        return;
      case 'colon':
        if (byte !== colon || !member) throw badRequest();
        member.value[0] = at + 1;
        elementValues = 0;
        expect = 'value';
        return;
      case 'value':
        if (byte === comma || byte === closeObject || byte === colon) throw badRequest();
        if (byte === openArray) {
          member!.elements = [];
          elementStart = at + 1;
          elementBegun = false;
        }
        if (byte === openArray || byte === openObject) {
          depth = 2;
          countValue();
          expect = 'commaOrEnd';
        } else {
          if (byte === quote) inString = true;
          expect = 'scalar';
        }
        return;
      case 'scalar':
      case 'commaOrEnd':
        if (byte === comma || byte === closeObject) {
          member!.value[1] = at;
          members.push(member!);
          member = null;
          if (byte === comma) {
            countValue();
            expect = 'key';
          } else {
            depth = 0;
            finished = true;
          }
        } else if (expect === 'commaOrEnd') throw badRequest();
        else if (byte === quote) inString = true;
        // Anything else is a scalar's next byte; JSON.parse of the value checks it.
        return;
    }
  }

  function scan(chunk: Buffer, offset: number) {
    for (let index = 0; index < chunk.length; index += 1) {
      const byte = chunk[index]!;
      const at = offset + index;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === backslash) escaped = true;
        else if (byte === quote) {
          inString = false;
          if (depth === 1 && expect === 'colon') {
            member = { key: [keyStart, at + 1], value: [0, 0], elements: null };
          }
        }
        continue;
      }
      if (isSpace(byte)) continue;
      if (finished) throw badRequest();
      if (!started) {
        if (byte !== openObject) throw badRequest();
        started = true;
        depth = 1;
        continue;
      }
      if (depth === 1) {
        between(byte, at);
        continue;
      }
      const inArrayMember = depth === 2 && member?.elements;
      if (inArrayMember && byte === comma) {
        if (!elementBegun) throw badRequest();
        countValue();
        endElement(at);
        continue;
      }
      if (inArrayMember && byte === closeArray) {
        // `[]` has no element; `[1,]` has an empty one, which JSON.parse refuses.
        if (elementBegun || member!.elements!.length > 0) endElement(at);
        depth = 1;
        continue;
      }
      elementBegun = true;
      if (byte === quote) inString = true;
      else if (byte === openArray || byte === openObject) {
        depth += 1;
        if (depth > limits.depth) throw new BodyRefused(400, 'malformedWrite');
        countValue();
      } else if (byte === closeArray || byte === closeObject) {
        depth -= 1;
        if (depth === 1 && member?.elements) throw badRequest();
      } else if (byte === comma) countValue();
    }
  }

  return {
    scan,
    end(): Member[] {
      if (!finished) throw badRequest();
      return members;
    },
  };
}

/**
 * The body as an object, refused (BodyRefused) when it is not JSON, too large, too deep or has
 * too many values. `declaredLength` (Content-Length) over the limit is refused before a byte is
 * read.
 */
export async function readJsonBody(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer>,
  declaredLength: number | undefined,
  limits: BodyLimits,
): Promise<Record<string, unknown>> {
  if (declaredLength !== undefined && declaredLength > limits.bytes) {
    throw new BodyRefused(413, 'tooLarge');
  }
  const yieldTurn = createYielder();
  const scanner = createScanner(limits);
  const received: Buffer[] = [];
  let length = 0;
  for await (const piece of chunks) {
    const chunk = typeof piece === 'string' ? Buffer.from(piece) : piece;
    if (length + chunk.length > limits.bytes) throw new BodyRefused(413, 'tooLarge');
    scanner.scan(chunk, length);
    received.push(chunk);
    length += chunk.length;
    await yieldTurn();
  }
  const members = scanner.end();
  const body = Buffer.concat(received, length);
  const parse = ([start, end]: Span): unknown => {
    try {
      return JSON.parse(body.toString('utf8', start, end));
    } catch {
      throw badRequest();
    }
  };
  const result: Record<string, unknown> = {};
  for (const { key, value, elements } of members) {
    const name = parse(key);
    // A key of the body's own object becomes a property: never the prototype's.
    if (typeof name !== 'string' || name === '__proto__') throw badRequest();
    if (!elements) {
      result[name] = parse(value);
      continue;
    }
    const array: unknown[] = [];
    for (const element of elements) {
      array.push(parse(element));
      await yieldTurn();
    }
    result[name] = array;
  }
  return result;
}
