// Per-connection SQL macros the ETL's set-wise normalisation is built from. TEMP so they are
// never persisted into the warehouse file.

const MONTHS: Record<string, string> = {
	januari: '01',
	jan: '01',
	january: '01',
	februari: '02',
	pebruari: '02',
	feb: '02',
	peb: '02',
	february: '02',
	maret: '03',
	mar: '03',
	march: '03',
	april: '04',
	apr: '04',
	mei: '05',
	may: '05',
	juni: '06',
	jun: '06',
	june: '06',
	juli: '07',
	jul: '07',
	july: '07',
	agustus: '08',
	agu: '08',
	agt: '08',
	ags: '08',
	aug: '08',
	august: '08',
	september: '09',
	sep: '09',
	sept: '09',
	oktober: '10',
	okt: '10',
	oct: '10',
	october: '10',
	november: '11',
	nov: '11',
	nopember: '11',
	nop: '11',
	desember: '12',
	des: '12',
	dec: '12',
	december: '12'
};
const monthMap = `MAP {${Object.entries(MONTHS)
	.map(([k, v]) => `'${k}': '${v}'`)
	.join(', ')}}`;

const ISO = ['%Y-%m-%d %H:%M:%S', '%Y-%m-%dT%H:%M:%S'];
const DMY = [
	'%d/%m/%Y %H:%M:%S',
	'%d/%m/%Y %H:%M',
	'%d/%m/%Y',
	'%d-%m-%Y %H:%M:%S',
	'%d-%m-%Y %H:%M',
	'%d-%m-%Y',
	'%Y/%m/%d %H:%M:%S',
	'%Y/%m/%d %H:%M',
	'%Y/%m/%d',
	'%d.%m.%Y'
];
const WORDY = ['%d %m %Y %H:%M:%S', '%d %m %Y %H:%M', '%d %m %Y'];
const list = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;

export const INGEST_MACROS = `
-- '' and dash placeholders are missing values, not values.
CREATE OR REPLACE TEMP MACRO blank(s) AS nullif(nullif(nullif(trim(s), ''), '-'), 'NULL');

-- "16 Oktober 2023", "Senin, 16 Okt 2023 pukul 14.05 WIB" -> "16 10 2023 14:05"
CREATE OR REPLACE TEMP MACRO id_wordy_date(s) AS (
	SELECT regexp_replace(t, '[a-z]+', coalesce(${monthMap}[regexp_extract(t, '[a-z]+')], 'xx'))
	FROM (SELECT trim(regexp_replace(regexp_replace(regexp_replace(regexp_replace(lower(s),
		'^(senin|selasa|rabu|kamis|jumat|jum''at|sabtu|minggu|ahad)[, ]+', ''),
		'\\s*(pukul|jam|wib|wita|wit)\\b\\s*', ' ', 'g'),
		'([0-9]{1,2})[.]([0-9]{2})(?:[.]([0-9]{2}))?\\s*$', '\\1:\\2'),
		'[ ,]+', ' ', 'g')) AS t)
);

-- Every date spelling seen in exports: ISO (with or without T / zone), day-first numeric,
-- Indonesian month names, Excel serial numbers. NULL means unparseable (or blank).
-- The ETL runs parse_id_ts_fast (one strict strptime for plain ISO, the common case) over
-- every row and parse_id_ts_slow only over what is left: DuckDB evaluates both arms of a
-- coalesce for all rows, so the split has to be explicit.
CREATE OR REPLACE TEMP MACRO parse_id_ts_slow(raw) AS CASE
	WHEN blank(raw) IS NULL THEN NULL
	WHEN regexp_full_match(trim(raw), '[0-9]{5}([.][0-9]+)?') THEN
		CASE WHEN TRY_CAST(trim(raw) AS DOUBLE) BETWEEN 20000 AND 80000
		     THEN TIMESTAMP '1899-12-30' + to_seconds(CAST(round(TRY_CAST(trim(raw) AS DOUBLE) * 86400) AS BIGINT)) END
	WHEN regexp_matches(trim(raw), '[0-9]T?[0-9:.]+ ?(Z|[+-][0-9]{2}:?[0-9]{2})$') THEN
		CAST(timezone('Asia/Jakarta', TRY_CAST(trim(raw) AS TIMESTAMPTZ)) AS TIMESTAMP)
	ELSE coalesce(
		TRY_CAST(trim(raw) AS TIMESTAMP),
		try_strptime(trim(raw), ${list(DMY)}),
		CASE WHEN regexp_matches(lower(raw), '[a-z]') THEN try_strptime(id_wordy_date(raw), ${list(WORDY)}) END
	)
END;
CREATE OR REPLACE TEMP MACRO parse_id_ts_fast(raw) AS try_strptime(raw, ${list(ISO)});
CREATE OR REPLACE TEMP MACRO parse_id_ts(raw) AS coalesce(parse_id_ts_fast(raw), parse_id_ts_slow(raw));

-- Phone numbers, NIKs and e-mail addresses in free text, masked before storage (pii.test.ts).
-- Hostile spellings too: NIK as 16 digits or grouped 2-2-2-6-4 / 4-4-4-4 with spaces, dots or
-- dashes, also glued to letters ("NIK3578…"); after a NIK / KTP / KK label any 14–17 digits (a
-- mistyped NIK is still one); mobile numbers +62 / 62 / 0, then 8 and 8–11 more digits with any
-- single separators or brackets; landlines written (0xx) ...; e-mail, also with " [at] " / " (at) ".
-- The glued 16-digit rule runs twice: one match consumes the character after it, which may be the
-- only character before the next NIK.
-- Only texts with '@', 'at' or 8+ digits (separators allowed) pay for the regexes.
CREATE OR REPLACE TEMP MACRO mask_pii(s) AS CASE
	WHEN s IS NULL OR NOT regexp_matches(s, '@|[0-9]([ .()/-]{0,2}[0-9]){7}|(?i:[\\[(]\\s*at\\s*[\\])])') THEN s
	ELSE regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(regexp_replace(s,
		'[A-Za-z0-9._%+-]+(@|\\s*[\\[(]\\s*(?i:at)\\s*[\\])]\\s*)[A-Za-z0-9-]+(([.]|\\s*[\\[(]\\s*(?i:dot)\\s*[\\])]\\s*)[A-Za-z0-9-]+)+', '[email]', 'g'),
		'(?i)(\\b(?:nik|e-?ktp|ktp|kk|induk\\s+kependudukan|kartu\\s+keluarga))([\\s.:#=-]{0,4}(?:(?:no|nomor)[\\s.:#=-]{0,4})?)[0-9](?:[ .-]?[0-9]){13,16}([^0-9]|$)', '\\1\\2[NIK]\\3', 'g'),
		'\\b[0-9]{2}[ .-]?[0-9]{2}[ .-]?[0-9]{2}[ .-]?[0-9]{6}[ .-]?[0-9]{4}\\b', '[NIK]', 'g'),
		'\\b[0-9]{4}[ .-]?[0-9]{4}[ .-]?[0-9]{4}[ .-]?[0-9]{4}\\b', '[NIK]', 'g'),
		'(^|[^0-9])[0-9]{16}([^0-9]|$)', '\\1[NIK]\\2', 'g'),
		'(^|[^0-9])[0-9]{16}([^0-9]|$)', '\\1[NIK]\\2', 'g'),
		'(\\+\\s?62|\\b62|\\b0)[ .-]?\\(?[ .-]?8(\\)?[ .-]?[0-9]){8,11}\\b', '[telepon]', 'g'),
		'\\(0[0-9]{2,3}\\)[ .-]?[0-9]{3,4}[ .-]?[0-9]{3,5}\\b', '[telepon]', 'g')
END;

-- Invisible format characters (byte-order mark, zero-width spaces and joiners, soft hyphen,
-- direction marks): a value that differs from another only by them is the same value. Left in,
-- they made two equal labels that the DuckDB client returns alike ("\\uFEFFInfrastruktur").
CREATE OR REPLACE TEMP MACRO visible(s) AS
	regexp_replace(s, '[\\x{00AD}\\x{200B}-\\x{200F}\\x{202A}-\\x{202E}\\x{2060}-\\x{2064}\\x{2066}-\\x{2069}\\x{FEFF}]', '', 'g');

-- Free text as stored: C0 control characters (except tab and line feed), DEL, Unicode
-- bidirectional overrides and the invisible characters above removed, CRLF as LF, newlines and
-- tabs that an exporting system wrote as the two characters backslash + n / r / t (Surabaya's
-- Media Center does) turned back into newlines and tabs, cut at n characters with an ellipsis.
-- ctrl_free(s) is written out three times rather than bound once in a scalar subquery: DuckDB
-- computes the repeated expression once, whereas a subquery in a macro becomes a join for every
-- place the macro is expanded (mask_pii(clean_text(...)) expands it three times), which made
-- the text columns of a 1M-row ingest take 30 s instead of 5 s.
CREATE OR REPLACE TEMP MACRO ctrl_free(s) AS
	regexp_replace(replace(replace(replace(replace(replace(s, '\\r\\n', chr(10)), '\\n', chr(10)), '\\r', chr(10)), '\\t', chr(9)), chr(13) || chr(10), chr(10)), '[\\x00-\\x08\\x0B-\\x1F\\x7F\\x{00AD}\\x{200B}-\\x{200F}\\x{202A}-\\x{202E}\\x{2060}-\\x{2064}\\x{2066}-\\x{2069}\\x{FEFF}]', '', 'g');
CREATE OR REPLACE TEMP MACRO clean_text(s, n) AS
	CASE WHEN length(ctrl_free(s)) > n THEN left(ctrl_free(s), n - 1) || '…' ELSE ctrl_free(s) END;

CREATE OR REPLACE TEMP MACRO norm_text(s) AS lower(trim(regexp_replace(visible(s), '[\\s\\x{00A0}\\x{3000}]+', ' ', 'g')));
-- A label as stored (category, agency): visible characters, one space between words.
CREATE OR REPLACE TEMP MACRO tidy_label(s) AS trim(regexp_replace(visible(s), '[\\s\\x{00A0}\\x{3000}]+', ' ', 'g'));
`;
