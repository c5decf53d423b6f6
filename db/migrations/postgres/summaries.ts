/**
 * The summary tables kept on PostgreSQL as on SQLite (db/migrations/0006-reports.ts, 0008, 0009):
 * report_days, report_months, report_counts and report_months_all from the live reports, program_months
 * and program_months_all from the live programs, each row's share added on insert and moved on update
 * (its old share taken away, its new one added), in the same transaction as the write.
 *
 * What is PostgreSQL's own:
 * - The Vietnam day and the police month are functions, `vn_day(ms)` ('YYYY-MM-DD' of the instant in
 *   Vietnam, UTC+7 all year) and `police_month(day, cutoff)` ('YYYY-MM': from the cut-off day on, a day
 *   counts in the next month; docs/domain.md, "Reports and the police month"), tested equal to SQLite's
 *   expressions and to core/periods.ts (tests/integration/postgres-summaries.test.ts).
 * - One trigger function per table written (PL/pgSQL), fired by the union of the columns SQLite's
 *   separate triggers watch: an update of a column one summary ignores moves that summary's share from
 *   a key to the same key, which changes nothing.
 * - The bulk path sets the triggers aside by a transaction-local setting (`SET LOCAL
 *   so_antt.summaries = 'deferred'`), not by dropping them: the setting ends with the transaction, so a
 *   failed import cannot leave the summaries unkept, and other sessions' writes keep theirs.
 * - `refill_police_months()` rebuilds every summary by police month after the cut-off day changed.
 */

/** The shares of one report row (`r`) with `sign`, in every report summary. */
const reportShare = (summaryTable: string, key: string, value: string, figures = true) => `
    INSERT INTO ${summaryTable} (${key}, category_code, kind, status, n${figures ? ', deaths, injuries, damage, fine' : ''})
      VALUES (${value}, coalesce(r.category_code, ''), r.kind, r.status, sign${figures ? ', sign * coalesce(r.deaths, 0), sign * coalesce(r.injuries, 0), sign * coalesce(r.damage, 0), sign * coalesce(r.fine, 0)' : ''})
      ON CONFLICT (${key}, category_code, kind, status) DO UPDATE SET n = ${summaryTable}.n + excluded.n${
        figures
          ? `, deaths = ${summaryTable}.deaths + excluded.deaths, injuries = ${summaryTable}.injuries + excluded.injuries,
        damage = ${summaryTable}.damage + excluded.damage, fine = ${summaryTable}.fine + excluded.fine`
          : ''
      };`;

/** The share of one program row (`p`) with `sign`: its start and its end in their police months. */
const programShare = (summaryTable: string, key: string, value: (date: string) => string) =>
  (['start_date', 'ended_on'] as const)
    .map(
      (date) => `
    IF p.${date} IS NOT NULL THEN
      INSERT INTO ${summaryTable} (${key}, kind_code, started, ended)
        VALUES (${value(`p.${date}`)}, p.kind_code, ${date === 'start_date' ? 'sign' : '0'}, ${date === 'ended_on' ? 'sign' : '0'})
        ON CONFLICT (${key}, kind_code) DO UPDATE SET started = ${summaryTable}.started + excluded.started, ended = ${summaryTable}.ended + excluded.ended;
    END IF;`,
    )
    .join('');

/** The trigger on `table` that moves a row's share (`share`: its old one out, its new one in), unless deferred. */
const summaryTrigger = (table: string, share: string, columns: string) => `CREATE FUNCTION ${table}_summaries() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF summaries_deferred() THEN RETURN NULL; END IF;
  IF TG_OP = 'UPDATE' THEN PERFORM ${share}(OLD, -1); END IF;
  PERFORM ${share}(NEW, 1);
  RETURN NULL;
END $$;

CREATE TRIGGER ${table}_summaries AFTER INSERT OR UPDATE OF ${columns}
  ON ${table} FOR EACH ROW EXECUTE FUNCTION ${table}_summaries();`;

/** Rebuilds a summary by police month from its source (the SELECT of 0006's fillSummary, per police month). */
const REFILL = `
  DELETE FROM report_months;
  INSERT INTO report_months (office_id, month, category_code, kind, status, n, deaths, injuries, damage, fine)
    SELECT office_id, police_month(vn_day(received_at), cutoff), coalesce(category_code, ''), kind, status, count(*),
      coalesce(sum(deaths), 0), coalesce(sum(injuries), 0), coalesce(sum(damage), 0), coalesce(sum(fine), 0)
    FROM reports WHERE deleted_at IS NULL GROUP BY 1, 2, 3, 4, 5;
  DELETE FROM report_months_all;
  INSERT INTO report_months_all (month, category_code, kind, status, n, deaths, injuries, damage, fine)
    SELECT month, category_code, kind, status, sum(n), sum(deaths), sum(injuries), sum(damage), sum(fine)
    FROM report_months GROUP BY 1, 2, 3, 4;
  DELETE FROM program_months;
  INSERT INTO program_months (office_id, kind_code, month, started, ended)
    SELECT office_id, kind_code, month, sum(started), sum(ended) FROM (
      SELECT office_id, kind_code, police_month(start_date, cutoff) AS month, 1 AS started, 0 AS ended FROM programs WHERE deleted_at IS NULL
      UNION ALL
      SELECT office_id, kind_code, police_month(ended_on, cutoff), 0, 1 FROM programs WHERE deleted_at IS NULL AND ended_on IS NOT NULL) AS shares
    GROUP BY 1, 2, 3;
  DELETE FROM program_months_all;
  INSERT INTO program_months_all (month, kind_code, started, ended)
    SELECT month, kind_code, sum(started), sum(ended) FROM program_months GROUP BY 1, 2;`;

export const SUMMARY_SQL = `
CREATE FUNCTION vn_day(at bigint) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN to_char(date '1970-01-01' + floor((at + 25200000) / 86400000.0)::integer, 'YYYY-MM-DD');

CREATE FUNCTION police_month(day text, cutoff bigint) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN CASE
    WHEN cutoff > 1 AND substr(day, 9, 2)::integer >= cutoff
    THEN to_char(make_date(substr(day, 1, 4)::integer, substr(day, 6, 2)::integer, 1) + interval '1 month', 'YYYY-MM')
    ELSE substr(day, 1, 7) END;

-- The cut-off day as the office set it (15 unless set), as SQLite's view report_cutoff.
CREATE FUNCTION report_cutoff() RETURNS bigint LANGUAGE sql STABLE PARALLEL SAFE
  RETURN coalesce((SELECT value::bigint FROM settings WHERE key = 'reportCutoffDay'), 15);

CREATE FUNCTION summaries_deferred() RETURNS boolean LANGUAGE sql STABLE PARALLEL SAFE
  RETURN coalesce(current_setting('so_antt.summaries', true), '') = 'deferred';

CREATE FUNCTION report_share(r reports, sign bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  the_day text := vn_day(r.received_at);
  the_month text := police_month(the_day, report_cutoff());
BEGIN
  IF r.deleted_at IS NOT NULL THEN RETURN; END IF;${reportShare('report_days', 'office_id, day', 'r.office_id, the_day')}${reportShare('report_months', 'office_id, month', 'r.office_id, the_month')}${reportShare('report_months_all', 'month', 'the_month')}${reportShare('report_counts', 'office_id', 'r.office_id', false)}
END $$;

${summaryTrigger('reports', 'report_share', 'office_id, received_at, category_code, kind, status, deaths, injuries, damage, fine, deleted_at')}

CREATE FUNCTION program_share(p programs, sign bigint) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cutoff bigint := report_cutoff();
BEGIN
  IF p.deleted_at IS NOT NULL THEN RETURN; END IF;${programShare('program_months', 'office_id, month', (date) => `p.office_id, police_month(${date}, cutoff)`)}${programShare('program_months_all', 'month', (date) => `police_month(${date}, cutoff)`)}
END $$;

${summaryTrigger('programs', 'program_share', 'office_id, kind_code, start_date, ended_on, deleted_at')}

CREATE FUNCTION refill_police_months() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  cutoff bigint := report_cutoff();
BEGIN${REFILL}
END $$;
`;
