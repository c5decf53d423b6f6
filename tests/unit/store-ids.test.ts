import { describe, expect, it } from 'vitest';
import { newNodeId, uuidv7 } from '../../db/ids';

const UUIDV7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('uuidv7', () => {
  it('has the RFC 9562 layout: version 7, variant 10', () => {
    for (let i = 0; i < 200; i += 1) {
      const id = uuidv7();
      expect(id).toMatch(UUIDV7);
      const hex = id.replace(/-/g, '');
      expect(parseInt(hex[12]!, 16)).toBe(7);
      expect(parseInt(hex[16]!, 16) >> 2).toBe(0b10);
    }
  });

  it('carries the creation time in its first 48 bits', () => {
    const at = Date.UTC(2026, 2, 15, 8, 30, 0, 123);
    const id = uuidv7(at);
    expect(parseInt(id.replace(/-/g, '').slice(0, 12), 16)).toBe(at);
    expect(id.startsWith(at.toString(16).padStart(12, '0').replace(/^(.{8})/, '$1-'))).toBe(true);
  });

  it('sorts by time and never repeats', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => uuidv7(1_700_000_000_000 + i));
    expect([...ids].reverse().sort()).toEqual(ids);
    const same = Array.from({ length: 1000 }, () => uuidv7(1_700_000_000_000));
    expect(new Set(same).size).toBe(same.length);
  });
});

describe('newNodeId', () => {
  it('is 16 random hex digits', () => {
    const ids = Array.from({ length: 100 }, () => newNodeId());
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
