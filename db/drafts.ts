import type { DraftView } from '../api/calls/drafts';
import { prepared } from './query';
import type { Sqlite } from './store';

/** Drafts of long forms, one per user and form (migration 0013). Every function takes the caller's own user id. */

export function readDraft(db: Sqlite, userId: string, form: string): DraftView | null {
  const row = prepared(db, 'SELECT data, updated_at FROM drafts WHERE user_id = ? AND form = ?').get(userId, form) as { data: string; updated_at: number } | undefined;
  return row ? { data: row.data, updatedAt: row.updated_at } : null;
}

export function saveDraft(db: Sqlite, userId: string, form: string, data: string, at: number): void {
  prepared(db, 'INSERT INTO drafts (user_id, form, data, updated_at) VALUES (?, ?, ?, ?) ON CONFLICT (user_id, form) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at').run(
    userId,
    form,
    data,
    at,
  );
}

export function discardDraft(db: Sqlite, userId: string, form: string): void {
  prepared(db, 'DELETE FROM drafts WHERE user_id = ? AND form = ?').run(userId, form);
}
