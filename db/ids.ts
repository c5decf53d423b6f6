import { randomBytes } from 'node:crypto';

/** The UUIDv7 layout (RFC 9562) over 16 bytes: the first 6 become the time, version and variant are set. */
function formatUuidv7(bytes: Buffer, now: number): string {
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Made where the record is created,
 * so ids never collide across offices and sort roughly by creation time.
 */
export function uuidv7(now: number = Date.now()): string {
  return formatUuidv7(randomBytes(16), now);
}

/**
 * A UUIDv7 whose random bits come from a seeded source (generated data: the same seed gives the same
 * ids). `nextUint32` returns uniformly distributed 32-bit unsigned integers.
 */
export function seededUuidv7(now: number, nextUint32: () => number): string {
  const bytes = Buffer.alloc(16);
  for (let offset = 0; offset < 16; offset += 4) bytes.writeUInt32BE(nextUint32() >>> 0, offset);
  return formatUuidv7(bytes, now);
}

/** A random node id for this installation's hybrid logical clock: 16 hex digits. */
export function newNodeId(): string {
  return randomBytes(8).toString('hex');
}
