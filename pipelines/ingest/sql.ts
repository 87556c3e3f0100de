// SQL text builders for the ETL. Everything taken from an export (header names, values) enters
// SQL only through ident() / lit(), never spliced raw.
import type { Field, Profile, RuleKind, RuleSet } from './config.ts';
import { DATE_FIELDS, IDENTITY_FIELDS } from './config.ts';
import type { HeaderMapping } from './headers.ts';

export const ident = (name: string) => `"${name.replaceAll('\u0000', '').replaceAll('"', '""')}"`;
export const lit = (value: string) => `'${value.replaceAll('\u0000', '').replaceAll("'", "''")}'`;

/**
 * Expression for a field's raw text: the mapped column, the profile's constant, or NULL.
 * Blank placeholders ('', '-', 'NULL') are already NULL: staging reads them as such.
 */
export function fieldExpr(field: Field, mapping: HeaderMapping, profile: Profile, alias = 's'): string {
	const header = mapping.fields[field];
	if (header) return `${alias}.${ident(header)}`;
	const constant = profile.constants[field];
	return constant !== undefined ? lit(constant) : 'NULL::VARCHAR';
}

/**
 * Distinct raw values of one field mapped through an ordered rule list; first match wins.
 * The rules become one CASE of constant patterns so each regex is compiled once.
 */
export function ruleLookupSql(table: string, rules: RuleSet[RuleKind], rawExpr: string): string {
	const cases = rules.map((r) => `WHEN regexp_matches(t, ${lit(r.pattern)}) THEN ${lit(r.value)}`).join(' ');
	return `CREATE OR REPLACE TEMP TABLE ${table} AS
		SELECT raw, CASE ${cases} END AS value
		FROM (SELECT raw, norm_text(raw) AS t FROM (SELECT DISTINCT ${rawExpr} AS raw FROM stg s WHERE ${rawExpr} IS NOT NULL))`;
}

/**
 * Region resolution over the distinct (location, code, province, agency) combinations:
 * an explicit code wins; then the most specific part of the location text; an ambiguous
 * spelling is settled by the agency's or province's region when they name one candidate;
 * without a location, the province or a "Kota X"/"Kabupaten X" phrase inside the agency name.
 * A location that names no region (a street address) falls back to the agency's region: the
 * complaint was sent there. Only when nothing resolves is the row unknown or ambiguous.
 */
export function regionLookupSql(e: RegionInputs): string {
	return `CREATE OR REPLACE TEMP TABLE lk_region AS
	WITH d AS (
		SELECT DISTINCT ${regionKey(e)} AS key, ${e.region} AS region, ${e.code} AS code, ${e.province} AS province, ${e.agency} AS agency FROM stg s
	), part AS (
		SELECT region, norm_region(unnest(string_split(region, ','))) AS alias
		FROM (SELECT DISTINCT region FROM d WHERE region IS NOT NULL)
	), text_match AS (
		SELECT p.region,
		       -- an explicit "Kab./Kota X" beats a bare name (a kecamatan can share a city's name), which beats a province
		       arg_min(a.code, CASE WHEN r.level = 'regency' AND regexp_matches(p.alias, '^(kabupaten|kota) ') THEN 0
		                            WHEN r.level = 'regency' THEN 1 ELSE 2 END) FILTER (WHERE a.code IS NOT NULL) AS code,
		       string_agg(a.candidates, ' ') FILTER (WHERE a.candidates IS NOT NULL) AS candidates
		FROM part p LEFT JOIN region_aliases a USING (alias) LEFT JOIN regions r ON r.code = a.code
		GROUP BY p.region
	), agency_words AS (
		SELECT agency, string_split(norm_region(agency), ' ') AS w FROM (SELECT DISTINCT agency FROM d WHERE agency IS NOT NULL)
	), agency_phrase AS (
		SELECT agency, norm_region(array_to_string(w[i:j], ' ')) AS alias, j - i AS len
		FROM agency_words, range(1, len(w) + 1) r1(i), range(i + 1, least(i + 5, len(w)) + 1) r2(j)
		WHERE w[i] IN ('kabupaten', 'kab', 'kota', 'kodya', 'provinsi', 'prov', 'pemkab', 'pemkot', 'pemprov')
	), agency_match AS (
		SELECT p.agency, arg_max(a.code, p.len) AS code
		FROM agency_phrase p JOIN region_aliases a USING (alias) WHERE a.code IS NOT NULL
		GROUP BY p.agency
	), province_match AS (
		SELECT DISTINCT d.province, a.code FROM d JOIN region_aliases a ON a.alias = norm_region(d.province)
		JOIN regions r ON r.code = a.code AND r.level = 'province'
	), resolved AS (
		SELECT d.*,
		       cr.code AS code_match,
		       tm.code AS text_code,
		       tm.candidates,
		       am.code AS agency_code,
		       pm.code AS province_code_given,
		       list_filter(string_split(tm.candidates, ' '),
		                   c -> c = am.code OR c = substr(am.code, 1, 2) OR c[1:2] = pm.code) AS settled
		FROM d
		LEFT JOIN regions cr ON cr.code = region_code_form(d.code)
		LEFT JOIN text_match tm ON tm.region = d.region
		LEFT JOIN agency_match am ON am.agency = d.agency
		LEFT JOIN province_match pm ON pm.province = d.province
	)
	SELECT key, region, code, province, agency,
	       coalesce(code_match, text_code, CASE WHEN len(settled) = 1 THEN settled[1] END,
	                CASE WHEN region IS NULL AND code IS NULL THEN coalesce(agency_code, province_code_given) END,
	                agency_code) AS region_code,
	       CASE
	         WHEN code IS NOT NULL AND code_match IS NULL THEN 'unknown_region_code'
	         WHEN code_match IS NOT NULL OR text_code IS NOT NULL OR len(settled) = 1 THEN NULL
	         WHEN region IS NULL THEN NULL
	         WHEN agency_code IS NOT NULL THEN NULL
	         WHEN candidates IS NOT NULL THEN 'ambiguous_region'
	         ELSE 'unknown_region'
	       END AS problem
	FROM resolved`;
}

type RegionInputs = { region: string; code: string; province: string; agency: string };
/** One hashable join key for the four region inputs (a plain equi-join is far cheaper than four IS NOT DISTINCT FROMs). */
const regionKey = (e: RegionInputs) =>
	`concat_ws(chr(31), coalesce(${e.region}, chr(30)), coalesce(${e.code}, chr(30)), coalesce(${e.province}, chr(30)), coalesce(${e.agency}, chr(30)))`;

/** The agency as written, or taken from a "Terdisposisi ke X" status when no agency column is filled. */
export const agencyExpr = (mapping: HeaderMapping, profile: Profile) => {
	const f = (field: Field) => fieldExpr(field, mapping, profile);
	return `coalesce(${f('agency')}, nullif(trim(regexp_extract(${f('status')}, '(?i)^\\s*terdisposisi ke (.+)$', 1)), ''))`;
};

/** Distinct category texts with their path separators made uniform. */
export function categoryLookupSql(rawExpr: string): string {
	return `CREATE OR REPLACE TEMP TABLE lk_category AS
		SELECT raw, path, split_part(path, ' > ', 1) AS top
		FROM (SELECT raw, regexp_replace(tidy_label(raw), '\\s*(>|»|\\||\\s/\\s)\\s*', ' > ', 'g') AS path
		      FROM (SELECT DISTINCT ${rawExpr} AS raw FROM stg s WHERE ${rawExpr} IS NOT NULL))`;
}

/** Longest stored texts, in characters (longer ones are cut with an ellipsis: clean_text). */
export const TEXT_LIMITS = { title: 500, body: 20_000, extra: 2_000 } as const;

/**
 * The long texts (PII-masked), unmapped columns and the reporter hash. Computed once in the
 * normalisation pass: carrying them is cheaper than joining the staged rows back at insert.
 */
export function textColumnsSql(mapping: HeaderMapping, profile: Profile, salt: string): string {
	const f = (field: Field) => fieldExpr(field, mapping, profile);
	const identity = IDENTITY_FIELDS.map((k) =>
		k === 'reporter_phone' ? `nullif(regexp_replace(${f(k)}, '[^0-9]', '', 'g'), '')` : `lower(trim(${f(k)}))`
	);
	const identityHeaders = mapping.identity.filter((h) => !IDENTITY_FIELDS.some((k) => mapping.fields[k] === h));
	const reporterKey = `nullif(coalesce(${[...identity, ...identityHeaders.map((h) => `lower(trim(s.${ident(h)}))`)].join(', ')}), 'anonim')`;
	// Unmapped columns are free text too: cleaned and PII-masked like the body.
	const extra = mapping.extra.length
		? `json_object(${mapping.extra.map((h) => `${lit(h)}, mask_pii(clean_text(s.${ident(h)}, ${TEXT_LIMITS.extra}))`).join(', ')})`
		: 'NULL::JSON';
	return `mask_pii(clean_text(${f('title')}, ${TEXT_LIMITS.title})) AS title, mask_pii(clean_text(${f('body')}, ${TEXT_LIMITS.body})) AS body, ${extra} AS extra,
		CASE WHEN ${reporterKey} IS NOT NULL THEN sha256(${lit(salt)} || ${reporterKey}) END AS reporter_hash`;
}

/** Kecamatan names matched within their kab/kota, tolerant of spacing and small misspellings. */
export const DISTRICT_LOOKUP_SQL = `CREATE OR REPLACE TEMP TABLE lk_district AS
	WITH d AS (
		SELECT DISTINCT regency_code, district_raw AS raw FROM etl_norm
		WHERE regency_code IS NOT NULL AND district_raw IS NOT NULL
	), k AS (
		SELECT d.regency_code, d.raw, x.code, x.name,
		       jaro_winkler_similarity(replace(norm_region(regexp_replace(d.raw, '^(?i)kec(amatan)?[.]?\\s+', '')), ' ', ''),
		                               replace(norm_region(x.name), ' ', '')) AS sim
		FROM d JOIN districts x ON x.regency_code = d.regency_code
	)
	SELECT regency_code, raw, arg_max(code, sim) AS code, arg_max(name, sim) AS name
	FROM k WHERE sim >= 0.93 GROUP BY regency_code, raw`;

const boolSql = (expr: string, rules: RuleSet) =>
	`CASE WHEN lower(${expr}) IN (${rules.boolean.true.map(lit).join(', ')}) THEN true
	      WHEN lower(${expr}) IN (${rules.boolean.false.map(lit).join(', ')}) THEN false END`;

interface Check {
	code: string;
	when: string;
	text: string;
}

const CHECKED_RAW = [
	'tracking_id',
	'created_at',
	'verified_at',
	'dispositioned_at',
	'first_response_at',
	'closed_at',
	'status',
	'classification',
	'anonymous',
	'confidential'
] as const satisfies readonly Field[];

/**
 * The main set-wise normalisation, as statements to run in order: (1) etl_norm, one row per
 * staged row with every warehouse column; (2) the slow date parser for the values the fast one
 * left; (3) for rows that cannot be loaded, the first failing check (reason_code + reason).
 * Checks read only etl_norm's own columns, so an export header that happens to be called like a
 * warehouse column can never shadow a parsed value.
 */
export function normaliseSql(opts: {
	mapping: HeaderMapping;
	profile: Profile;
	rules: RuleSet;
	sourceRowExpr: string;
	maxDate: string;
	textColumns: string;
	/** core/fields.ts mask of the fields the file provides */
	fields: number;
}): string[] {
	const { mapping, profile, rules } = opts;
	const f = (field: Field) => fieldExpr(field, mapping, profile);
	const header = (field: Field) => lit(`"${mapping.fields[field] ?? field}"`);
	const shown = (expr: string) => `'"' || left(${expr}, 80) || '"'`;
	const raw = (field: (typeof CHECKED_RAW)[number]) => `raw_${field}`;

	const agencyRaw = agencyExpr(mapping, profile);
	const textHash = `hash(${[f('title'), f('body'), f('incident_place'), ...mapping.extra.map((h) => `s.${ident(h)}`)].join(', ')})`;
	const flag = (k: 'anonymous' | 'confidential') => boolSql(raw(k), rules);

	const checks: Check[] = [
		{
			code: 'missing_tracking_id',
			when: `nullif(trim(${raw('tracking_id')}), '') IS NULL`,
			text: `'no tracking id in ' || ${header('tracking_id')}`
		},
		...(profile.requireCreatedAt
			? [{ code: 'missing_date', when: `${raw('created_at')} IS NULL`, text: `'no complaint date in ' || ${header('created_at')}` }]
			: []),
		...DATE_FIELDS.map((d) => ({
			code: 'bad_date',
			when: `${raw(d)} IS NOT NULL AND ${d} IS NULL`,
			text: `'unparseable date in ' || ${header(d)} || ': ' || ${shown(raw(d))}`
		})),
		...DATE_FIELDS.map((d) => ({
			code: 'implausible_date',
			when: `(${d} < TIMESTAMP '2000-01-01' OR ${d} > TIMESTAMP ${lit(opts.maxDate)})`,
			text: `'date out of range in ' || ${header(d)} || ': ' || ${shown(raw(d))}`
		})),
		{ code: 'unknown_region', when: `r_problem = 'unknown_region_code'`, text: `'unknown region code: ' || ${shown('r_code')}` },
		{ code: 'unknown_region', when: `r_problem = 'unknown_region'`, text: `'unknown region: ' || ${shown('r_region')}` },
		{
			code: 'ambiguous_region',
			when: `r_problem = 'ambiguous_region'`,
			text: `'ambiguous region name: ' || ${shown('r_region')} || ' (add Kab./Kota or a region code)'`
		},
		{
			code: 'unknown_status',
			when: `${raw('status')} IS NOT NULL AND status_rule IS NULL`,
			text: `'unknown status label: ' || ${shown(raw('status'))}`
		},
		{
			code: 'unknown_classification',
			when: `${raw('classification')} IS NOT NULL AND classification IS NULL`,
			text: `'unknown classification: ' || ${shown(raw('classification'))}`
		},
		...(['anonymous', 'confidential'] as const).map((k) => ({
			code: 'bad_flag',
			when: `${raw(k)} IS NOT NULL AND (${flag(k)}) IS NULL`,
			text: `'not a yes/no value in ' || ${header(k)} || ': ' || ${shown(raw(k))}`
		}))
	];

	const dateFixes = DATE_FIELDS.map((d) => `${d} = coalesce(${d}, parse_id_ts_slow(${raw(d)}))`).join(', ');
	const dateLeft = DATE_FIELDS.map((d) => `(${d} IS NULL AND ${raw(d)} IS NOT NULL)`).join(' OR ');
	const reasonCode = `CASE ${checks.map((c) => `WHEN ${c.when} THEN ${lit(c.code)}`).join(' ')} END`;
	return [
		`CREATE OR REPLACE TEMP TABLE etl_norm AS
	SELECT x.*, NULL::VARCHAR AS reason_code, NULL::VARCHAR AS reason
	FROM (
	SELECT
		s.rowid AS rid,
		${opts.sourceRowExpr} AS source_row,
		${CHECKED_RAW.map((k) => `${f(k)} AS ${raw(k)}`).join(',\n\t\t')},
		${lit(profile.idPrefix)} || regexp_replace(trim(visible(${f('tracking_id')})), '^#\\s*', '') AS tracking_id,
		${textHash} AS text_hash,
		${opts.fields}::INTEGER AS fields,
		mask_pii(clean_text(${f('incident_place')}, ${TEXT_LIMITS.extra})) AS incident_place,
		${opts.textColumns},
		${DATE_FIELDS.map((d) => `parse_id_ts_fast(${f(d)}) AS ${d}`).join(',\n\t\t')},
		cat.path AS category_path,
		cat.top AS category_top,
		cl.value AS classification,
		coalesce(ch.value, 'lainnya') AS channel,
		${f('channel')} AS channel_raw,
		rg.province_code,
		rp.name AS province_name,
		CASE WHEN rg.level = 'regency' THEN rg.code END AS regency_code,
		CASE WHEN rg.level = 'regency' THEN rg.short_name END AS regency_name,
		${f('district')} AS district_raw,
		nullif(concat_ws(' | ', ${f('region')}, ${f('region_code')}), '') AS location_raw,
		${agencyRaw} AS agency_raw,
		st.value AS status_rule,
		reg.problem AS r_problem, reg.code AS r_code, reg.region AS r_region
	FROM stg s
	LEFT JOIN lk_region reg ON reg.key = ${regionKey({ region: f('region'), code: f('region_code'), province: f('province'), agency: agencyRaw })}
	LEFT JOIN regions rg ON rg.code = reg.region_code
	LEFT JOIN regions rp ON rp.code = rg.province_code
	LEFT JOIN lk_status st ON st.raw = ${f('status')}
	LEFT JOIN lk_classification cl ON cl.raw = ${f('classification')}
	LEFT JOIN lk_channel ch ON ch.raw = ${f('channel')}
	LEFT JOIN lk_category cat ON cat.raw = ${f('category')}
	) x`,
		// Rare spellings go through the regex-heavy parser only for the rows the fast one left.
		`UPDATE etl_norm SET ${dateFixes} WHERE ${dateLeft}`,
		`UPDATE etl_norm SET reason_code = ${reasonCode}, reason = CASE ${checks.map((c) => `WHEN ${c.when} THEN ${c.text}`).join(' ')} END
		 WHERE ${reasonCode} IS NOT NULL`
	];
}

/** Final per-row values that depend on the (possibly repaired) dates and raw flags. */
export function finalColumnsSql(rules: RuleSet): string {
	return `n.raw_status AS status_raw,
		coalesce(n.status_rule, ${DERIVED_STATUS}) AS status,
		coalesce(${boolSql('n.raw_anonymous', rules)}, false) AS is_anonymous,
		coalesce(${boolSql('n.raw_confidential', rules)}, false) AS is_confidential`;
}

export const NORM_WORK_COLUMNS = [
	'status_rule',
	'r_problem',
	'r_code',
	'r_region',
	'district_raw',
	'reason_code',
	'reason',
	...CHECKED_RAW.map((k) => `raw_${k}`)
];

const DERIVED_STATUS = `CASE WHEN closed_at IS NOT NULL THEN 'selesai' WHEN first_response_at IS NOT NULL THEN 'ditindaklanjuti'
	WHEN dispositioned_at IS NOT NULL THEN 'terdisposisi' WHEN verified_at IS NOT NULL THEN 'terverifikasi' ELSE 'belum_terverifikasi' END`;
