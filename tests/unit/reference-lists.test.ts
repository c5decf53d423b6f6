import { describe, expect, it } from 'vitest';
import type { CallName } from '../../api/contract';

/** The backend the renderer's invoke() reaches, as Electron's preload would expose it: it counts the reads. */
const reads: string[] = [];
let version = 0;
Object.assign(globalThis, {
  window: {
    api: {
      invoke: (name: string) => {
        if ((['categories.list', 'localities.list', 'users.officers'] as string[]).includes(name)) reads.push(name);
        return Promise.resolve({ ok: true, value: name.endsWith('.list') || name === 'users.officers' ? [{ id: `${name}@${version}` }] : null });
      },
    },
  },
});
const { invoke } = await import('../../renderer/api-client');
const { changedBy, referenceLists, referenceStore } = await import('../../renderer/data/reference-lists');

/** Lets the pending answers arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
const call = (name: CallName) => invoke(name as 'offices.list', {});

describe('the reference lists of the renderer', () => {
  it('reads a list once for every page that shows it, and again only after a write that may change it', async () => {
    const villages = referenceStore('localities.list');
    let seen = 0;
    const first = villages.subscribe(() => (seen += 1));
    const second = villages.subscribe(() => (seen += 1));
    await settle();
    expect(reads).toEqual(['localities.list']);
    expect(villages.current()).toEqual({ status: 'ready', value: [{ id: 'localities.list@0' }] });
    expect(seen).toBe(2);

    // A read, or a write that changes no list: nothing is read again.
    await call('reports.list');
    await call('reports.create');
    await settle();
    expect(reads).toEqual(['localities.list']);

    // A new village: the list on screen is read again; the categories, shown nowhere, are not.
    version = 1;
    await call('localities.create');
    await settle();
    expect(reads).toEqual(['localities.list', 'localities.list']);
    expect(villages.current()).toEqual({ status: 'ready', value: [{ id: 'localities.list@1' }] });

    // Off screen, a list is read again only when next shown, and shown meanwhile as it was.
    first();
    second();
    version = 2;
    await call('auth.login');
    await settle();
    expect(reads).toEqual(['localities.list', 'localities.list']);
    expect(villages.current()).toEqual({ status: 'ready', value: [{ id: 'localities.list@1' }] });
    const again = villages.subscribe(() => undefined);
    await settle();
    expect(reads).toEqual(['localities.list', 'localities.list', 'localities.list']);
    expect(villages.current()).toEqual({ status: 'ready', value: [{ id: 'localities.list@2' }] });
    again();
  });

  it('knows which lists a call may change', () => {
    expect(changedBy('auth.login')).toEqual(referenceLists);
    expect(changedBy('exchange.apply')).toEqual(referenceLists);
    expect(changedBy('users.create')).toEqual(['users.officers']);
    expect(changedBy('programs.createKind')).toEqual(['programs.kinds']);
    expect(changedBy('localities.list')).toEqual([]);
    expect(changedBy('users.list')).toEqual([]);
    expect(changedBy('drafts.save')).toEqual([]);
  });
});
