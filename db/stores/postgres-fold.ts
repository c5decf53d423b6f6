/**
 * The app's search fold (core/fold.ts) as an SQL function on PostgreSQL (issue #21), so that the
 * search index (a tsvector over folded text, later) and a query typed by the user fold alike on the
 * server. Step by step as core/fold.ts, in its order:
 *
 * 1. `normalize(…, NFD)` (PostgreSQL 15 or newer, a UTF-8 database);
 * 2. the combining marks U+0300–U+036F removed (the same range, not "every mark");
 * 3. đ and Đ made d;
 * 4. lower case by ICU's root locale (`und-x-icu`), the full Unicode mapping JavaScript's toLowerCase
 *    uses (final sigma, İ, ẞ), independent of the database's own locale (a C database lowers only ASCII);
 * 5. every run of what JavaScript's `\s` matches squeezed to one space (listed: PostgreSQL's `\s`
 *    depends on the locale), then the spaces at both ends trimmed.
 *
 * IMMUTABLE (an index may use it) and PARALLEL SAFE; NULL gives NULL. If the ICU library of the server
 * changes its case mapping (a major upgrade), indexes built on fold() are rebuilt (REINDEX), as for any
 * ICU collation. tests/integration/postgres-fold.test.ts checks it equals core/fold.ts.
 */
export const FOLD_FUNCTION = String.raw`
CREATE OR REPLACE FUNCTION fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  RETURN btrim(
    regexp_replace(
      lower(translate(regexp_replace(normalize($1, NFD), '[\u0300-\u036f]', '', 'g'), 'đĐ', 'dd') COLLATE "und-x-icu"),
      '[\u0009\u000a\u000b\u000c\u000d\u0020\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]+',
      ' ',
      'g'
    ),
    ' '
  )
`;
