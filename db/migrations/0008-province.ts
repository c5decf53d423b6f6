import type { Migration } from './migration';

/**
 * Province scale (issue #8): the deadlines index covers what tells which deadlines of a report are open,
 * so the deadlines view of a hundred offices classifies thousands of overdue reports from the index
 * alone, and filters by office on it. The office's register index goes: the register's unique key
 * (office_id, register_year, register_no) already orders one office's register, its live total comes
 * from the summaries, and every report written paid for both.
 */
export const province: Migration = {
  version: 8,
  name: 'province',
  sql: `
DROP INDEX reports_due;
CREATE INDEX reports_due ON reports (next_due_at, office_id, status, notice_sent_at, transfer_due_at, notice_due_at, decision_due_at, deleted_at)
  WHERE next_due_at IS NOT NULL AND deleted_at IS NULL;
DROP INDEX reports_office_register;
`,
};
