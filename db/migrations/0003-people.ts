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

export const people: Migration = {
  version: 3,
  name: 'people-and-hotspots',
  sql: `
-- A merged person is voided and points at the record that kept their links.
ALTER TABLE persons ADD COLUMN merged_into TEXT;
ALTER TABLE persons ADD COLUMN moved_to TEXT NOT NULL DEFAULT '';
ALTER TABLE persons ADD COLUMN moved_on TEXT;
CREATE INDEX persons_locality ON persons (locality_id, name_fold) WHERE deleted_at IS NULL;

CREATE TABLE person_links (${record},
  person_id TEXT NOT NULL REFERENCES persons (id),
  other_id TEXT NOT NULL REFERENCES persons (id),
  kind TEXT NOT NULL CHECK (kind IN ('family', 'associate', 'same_ring')),
  note TEXT NOT NULL DEFAULT '',
  CHECK (person_id <> other_id)
) STRICT;
CREATE INDEX person_links_person ON person_links (person_id);
CREATE INDEX person_links_other ON person_links (other_id);
CREATE INDEX person_links_seq ON person_links (seq);

CREATE TABLE program_kinds (${record},
  code TEXT NOT NULL UNIQUE,
  name_vi TEXT NOT NULL,
  name_en TEXT NOT NULL,
  months INTEGER,
  checkin_days INTEGER NOT NULL,
  drug_test_days INTEGER,
  source TEXT NOT NULL DEFAULT '',
  sort INTEGER NOT NULL
) STRICT;
CREATE INDEX program_kinds_seq ON program_kinds (seq);

CREATE TABLE programs (${record},
  person_id TEXT NOT NULL REFERENCES persons (id),
  kind_code TEXT NOT NULL REFERENCES program_kinds (code),
  decision_no TEXT NOT NULL DEFAULT '',
  decision_date TEXT,
  start_date TEXT NOT NULL,
  end_date TEXT,
  -- Set when the computed end was changed by hand.
  end_override_reason TEXT NOT NULL DEFAULT '',
  officer_id TEXT,
  status TEXT NOT NULL CHECK (status IN ('active', 'ended')),
  ended_on TEXT,
  end_reason TEXT,
  end_note TEXT NOT NULL DEFAULT '',
  last_checkin_on TEXT,
  next_checkin_on TEXT,
  next_test_on TEXT
) STRICT;
CREATE INDEX programs_person ON programs (person_id);
CREATE INDEX programs_end ON programs (end_date) WHERE status = 'active' AND deleted_at IS NULL;
CREATE INDEX programs_checkin ON programs (next_checkin_on) WHERE status = 'active' AND deleted_at IS NULL;
CREATE INDEX programs_test ON programs (next_test_on) WHERE status = 'active' AND deleted_at IS NULL;
CREATE INDEX programs_kind ON programs (kind_code, status);
CREATE INDEX programs_seq ON programs (seq);

CREATE TABLE program_checkins (${record},
  program_id TEXT NOT NULL REFERENCES programs (id),
  date TEXT NOT NULL,
  officer_id TEXT,
  result TEXT NOT NULL DEFAULT '',
  drug_test INTEGER NOT NULL DEFAULT 0 CHECK (drug_test IN (0, 1)),
  drug_test_result TEXT CHECK (drug_test_result IN ('negative', 'positive', 'refused'))
) STRICT;
CREATE INDEX program_checkins_program ON program_checkins (program_id, date);
CREATE INDEX program_checkins_seq ON program_checkins (seq);

CREATE TABLE hotspots (${record},
  name TEXT NOT NULL,
  name_fold TEXT NOT NULL,
  type TEXT NOT NULL CHECK (type IN ('drug_dealing', 'drug_use', 'gambling', 'illegal_lottery', 'football_betting', 'prostitution', 'other')),
  locality_id TEXT,
  address TEXT NOT NULL DEFAULT '',
  latitude REAL,
  longitude REAL,
  description TEXT NOT NULL DEFAULT '',
  risk TEXT NOT NULL DEFAULT 'medium' CHECK (risk IN ('low', 'medium', 'high')),
  status TEXT NOT NULL CHECK (status IN ('suspected', 'active', 'under_watch', 'raided', 'cleared', 'relapsed')),
  found_on TEXT NOT NULL,
  cleared_on TEXT,
  review_days INTEGER NOT NULL DEFAULT 30 CHECK (review_days > 0),
  last_check_on TEXT,
  next_review_on TEXT NOT NULL
) STRICT;
CREATE INDEX hotspots_review ON hotspots (next_review_on) WHERE deleted_at IS NULL;
CREATE INDEX hotspots_status ON hotspots (status, next_review_on) WHERE deleted_at IS NULL;
CREATE INDEX hotspots_name ON hotspots (name_fold);
CREATE INDEX hotspots_seq ON hotspots (seq);

CREATE TABLE hotspot_history (${record},
  hotspot_id TEXT NOT NULL REFERENCES hotspots (id),
  status TEXT NOT NULL,
  on_date TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX hotspot_history_hotspot ON hotspot_history (hotspot_id, on_date);
CREATE INDEX hotspot_history_seq ON hotspot_history (seq);

CREATE TABLE hotspot_persons (${record},
  hotspot_id TEXT NOT NULL REFERENCES hotspots (id),
  person_id TEXT NOT NULL REFERENCES persons (id),
  role TEXT NOT NULL CHECK (role IN ('organiser', 'dealer', 'user', 'lookout', 'frequenter'))
) STRICT;
CREATE INDEX hotspot_persons_hotspot ON hotspot_persons (hotspot_id);
CREATE INDEX hotspot_persons_person ON hotspot_persons (person_id);
CREATE INDEX hotspot_persons_seq ON hotspot_persons (seq);

CREATE TABLE hotspot_reports (${record},
  hotspot_id TEXT NOT NULL REFERENCES hotspots (id),
  report_id TEXT NOT NULL REFERENCES reports (id)
) STRICT;
CREATE INDEX hotspot_reports_hotspot ON hotspot_reports (hotspot_id);
CREATE INDEX hotspot_reports_report ON hotspot_reports (report_id);
CREATE INDEX hotspot_reports_seq ON hotspot_reports (seq);

CREATE TABLE hotspot_checks (${record},
  hotspot_id TEXT NOT NULL REFERENCES hotspots (id),
  date TEXT NOT NULL,
  officers TEXT NOT NULL DEFAULT '',
  found TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX hotspot_checks_hotspot ON hotspot_checks (hotspot_id, date);
CREATE INDEX hotspot_checks_seq ON hotspot_checks (seq);
`,
};
