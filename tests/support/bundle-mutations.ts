import { createHash, sign } from 'node:crypto';
import { MAGIC } from '../../db/exchange/bundle';
import { privateKeyObject } from '../../db/exchange/keys';

/**
 * Ways to spoil a bundle file, for the fuzz test (tests/integration/bundle-fuzz.test.ts). Each takes
 * the bytes of a good bundle and a seeded random source and returns bad bytes. `resign` re-signs with
 * a key of the caller's choice, so a mutation can also get past the signature check when the key is the
 * enrolled sender's (a sender gone rogue, or a bug in a future version of the app).
 */
export type Random = () => number;

export function seeded(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (random: Random, max: number) => Math.floor(random() * max);
const SIGNATURE = 64;

interface Parts {
  readonly head: Buffer;
  readonly frames: Buffer[];
  readonly signature: Buffer;
}

/** Splits a bundle into its header part, its frames (length word included) and its signature. */
export function split(bytes: Buffer): Parts {
  const end = bytes.indexOf(0x0a, MAGIC.length) + 1;
  const frames: Buffer[] = [];
  let at = end;
  while (at + 4 <= bytes.length - SIGNATURE) {
    const length = bytes.readUInt32BE(at) & 0x7fff_ffff;
    frames.push(bytes.subarray(at, at + 4 + length));
    at += 4 + length;
  }
  return { head: bytes.subarray(0, end), frames, signature: bytes.subarray(bytes.length - SIGNATURE) };
}

/** Signs the bytes before the signature again with `signPrivate` (PKCS#8 DER base64). */
export function resign(bytes: Buffer, signPrivate: string): Buffer {
  const body = bytes.subarray(0, Math.max(0, bytes.length - SIGNATURE));
  const signature = sign(null, createHash('sha256').update(body).digest(), privateKeyObject(signPrivate));
  return Buffer.concat([body, signature]);
}

export const mutations = {
  flipBits: (bytes: Buffer, random: Random) => {
    const out = Buffer.from(bytes);
    for (let i = 0, n = 1 + int(random, 4); i < n; i += 1) {
      const at = int(random, out.length);
      out[at] = out[at]! ^ (1 << int(random, 8));
    }
    return out;
  },
  truncate: (bytes: Buffer, random: Random) => bytes.subarray(0, int(random, bytes.length)),
  append: (bytes: Buffer, random: Random) => Buffer.concat([bytes, Buffer.from(Array.from({ length: 1 + int(random, 100) }, () => int(random, 256)))]),
  /** Frames swapped, dropped or repeated: the payload's parts out of order. */
  reorder: (bytes: Buffer, random: Random) => {
    const { head, frames, signature } = split(bytes);
    const list = [...frames];
    const pick = int(random, 3);
    if (pick === 0 && list.length > 1) {
      const a = int(random, list.length);
      const b = (a + 1) % list.length;
      [list[a], list[b]] = [list[b]!, list[a]!];
    } else if (pick === 1) list.splice(int(random, list.length), 1);
    else list.splice(int(random, list.length), 0, list[int(random, list.length)]!);
    return Buffer.concat([head, ...list, signature]);
  },
  /** A field of the readable header changed (its JSON may break). */
  header: (bytes: Buffer, random: Random) => {
    const { head, frames, signature } = split(bytes);
    const text = head.toString('utf8');
    const edits: ((t: string) => string)[] = [
      (t) => t.replace(/"schemaVersion":\d+/, '"schemaVersion":999'),
      (t) => t.replace(/"seq":\d+/, `"seq":${int(random, 1e9)}`),
      (t) => t.replace(/"kind":"records"/, '"kind":"reference"'),
      (t) => t.replace(/"keyId":"[0-9a-f]{16}"/, '"keyId":"0000000000000000"'),
      (t) => t.replace(/"recipients":\[/, '"recipients":[1,'),
      (t) => t.slice(0, int(random, t.length)) + '\n',
      (t) => t.replace(/"format":"so-antt-bundle"/, '"format":"so-antt-bundle","__proto__":{"polluted":1}'),
    ];
    return Buffer.concat([Buffer.from(edits[int(random, edits.length)]!(text)), ...frames, signature]);
  },
};

export type MutationName = keyof typeof mutations;
export const mutationNames = Object.keys(mutations) as MutationName[];
