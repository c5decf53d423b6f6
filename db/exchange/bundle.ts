import { createCipheriv, createDecipheriv, createHash, diffieHellman, generateKeyPairSync, hkdfSync, randomBytes, sign, verify, type Hash, type KeyObject } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { BUNDLE_MAX_BYTES } from '../../api/calls/exchange';
import { AppError } from '../app-error';
import { privateKeyObject, publicKeyObject } from './keys';

/**
 * The bundle file (docs/architecture.md, "Exchange"):
 *
 *   SO-ANTT-BUNDLE/1\n                 magic
 *   {header JSON}\n                    readable: format, schema, sender, recipients, sequence, …
 *   frame*                             the payload: NDJSON lines, AES-256-GCM in frames
 *   signature (64 bytes)               Ed25519 over SHA-256 of everything before it
 *
 * A frame is a 4-byte big-endian length (the top bit marks the last frame) and that many bytes of
 * ciphertext followed by its 16-byte tag. Each frame has its own nonce (its index) and its index and
 * "last" flag in the additional data, so frames cannot be reordered, dropped or cut off unnoticed even
 * before the signature is checked. Writing and reading both stream: memory does not grow with the file.
 */

export const MAGIC = Buffer.from('SO-ANTT-BUNDLE/1\n');
const FRAME_PLAIN = 64 * 1024;
const TAG = 16;
const LAST = 0x8000_0000;
const MAX_HEADER = 64 * 1024;
const MAX_LINE = 4 * 1024 * 1024;
const SIGNATURE = 64;

const b64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/).max(200);
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** A point of the sender's audit chain: its entry count and the hash of the entry at that count. */
export const auditPointSchema = z.object({ count: z.number().int().min(0), hash: sha256Hex });
export type AuditPoint = z.infer<typeof auditPointSchema>;

export const recipientSchema = z.object({
  keyId: z.string().regex(/^[0-9a-f]{16}$/),
  officeId: z.string().min(1).max(20),
  /** This sender's bundles to this recipient are numbered 1, 2, …; a jump is a gap. */
  seq: z.number().int().min(1),
  /** The hash of the previous bundle this sender sent this recipient (null for the first). */
  previousHash: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
  /** The content key, AES-256-GCM under a key from X25519(ephemeral, recipient) and HKDF: iv|ct|tag. */
  wrappedKey: b64,
  /**
   * Format 2: the points of the sender's audit chain anchored by its last bundles to this recipient,
   * as the chain holds them now; the recipient compares the one it kept (docs/decisions.md, "Audit
   * anchored upstream").
   */
  auditAnchors: z.array(auditPointSchema).max(16).optional(),
});

/**
 * The readable header. Format 2 (this version) adds the sender's app version and audit head, and the
 * audit anchors per recipient; format 1 files (earlier apps) still read. Fields added by later
 * versions are ignored, not refused: the signature covers them all the same.
 */
export const headerSchema = z.object({
  format: z.literal('so-antt-bundle'),
  formatVersion: z.union([z.literal(1), z.literal(2)]),
  appVersion: z.string().regex(/^\d{1,4}\.\d{1,4}\.\d{1,4}[0-9A-Za-z.+-]{0,30}$/).optional(),
  /** The sender's audit chain when the bundle was made: entry count and the last entry's hash. */
  audit: auditPointSchema.optional(),
  schemaVersion: z.number().int().min(1),
  bundleId: z.string().regex(/^[0-9a-f-]{36}$/),
  kind: z.enum(['records', 'reference']),
  mode: z.enum(['full', 'delta']),
  createdAt: z.number().int(),
  sender: z.object({
    officeId: z.string().min(1).max(20),
    officeCode: z.string().min(1).max(20),
    officeName: z.string().min(1).max(200),
    keyId: z.string().regex(/^[0-9a-f]{16}$/),
  }),
  /** Reference data: the set this bundle carries (reference) or the set the sender holds (records). */
  referenceVersion: z.number().int().min(0),
  ephemeralPublic: b64,
  recipients: z.array(recipientSchema).min(1).max(200),
});

export type BundleHeader = z.infer<typeof headerSchema>;
export type RecipientEntry = z.infer<typeof recipientSchema>;

export interface Recipient {
  readonly keyId: string;
  readonly officeId: string;
  readonly boxPublic: string;
  readonly seq: number;
  readonly previousHash: string | null;
  readonly auditAnchors?: readonly AuditPoint[];
}

function wrapInfo(bundleId: string, keyId: string): Buffer {
  return Buffer.from(`so-antt bundle key\n${bundleId}\n${keyId}`);
}

function kek(privateKey: KeyObject, publicKey: KeyObject, bundleId: string, keyId: string): Buffer {
  const shared = diffieHellman({ privateKey, publicKey });
  return Buffer.from(hkdfSync('sha256', shared, Buffer.from(bundleId), wrapInfo(bundleId, keyId), 32));
}

function seal(key: Buffer, iv: Buffer, plain: Buffer, aad: Buffer): Buffer {
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(aad);
  return Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
}

function open(key: Buffer, iv: Buffer, sealed: Buffer, aad: Buffer): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAAD(aad);
  decipher.setAuthTag(sealed.subarray(sealed.length - TAG));
  return Buffer.concat([decipher.update(sealed.subarray(0, sealed.length - TAG)), decipher.final()]);
}

function frameNonce(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeUIntBE(index, 6, 6);
  return nonce;
}

function frameAad(bundleId: string, index: number, last: boolean): Buffer {
  return Buffer.from(`${bundleId}:${index}:${last ? 1 : 0}`);
}

/** Writes a bundle to `path`, line by line; returns the whole file's SHA-256 (the chain hash) and size. */
export class BundleWriter {
  private readonly fd: number;
  private readonly digest = createHash('sha256');
  private readonly key = randomBytes(32);
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private frames = 0;
  private bytes = 0;
  private closed = false;

  constructor(
    path: string,
    private readonly header: Omit<BundleHeader, 'ephemeralPublic' | 'recipients' | 'format' | 'formatVersion'>,
    recipients: readonly Recipient[],
    private readonly signPrivate: string,
  ) {
    const ephemeral = generateKeyPairSync('x25519');
    const entries: RecipientEntry[] = recipients.map((r) => {
      const wrapKey = kek(ephemeral.privateKey, publicKeyObject(r.boxPublic, 'X25519'), header.bundleId, r.keyId);
      const iv = randomBytes(12);
      const wrapped = Buffer.concat([iv, seal(wrapKey, iv, this.key, Buffer.from(header.bundleId))]);
      return {
        keyId: r.keyId,
        officeId: r.officeId,
        seq: r.seq,
        previousHash: r.previousHash,
        wrappedKey: wrapped.toString('base64'),
        ...(r.auditAnchors ? { auditAnchors: [...r.auditAnchors] } : {}),
      };
    });
    const full: BundleHeader = {
      format: 'so-antt-bundle',
      formatVersion: 2,
      ...header,
      ephemeralPublic: Buffer.from(ephemeral.publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('base64'),
      recipients: entries,
    };
    this.fd = openSync(path, 'w', 0o600);
    this.write(MAGIC);
    this.write(Buffer.from(`${JSON.stringify(full)}\n`));
  }

  line(value: unknown): void {
    this.text(`${JSON.stringify(value)}\n`);
  }

  /** A line already serialised, ending with its newline. */
  text(line: string): void {
    const bytes = Buffer.from(line);
    this.pending.push(bytes);
    this.pendingBytes += bytes.length;
    if (this.pendingBytes >= FRAME_PLAIN) this.flush(false);
  }

  finish(): { hash: string; bytes: number } {
    this.flush(true);
    const signature = sign(null, this.digest.copy().digest(), privateKeyObject(this.signPrivate));
    this.write(signature);
    this.close();
    return { hash: this.digest.digest('hex'), bytes: this.bytes };
  }

  /** Closes the file after a failure; the caller removes it. */
  abort(): void {
    this.close();
  }

  private close(): void {
    if (!this.closed) closeSync(this.fd);
    this.closed = true;
  }

  private flush(last: boolean): void {
    const plain = Buffer.concat(this.pending);
    this.pending = [];
    this.pendingBytes = 0;
    const index = this.frames;
    this.frames += 1;
    const sealed = seal(this.key, frameNonce(index), plain, frameAad(this.header.bundleId, index, last));
    const length = Buffer.alloc(4);
    length.writeUInt32BE((sealed.length | (last ? LAST : 0)) >>> 0);
    this.write(length);
    this.write(sealed);
  }

  private write(bytes: Buffer): void {
    writeSync(this.fd, bytes);
    this.digest.update(bytes);
    this.bytes += bytes.length;
  }
}

/** Reads the readable part of a bundle without any key: enough to show who sent it and to whom. */
export function readHeader(path: string): { header: BundleHeader; payloadStart: number; size: number } {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > BUNDLE_MAX_BYTES) throw bundleTooLarge();
    const head = Buffer.alloc(Math.min(size, MAGIC.length + MAX_HEADER));
    readSync(fd, head, 0, head.length, 0);
    if (head.length < MAGIC.length || !head.subarray(0, MAGIC.length).equals(MAGIC)) throw notBundle('the file does not start with the bundle magic');
    const end = head.indexOf(0x0a, MAGIC.length);
    if (end < 0) throw notBundle('the header is missing or too long');
    let data: unknown;
    try {
      data = JSON.parse(head.subarray(MAGIC.length, end).toString('utf8'));
    } catch {
      throw notBundle('the header is not JSON');
    }
    const parsed = headerSchema.safeParse(data);
    if (!parsed.success) throw notBundle('the header is not a bundle header');
    return { header: parsed.data, payloadStart: end + 1, size };
  } finally {
    closeSync(fd);
  }
}

/** The refusal of a file over BUNDLE_MAX_BYTES, wherever it arrives (an upload, a file staged from disk, the import). */
export function bundleTooLarge(): AppError {
  return new AppError('exchange.too_large', `the file is over ${BUNDLE_MAX_BYTES} bytes, the largest bundle accepted`);
}

function notBundle(message: string): AppError {
  return new AppError('exchange.not_bundle', message);
}

function tampered(message: string): AppError {
  return new AppError('exchange.tampered', message);
}

function undecryptable(message: string): AppError {
  return new AppError('exchange.undecryptable', message);
}

export interface OpenedBundle {
  readonly header: BundleHeader;
  readonly recipient: RecipientEntry;
  /** SHA-256 of the whole file: what the sender's next bundle names as its previous one. */
  readonly hash: string;
  readonly size: number;
  /**
   * The payload's lines, decrypted frame by frame; throws exchange.tampered at the first bad frame.
   * Given `digest`, every line but the last (a records bundle's manifest) goes into it as its bytes
   * were sent, each with its newline: hashed frame by frame, not line by line.
   */
  lines(digest?: Hash): Generator<string>;
  /** How far `lines` has read through the payload, 0 to 1: the import's progress. */
  read(): number;
}

/**
 * Checks a bundle before any of its content is trusted: the signature of the whole file against the
 * sender's enrolled key (a flipped byte, a cut or an appended byte anywhere fails here), then unwraps
 * the content key addressed to `me`. `senderKey` looks up the enrolled signing key by key id.
 */
export function openBundle(
  path: string,
  me: { readonly keyId: string; readonly boxPrivate: string },
  senderKey: (header: BundleHeader) => string,
): OpenedBundle {
  const { header, payloadStart, size } = readHeader(path);
  const recipient = header.recipients.find((r) => r.keyId === me.keyId);
  const signPublic = senderKey(header);
  if (size < payloadStart + SIGNATURE) throw tampered('the file is truncated');
  const fd = openSync(path, 'r');
  const digest = createHash('sha256');
  const signature = Buffer.alloc(SIGNATURE);
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    const signedBytes = size - SIGNATURE;
    for (let at = 0; at < signedBytes; ) {
      const n = readSync(fd, chunk, 0, Math.min(chunk.length, signedBytes - at), at);
      if (n <= 0) throw tampered('the file ended early');
      digest.update(chunk.subarray(0, n));
      at += n;
    }
    readSync(fd, signature, 0, SIGNATURE, signedBytes);
  } finally {
    closeSync(fd);
  }
  // The whole file's hash goes on from the signed part's: each byte is hashed once.
  const whole = digest.copy().update(signature);
  if (!verify(null, digest.digest(), publicKeyObject(signPublic, 'Ed25519'), signature)) {
    throw new AppError('exchange.bad_signature', 'the signature does not verify against the enrolled key');
  }
  if (!recipient) throw new AppError('exchange.not_for_us', `the bundle is not addressed to key ${me.keyId}`);
  let key: Buffer;
  try {
    const wrapped = Buffer.from(recipient.wrappedKey, 'base64');
    const wrapKey = kek(privateKeyObject(me.boxPrivate), publicKeyObject(header.ephemeralPublic, 'X25519'), header.bundleId, me.keyId);
    key = open(wrapKey, wrapped.subarray(0, 12), wrapped.subarray(12), Buffer.from(header.bundleId));
  } catch {
    throw undecryptable('the content key cannot be unwrapped');
  }
  const position = { at: payloadStart };
  return {
    header,
    recipient,
    hash: whole.digest('hex'),
    size,
    lines: (digest) => frameLines(path, payloadStart, size - SIGNATURE, key, header.bundleId, position, digest),
    read: () => (position.at - payloadStart) / Math.max(1, size - SIGNATURE - payloadStart),
  };
}

const NEWLINE = 0x0a;
const NEWLINE_BYTES = Buffer.from('\n');

function* frameLines(path: string, start: number, end: number, key: Buffer, bundleId: string, position: { at: number }, digest?: Hash): Generator<string> {
  const fd = openSync(path, 'r');
  try {
    let at = start;
    position.at = start;
    let index = 0;
    // The bytes after the last newline read (a line cut by the frame's end), and the last whole line
    // read, not hashed yet (it may be the last line of all).
    let rest: Buffer = Buffer.alloc(0);
    let held: Buffer | null = null;
    const hashHeld = () => {
      if (held !== null) digest?.update(held).update(NEWLINE_BYTES);
      held = null;
    };
    const lengthBytes = Buffer.alloc(4);
    for (;;) {
      if (at + 4 > end) throw tampered('the payload ends before its last frame');
      readSync(fd, lengthBytes, 0, 4, at);
      const word = lengthBytes.readUInt32BE(0);
      const last = (word & LAST) !== 0;
      const length = word & ~LAST;
      if (length < TAG || length > FRAME_PLAIN * 4 + TAG || at + 4 + length > end) throw tampered('a frame has an impossible length');
      const sealed = Buffer.alloc(length);
      readSync(fd, sealed, 0, length, at + 4);
      let plain: Buffer;
      try {
        plain = open(key, frameNonce(index), sealed, frameAad(bundleId, index, last));
      } catch {
        throw undecryptable(`frame ${index} does not decrypt`);
      }
      at += 4 + length;
      position.at = at;
      index += 1;
      // Whole lines are cut at a newline byte, which is never inside a character's UTF-8 bytes.
      const bytes = rest.length === 0 ? plain : Buffer.concat([rest, plain]);
      const cut = bytes.lastIndexOf(NEWLINE);
      rest = bytes.subarray(cut + 1);
      if (rest.length > MAX_LINE && rest.toString('utf8').length > MAX_LINE) throw tampered('a line is too long');
      if (cut >= 0) {
        const whole = bytes.subarray(0, cut);
        const lastStart = whole.lastIndexOf(NEWLINE) + 1;
        hashHeld();
        if (lastStart > 0) digest?.update(whole.subarray(0, lastStart));
        held = whole.subarray(lastStart);
        yield* whole.toString('utf8').split('\n');
      }
      if (last) {
        if (at !== end) throw tampered('bytes after the last frame');
        if (rest.length > 0) {
          hashHeld();
          yield rest.toString('utf8');
        }
        return;
      }
    }
  } finally {
    closeSync(fd);
  }
}
