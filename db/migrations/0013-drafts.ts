import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.

/**
 * Drafts of long forms (issue #18, "never lose what was typed"): what a user has typed in a report,
 * person, campaign or operation form and not saved yet, kept per user and form so it is offered back
 * when the form is opened again. They hold personal data, so they live here, in the encrypted store,
 * never in the browser's storage; a user reads only their own (db/drafts.ts). Local working state, not
 * records: no version, no exchange, no audit; a draft is deleted when its form is saved or discarded.
 */
export const drafts: Migration = {
  version: 13,
  name: 'drafts',
  sql: `
CREATE TABLE drafts (
  user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  form TEXT NOT NULL,
  data TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, form)
) STRICT, WITHOUT ROWID;
`,
};
