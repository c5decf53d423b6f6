import type { Migration } from './migration';

// A shipped migration never changes: later changes come as new migrations.
const record = `
  id TEXT PRIMARY KEY NOT NULL,
  office_id TEXT NOT NULL,
  version TEXT NOT NULL,
  base_version TEXT,
  seq INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  created_by TEXT,
  updated_at INTEGER NOT NULL,
  updated_by TEXT,
  deleted_at INTEGER,
  void_reason TEXT`;

export const campaigns: Migration = {
  version: 4,
  name: 'campaigns',
  sql: `
-- What a campaign can target and report: counted from records, or seized items with a unit.
CREATE TABLE measures (${record},
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit TEXT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('reports_detected', 'cases_solved', 'persons_handled', 'hotspots_cleared', 'operations', 'seizure')),
  sort INTEGER NOT NULL
) STRICT;
CREATE INDEX measures_seq ON measures (seq);

CREATE TABLE campaigns (${record},
  name TEXT NOT NULL,
  decision_no TEXT NOT NULL DEFAULT '',
  decision_date TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  scope_all INTEGER NOT NULL DEFAULT 1 CHECK (scope_all IN (0, 1)),
  forces TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  CHECK (end_date >= start_date)
) STRICT;
CREATE INDEX campaigns_period ON campaigns (start_date, end_date) WHERE deleted_at IS NULL;
CREATE INDEX campaigns_seq ON campaigns (seq);

CREATE TABLE campaign_localities (${record},
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  locality_id TEXT NOT NULL
) STRICT;
CREATE INDEX campaign_localities_campaign ON campaign_localities (campaign_id);
CREATE INDEX campaign_localities_seq ON campaign_localities (seq);

CREATE TABLE campaign_categories (${record},
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  category_code TEXT NOT NULL
) STRICT;
CREATE INDEX campaign_categories_campaign ON campaign_categories (campaign_id);
CREATE INDEX campaign_categories_seq ON campaign_categories (seq);

CREATE TABLE campaign_targets (${record},
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  measure_code TEXT NOT NULL REFERENCES measures (code),
  target REAL NOT NULL CHECK (target >= 0)
) STRICT;
CREATE INDEX campaign_targets_campaign ON campaign_targets (campaign_id);
CREATE INDEX campaign_targets_seq ON campaign_targets (seq);

-- A result typed by hand is allowed only with a reason, and shows as such.
CREATE TABLE campaign_adjustments (${record},
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  measure_code TEXT NOT NULL REFERENCES measures (code),
  delta REAL NOT NULL,
  reason TEXT NOT NULL
) STRICT;
CREATE INDEX campaign_adjustments_campaign ON campaign_adjustments (campaign_id);
CREATE INDEX campaign_adjustments_seq ON campaign_adjustments (seq);

CREATE TABLE campaign_reports (${record},
  campaign_id TEXT NOT NULL REFERENCES campaigns (id),
  report_id TEXT NOT NULL REFERENCES reports (id)
) STRICT;
CREATE INDEX campaign_reports_campaign ON campaign_reports (campaign_id);
CREATE INDEX campaign_reports_report ON campaign_reports (report_id);
CREATE INDEX campaign_reports_seq ON campaign_reports (seq);

CREATE TABLE operations (${record},
  campaign_id TEXT REFERENCES campaigns (id),
  kind TEXT NOT NULL CHECK (kind IN ('raid', 'sweep', 'patrol', 'checkpoint', 'inspection')),
  started_at INTEGER NOT NULL,
  place TEXT NOT NULL DEFAULT '',
  locality_id TEXT,
  forces TEXT NOT NULL DEFAULT '',
  leader TEXT NOT NULL DEFAULT '',
  persons_arrested INTEGER NOT NULL DEFAULT 0 CHECK (persons_arrested >= 0),
  persons_sanctioned INTEGER NOT NULL DEFAULT 0 CHECK (persons_sanctioned >= 0),
  notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX operations_campaign ON operations (campaign_id, started_at) WHERE deleted_at IS NULL;
CREATE INDEX operations_started ON operations (started_at) WHERE deleted_at IS NULL;
CREATE INDEX operations_seq ON operations (seq);

CREATE TABLE operation_seizures (${record},
  operation_id TEXT NOT NULL REFERENCES operations (id),
  measure_code TEXT NOT NULL REFERENCES measures (code),
  quantity REAL NOT NULL CHECK (quantity >= 0)
) STRICT;
CREATE INDEX operation_seizures_operation ON operation_seizures (operation_id);
CREATE INDEX operation_seizures_seq ON operation_seizures (seq);

CREATE TABLE operation_hotspots (${record},
  operation_id TEXT NOT NULL REFERENCES operations (id),
  hotspot_id TEXT NOT NULL REFERENCES hotspots (id)
) STRICT;
CREATE INDEX operation_hotspots_operation ON operation_hotspots (operation_id);
CREATE INDEX operation_hotspots_seq ON operation_hotspots (seq);

CREATE TABLE operation_reports (${record},
  operation_id TEXT NOT NULL REFERENCES operations (id),
  report_id TEXT NOT NULL REFERENCES reports (id)
) STRICT;
CREATE INDEX operation_reports_operation ON operation_reports (operation_id);
CREATE INDEX operation_reports_seq ON operation_reports (seq);

CREATE INDEX hotspot_history_cleared ON hotspot_history (on_date) WHERE status = 'cleared' AND deleted_at IS NULL;
`,
};
