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

export const movement: Migration = {
  version: 5,
  name: 'movement',
  sql: `
-- Grassroots security and order teams (Law 30/2023/QH15): one per locality or group of localities.
CREATE TABLE teams (${record},
  name TEXT NOT NULL,
  founded_on TEXT,
  notes TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX teams_seq ON teams (seq);

CREATE TABLE team_localities (${record},
  team_id TEXT NOT NULL REFERENCES teams (id),
  locality_id TEXT NOT NULL
) STRICT;
CREATE INDEX team_localities_team ON team_localities (team_id);
CREATE INDEX team_localities_seq ON team_localities (seq);

CREATE TABLE team_members (${record},
  team_id TEXT NOT NULL REFERENCES teams (id),
  full_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('leader', 'deputy', 'member')),
  joined_on TEXT NOT NULL,
  left_on TEXT,
  contact TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX team_members_team ON team_members (team_id);
CREATE INDEX team_members_seq ON team_members (seq);

CREATE TABLE team_activities (${record},
  team_id TEXT NOT NULL REFERENCES teams (id),
  kind TEXT NOT NULL CHECK (kind IN ('patrol', 'mediation', 'information', 'other')),
  date TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  result TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX team_activities_team ON team_activities (team_id, date);
CREATE INDEX team_activities_seq ON team_activities (seq);

-- Self-management models of the movement (tự phòng, tự quản, tự bảo vệ, tự hòa giải).
CREATE TABLE models (${record},
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('self_prevention', 'self_management', 'self_protection', 'self_mediation')),
  locality_id TEXT,
  started_on TEXT NOT NULL,
  lead TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX models_seq ON models (seq);

CREATE TABLE model_evaluations (${record},
  model_id TEXT NOT NULL REFERENCES models (id),
  year INTEGER NOT NULL,
  rating TEXT NOT NULL CHECK (rating IN ('good', 'fair', 'weak')),
  note TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX model_evaluations_model ON model_evaluations (model_id, year);
CREATE INDEX model_evaluations_seq ON model_evaluations (seq);

-- The yearly "safe on security and order" evaluation (Circular 124/2021/TT-BCA).
CREATE TABLE safety_criteria (${record},
  code TEXT NOT NULL UNIQUE,
  unit_kind TEXT NOT NULL CHECK (unit_kind IN ('village', 'agency', 'enterprise', 'school')),
  text TEXT NOT NULL,
  sort INTEGER NOT NULL
) STRICT;
CREATE INDEX safety_criteria_seq ON safety_criteria (seq);

-- Agencies, enterprises and schools the office evaluates (villages are the localities).
CREATE TABLE safety_units (${record},
  name TEXT NOT NULL,
  unit_kind TEXT NOT NULL CHECK (unit_kind IN ('agency', 'enterprise', 'school')),
  locality_id TEXT
) STRICT;
CREATE INDEX safety_units_seq ON safety_units (seq);

CREATE TABLE safety_evaluations (${record},
  year INTEGER NOT NULL,
  unit_kind TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  recognised INTEGER NOT NULL CHECK (recognised IN (0, 1))
) STRICT;
CREATE INDEX safety_evaluations_year ON safety_evaluations (year, unit_kind) WHERE deleted_at IS NULL;
CREATE INDEX safety_evaluations_seq ON safety_evaluations (seq);

CREATE TABLE safety_results (${record},
  evaluation_id TEXT NOT NULL REFERENCES safety_evaluations (id),
  criterion_code TEXT NOT NULL,
  passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
  evidence TEXT NOT NULL DEFAULT ''
) STRICT;
CREATE INDEX safety_results_evaluation ON safety_results (evaluation_id);
CREATE INDEX safety_results_seq ON safety_results (seq);
`,
};
