import { AppError } from '../app-error';
import { all, first, prepared, qb, run } from '../query';
import type { ExchangeIdentityTable, ExchangePeersTable, PeerRole } from '../schema';
import type { Sqlite } from '../store';
import { fingerprintOf, generateKeyPairs, keyIdOf, legacyFingerprintOf, type PublicKeyFile } from './keys';
import type { Receiver } from './ownership';

/** This installation's office and keys, with the private keys: never sent to the interface. */
export interface Identity {
  readonly officeId: string;
  readonly keyId: string;
  readonly signPublic: string;
  readonly signPrivate: string;
  readonly boxPublic: string;
  readonly boxPrivate: string;
  /** This installation's clock node: the author of every version made here. */
  readonly nodeId: string;
}

/** The office this installation serves (set at setup; an imported office never takes its place). */
export function ownOfficeId(db: Sqlite): string | undefined {
  return (prepared(db, 'SELECT office_id FROM exchange_identity WHERE id = 1').get() as { office_id: string } | undefined)?.office_id;
}

export function initIdentity(db: Sqlite, officeId: string, now: number): void {
  run(db, qb.insertInto('exchange_identity').values({ id: 1, office_id: officeId }).onConflict((c) => c.column('id').doNothing()));
  identity(db, now);
}

/** The identity, making its keys on first use in a store set up before exchange existed. */
export function identity(db: Sqlite, now: number): Identity {
  let row = first(db, qb.selectFrom('exchange_identity').selectAll().where('id', '=', 1)) as ExchangeIdentityTable | undefined;
  if (!row) throw new AppError('setup.required', 'the store has no office identity');
  if (row.key_id === null) {
    const keys = generateKeyPairs();
    run(
      db,
      qb
        .updateTable('exchange_identity')
        .set({
          key_id: keyIdOf(keys.signPublic, keys.boxPublic),
          sign_public: keys.signPublic,
          sign_private: keys.signPrivate,
          box_public: keys.boxPublic,
          box_private: keys.boxPrivate,
          created_at: now,
        })
        .where('id', '=', 1)
        .where('key_id', 'is', null),
    );
    row = first(db, qb.selectFrom('exchange_identity').selectAll().where('id', '=', 1)) as ExchangeIdentityTable;
  }
  const node = prepared(db, 'SELECT node_id FROM clock_state WHERE id = 1').get() as { node_id: string };
  return {
    officeId: row.office_id,
    keyId: row.key_id!,
    signPublic: row.sign_public!,
    signPrivate: row.sign_private!,
    boxPublic: row.box_public!,
    boxPrivate: row.box_private!,
    nodeId: node.node_id,
  };
}

/** The public-key file of this installation, as handed to other offices. */
export function publicKeyFile(db: Sqlite, now: number): PublicKeyFile {
  const me = identity(db, now);
  const office = first(db, qb.selectFrom('offices').selectAll().where('id', '=', me.officeId));
  if (!office) throw new AppError('setup.required', 'the office record is missing');
  return {
    format: 'so-antt-public-key',
    version: 2,
    office: { id: office.id, code: office.code, name: office.name, level: office.level },
    keyId: me.keyId,
    signPublic: me.signPublic,
    boxPublic: me.boxPublic,
    fingerprint: fingerprintOf(me.signPublic, me.boxPublic, office),
  };
}

export function findPeer(db: Sqlite, keyId: string): ExchangePeersTable | undefined {
  return first(db, qb.selectFrom('exchange_peers').selectAll().where('key_id', '=', keyId).where('revoked_at', 'is', null));
}

/** This office and the offices enrolled as its children and its parent: who may write what here (ownership.ts). */
export function receiverOf(db: Sqlite, officeId: string): Receiver {
  const peers = prepared(db, "SELECT office_id, role FROM exchange_peers WHERE revoked_at IS NULL AND role <> 'sibling'").all() as { office_id: string; role: 'parent' | 'child' }[];
  return {
    officeId,
    children: new Set(peers.filter((peer) => peer.role === 'child').map((peer) => peer.office_id)),
    parents: new Set(peers.filter((peer) => peer.role === 'parent').map((peer) => peer.office_id)),
  };
}

export function listPeers(db: Sqlite): ExchangePeersTable[] {
  return all(db, qb.selectFrom('exchange_peers').selectAll().where('revoked_at', 'is', null).orderBy('role').orderBy('office_code'));
}

/**
 * Enrols a peer from its public-key file once a person confirmed the fingerprint against the printed
 * card. Enrolling again (a re-issued card) replaces the keys and keeps the sequence counters.
 */
export function enrolPeer(db: Sqlite, file: PublicKeyFile, role: PeerRole, by: { userId: string | null; now: number }): ExchangePeersTable {
  const me = identity(db, by.now);
  if (file.keyId === me.keyId) throw new AppError('exchange.own_key', 'this is this installation\'s own key');
  if (role === 'sibling' && file.office.id !== me.officeId) {
    throw new AppError('validation', 'another PC of this office must have this office\'s code', { fields: { role: 'v.peer_role' } });
  }
  if (role !== 'sibling' && file.office.id === me.officeId) {
    throw new AppError('validation', 'a key of this office can only be enrolled as another PC of it', { fields: { role: 'v.peer_role' } });
  }
  const values = {
    key_id: file.keyId,
    office_id: file.office.id,
    office_code: file.office.code,
    office_name: file.office.name,
    role,
    sign_public: file.signPublic,
    box_public: file.boxPublic,
    fingerprint: file.fingerprint,
    enrolled_at: by.now,
    enrolled_by: by.userId,
    revoked_at: null,
  };
  run(
    db,
    qb
      .insertInto('exchange_peers')
      .values({
        ...values,
        sent_seq: 0,
        sent_hash: null,
        sent_watermark: 0,
        received_seq: 0,
        received_hash: null,
        received_at: null,
        reference_version: 0,
        app_version: null,
        anchor_count: 0,
        anchor_hash: null,
      })
      .onConflict((c) => c.column('key_id').doUpdateSet(values)),
  );
  return findPeer(db, file.keyId)!;
}

/** A peer enrolled from a key card printed before the fingerprint covered the office: to enrol again. */
export function enrolledWithOldCard(peer: ExchangePeersTable): boolean {
  return peer.fingerprint === legacyFingerprintOf(peer.sign_public, peer.box_public);
}

export function revokePeer(db: Sqlite, keyId: string, now: number): void {
  const { changes } = run(db, qb.updateTable('exchange_peers').set({ revoked_at: now }).where('key_id', '=', keyId).where('revoked_at', 'is', null));
  if (changes === 0) throw new AppError('record.not_found', `no enrolled peer ${keyId}`);
}
