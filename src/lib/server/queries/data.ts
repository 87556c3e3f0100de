// What /data shows about the warehouse itself: the files loaded and what became of their rows, why
// rows were quarantined, which fields each source and each month provides, and which regions the
// sources cover. Files and quarantined rows belong to every region at once (core/tables.ts), so a
// scoped user gets only their region's part: the files that brought its complaints, with its own
// counts, and its own field coverage.
import { z } from 'zod';
import { FIELD_VALUE_SQL, requirementSql, SOURCE_FIELDS, type SourceField } from '$lib/core/fields';
import { REGION_LEVELS, type RegionLevel } from '$lib/core/vocab';
import { query } from '../db';
import { SCOPE_WHERE, scopeParams } from './filter-sql';

/** The tables of /data, each also a CSV (`/api/data.csv?table=`). */
export const DATA_TABLES = ['batches', 'quarantine', 'sources', 'months'] as const;

/** Batches listed, newest first: a warehouse fed daily for years has thousands. */
const BATCH_ROWS = 500;

const BATCHES_SQL = `/* unscoped: the files loaded and their row counts, for national users only */
	SELECT batch_id, file_name, profile, format, strftime(finished_at, '%Y-%m-%dT%H:%M:%S') AS loaded_at,
		rows_read::INTEGER AS rows_read, loaded::INTEGER AS loaded, updated::INTEGER AS updated,
		duplicate::INTEGER AS duplicate, quarantined::INTEGER AS quarantined, coverage
	FROM ingest_batches ORDER BY batch_id DESC LIMIT ${BATCH_ROWS}`;

// A scoped user's part of each file: the complaints of their region it first loaded, and those it
// updated (loaded earlier, by another file). Nothing about other regions' rows.
const SCOPED_BATCHES_SQL = `/* unscoped: file names and load times only; every count is of the user's region */
	WITH c AS (SELECT first_batch_id, last_batch_id FROM complaints WHERE ${SCOPE_WHERE}),
	n AS (
		SELECT batch_id, sum(loaded)::INTEGER AS loaded, sum(updated)::INTEGER AS updated FROM (
			SELECT first_batch_id AS batch_id, count(*) AS loaded, 0 AS updated FROM c GROUP BY 1
			UNION ALL
			SELECT last_batch_id, 0, count(*) FROM c WHERE last_batch_id <> first_batch_id GROUP BY 1
		) GROUP BY batch_id
	)
	SELECT b.batch_id, b.file_name, b.profile, b.format, strftime(b.finished_at, '%Y-%m-%dT%H:%M:%S') AS loaded_at,
		NULL::INTEGER AS rows_read, n.loaded, n.updated, NULL::INTEGER AS duplicate, NULL::INTEGER AS quarantined, b.coverage
	FROM n JOIN ingest_batches b USING (batch_id) ORDER BY b.batch_id DESC LIMIT ${BATCH_ROWS}`;

const BatchRow = z.object({
	batch_id: z.number().int(),
	file_name: z.string(),
	profile: z.string(),
	format: z.string(),
	loaded_at: z.string(),
	/** null for a scoped user: the file's other rows are other regions'. */
	rows_read: z.number().int().nullable(),
	loaded: z.number().int(),
	updated: z.number().int(),
	duplicate: z.number().int().nullable(),
	quarantined: z.number().int().nullable(),
	coverage: z.string().nullable()
});
export type BatchRow = z.infer<typeof BatchRow>;

const BATCH_TOTALS_SQL = `/* unscoped: totals over every file, for national users only */
	SELECT count(*)::INTEGER AS files, coalesce(sum(rows_read), 0)::INTEGER AS rows_read, coalesce(sum(loaded), 0)::INTEGER AS loaded,
		coalesce(sum(updated), 0)::INTEGER AS updated, coalesce(sum(duplicate), 0)::INTEGER AS duplicate,
		coalesce(sum(quarantined), 0)::INTEGER AS quarantined
	FROM ingest_batches`;

const BatchTotals = z.object({
	files: z.number().int(),
	rows_read: z.number().int(),
	loaded: z.number().int(),
	updated: z.number().int(),
	duplicate: z.number().int(),
	quarantined: z.number().int()
});

const isNational = () => scopeParams().scope === null;

/** The files loaded (newest first) with what became of their rows; for a scoped user, their region's part. */
export async function dataBatches(): Promise<{ national: boolean; rows: readonly BatchRow[]; totals: z.infer<typeof BatchTotals> | null }> {
	if (!isNational()) return { national: false, rows: await query(SCOPED_BATCHES_SQL, scopeParams(), BatchRow), totals: null };
	const [rows, [totals]] = await Promise.all([query(BATCHES_SQL, {}, BatchRow), query(BATCH_TOTALS_SQL, {}, BatchTotals)]);
	return { national: true, rows, totals: totals ?? null };
}

const QUARANTINE_SQL = `/* unscoped: why rows of every region were not loaded, for national users only */
	SELECT q.reason_code, count(*)::INTEGER AS n, count(DISTINCT q.batch_id)::INTEGER AS files,
		min(q.reason) AS example, min(b.file_name) AS first_file
	FROM quarantine q LEFT JOIN ingest_batches b USING (batch_id)
	GROUP BY q.reason_code ORDER BY n DESC, q.reason_code`;

const QuarantineRow = z.object({
	reason_code: z.string(),
	n: z.number().int(),
	files: z.number().int(),
	example: z.string(),
	first_file: z.string().nullable()
});
export type QuarantineRow = z.infer<typeof QuarantineRow>;

/** Quarantined rows per reason; null for a scoped user (a quarantined row may have no region at all). */
export async function quarantineReasons(): Promise<readonly QuarantineRow[] | null> {
	return isNational() ? query(QUARANTINE_SQL, {}, QuarantineRow) : null;
}

// Per field: complaints whose file provided it (`p_`) and complaints holding a value (`f_`), per
// source profile (of the file that last wrote the complaint) and per filing month (NULL: undated).
// The SQL text is built from the constant field list only.
const FIELDS_SQL = `/* unscoped: source profile names only; every count is of the user's scope */
	WITH c AS (
		SELECT last_batch_id, strftime(created_at, '%Y-%m') AS month,
			${SOURCE_FIELDS.map((f) => `${requirementSql([[f]])} AS p_${f}, (${FIELD_VALUE_SQL[f]}) IS NOT NULL AS f_${f}`).join(',\n\t\t\t')}
		FROM complaints WHERE ${SCOPE_WHERE}
	)
	SELECT CASE WHEN grouping(b.profile) = 0 THEN 'source' ELSE 'month' END AS kind,
		CASE WHEN grouping(b.profile) = 0 THEN b.profile ELSE c.month END AS key,
		count(*)::INTEGER AS n,
		${SOURCE_FIELDS.map((f) => `count_if(p_${f})::INTEGER AS p_${f}, count_if(f_${f})::INTEGER AS f_${f}`).join(',\n\t\t')}
	FROM c JOIN ingest_batches b ON b.batch_id = c.last_batch_id
	GROUP BY GROUPING SETS ((b.profile), (c.month))
	ORDER BY kind DESC, key NULLS LAST`;

const FieldRow = z
	.object({ kind: z.enum(['source', 'month']), key: z.string().nullable(), n: z.number().int() })
	.catchall(z.number().int());

export interface FieldCoverage {
	/** a source profile, or a filing month 'YYYY-MM' (null: complaints without a filing date) */
	key: string | null;
	n: number;
	/** per field: the share of complaints whose file provides it (0 = absent) and the share holding a value */
	fields: Record<SourceField, { provided: number; filled: number }>;
}

/** Field coverage of the complaints in the user's scope, per source profile and per filing month. */
export async function fieldCoverage(): Promise<{ sources: FieldCoverage[]; months: FieldCoverage[] }> {
	const rows = await query(FIELDS_SQL, scopeParams(), FieldRow);
	const out = { sources: [] as FieldCoverage[], months: [] as FieldCoverage[] };
	for (const r of rows) {
		const fields = Object.fromEntries(
			SOURCE_FIELDS.map((f) => [f, { provided: r[`p_${f}`]! / r.n, filled: r[`f_${f}`]! / r.n }])
		) as FieldCoverage['fields'];
		(r.kind === 'source' ? out.sources : out.months).push({ key: r.key, n: r.n, fields });
	}
	return out;
}

// The regions the sources cover (core/coverage.ts): whole provinces, and the kab/kota of the
// others; for a scoped user, those inside their scope only.
const IN_SCOPE = `($scope IS NULL OR code = $scope OR province_code = $scope)`;
const COVERAGE_SQL = `
	WITH c AS (SELECT * FROM coverage WHERE ${IN_SCOPE}),
	r AS (SELECT code, province_code FROM regions WHERE level = 'regency' AND ${IN_SCOPE})
	SELECT code, name, level, covered, of FROM (
		SELECT 0 AS k, NULL AS code, NULL AS name, NULL AS level,
			(SELECT count(*) FROM c WHERE level = 'regency')::INTEGER AS covered, (SELECT count(*) FROM r)::INTEGER AS of
		UNION ALL
		SELECT 1, c.code, g.short_name, c.level, NULL, NULL
		FROM c JOIN regions g USING (code)
		WHERE (c.level = 'province' AND c.whole)
			OR (c.level = 'regency' AND c.province_code NOT IN (SELECT code FROM c WHERE level = 'province' AND whole))
	) ORDER BY k, code`;

// The first row holds the counts, the others the regions.
const CoverageRow = z.object({
	code: z.string().nullable(),
	name: z.string().nullable(),
	level: z.enum(REGION_LEVELS).nullable(),
	covered: z.number().int().nullable(),
	of: z.number().int().nullable()
});

/** Covered regions (whole provinces, else kab/kota) and how many of the kab/kota (in scope) they make. */
export async function coveredRegions(): Promise<{
	regions: { code: string; name: string; level: RegionLevel }[];
	covered: number;
	of: number;
}> {
	const [counts, ...rows] = await query(COVERAGE_SQL, scopeParams(), CoverageRow);
	return {
		regions: rows.map((r) => ({ code: r.code!, name: r.name!, level: r.level! })),
		covered: counts?.covered ?? 0,
		of: counts?.of ?? 0
	};
}
