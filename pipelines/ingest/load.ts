import { createHash, randomUUID } from 'node:crypto';
import { coverageText, inferCoverage, type Coverage } from '../../src/lib/core/coverage.ts';
import { FIELD_VALUE_SQL, fieldBit, SOURCE_FIELDS } from '../../src/lib/core/fields.ts';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { REGION_MACROS } from '../warehouse/region-sql.ts';
import { CREATE_ROLLUP_MONTHS, refreshRollup, rememberMonthsSql } from '../../src/lib/core/rollup.server.ts';
import { FACTS_CALENDAR, factsSql, workCalendarSql } from '../../src/lib/core/deadline-facts.server.ts';
import { readHolidayDates } from '../warehouse/open.ts';
import { DATE_FIELDS, loadAliases, loadProfiles, loadRules, type Profile, type RuleSet } from './config.ts';
import type { AgencyContext } from './agency-names.ts';
import { AGENCY_COLUMNS, agencyContextFor, agencyFingerprint, agencyJoinSql, agencyLookup, ensureAgencies } from './agency-sql.ts';
import { agencyTablePath, loadAgencyTable } from './agency-table.ts';
import { detectProfile, mapHeaders, providedFields, SOURCE_ROW_COLUMN, type HeaderMapping } from './headers.ts';
import { inspectFile, transcodeToUtf8, type FileFacts } from './inspect.ts';
import { InputError, UnreadableFileError } from '../../src/lib/core/file-format.server.ts';
import { INGEST_MACROS } from './macros.ts';
import { looksLikeIdentity } from './pii.ts';
import { jsonToCsv, xlsxToCsv, type ParseFailure } from './records.ts';
import {
	TEXT_LIMITS,
	agencyExpr,
	categoryLookupSql,
	DISTRICT_LOOKUP_SQL,
	fieldExpr,
	finalColumnsSql,
	ident,
	textColumnsSql,
	lit,
	NORM_WORK_COLUMNS,
	normaliseSql,
	regionLookupSql,
	ruleLookupSql
} from './sql.ts';

interface Counts {
	rows_read: number;
	loaded: number;
	updated: number;
	duplicate: number;
	quarantined: number;
}
interface FileSummary extends Counts {
	file: string;
	batch_id: number;
	/** Set when the file had been loaded already (batch_id is that batch): nothing was written. */
	already_loaded?: true;
	profile: string;
	format: string;
	encoding: string;
	sha256: string;
	reasons: Record<string, number>;
	duration_ms: number;
}
export interface RunSummary extends Counts {
	run_id: string;
	files: FileSummary[];
	reasons: Record<string, number>;
	duration_ms: number;
}
export type Stage = 'inspect' | 'stage' | 'normalise' | 'upsert' | 'done';
export interface IngestOptions {
	/** force a mapping profile instead of detecting it from the headers */
	profile?: string;
	/** secret mixed into reporter hashes; kept outside the warehouse */
	salt: string;
	onStage?: (file: string, stage: Stage) => void;
	/** latest plausible complaint date (default: tomorrow) */
	maxDate?: Date;
	/** Work that commits with the load or not at all (the CLI assigns the new complaints to topics). */
	beforeCommit?: (conn: DuckDBConnection) => Promise<void>;
	/** Agency alias table (default: TELAAH_AGENCY_ALIASES, else data/reference/agency_aliases.csv). */
	agencyAliases?: string;
}

const COUNT_KEYS = ['rows_read', 'loaded', 'updated', 'duplicate', 'quarantined'] as const;

/**
 * Loads export files into the warehouse as ONE transaction: either every file is applied or,
 * on any error (unreadable file, crash), the warehouse is left exactly as it was.
 */
export async function ingest(conn: DuckDBConnection, files: string[], opts: IngestOptions): Promise<RunSummary> {
	const t0 = performance.now();
	const aliases = loadAliases();
	const rules = loadRules();
	const profiles = loadProfiles();
	const agencyTable = loadAgencyTable(agencyTablePath(opts.agencyAliases));
	const forced = opts.profile ? profiles.find((p) => p.name === opts.profile) : undefined;
	if (opts.profile && !forced) throw new InputError(`unknown profile "${opts.profile}" (known: ${profiles.map((p) => p.name).join(', ')})`);
	const runId = randomUUID();
	const configSha = createHash('sha256')
		.update(JSON.stringify({ aliases, rules, profiles, profile: opts.profile ?? null, agencies: agencyFingerprint(agencyTable, rules) }))
		.digest('hex');
	const work = mkdtempSync(join(tmpdir(), 'telaah-ingest-'));
	await conn.run(INGEST_MACROS);
	await conn.run(REGION_MACROS);
	const summaries: FileSummary[] = [];
	await conn.run('BEGIN TRANSACTION');
	try {
		await conn.run(CREATE_ROLLUP_MONTHS);
		const holidays = readHolidayDates();
		await conn.run(workCalendarSql(FACTS_CALENDAR, holidays));
		const agencies = await agencyContextFor(conn, agencyTable, rules);
		for (const [i, file] of files.entries()) {
			summaries.push(
				await ingestFile(conn, file, {
					...opts,
					runId,
					configSha,
					work: join(work, String(i)),
					choose: (headers) => forced ?? detectProfile(headers, profiles),
					map: (headers, profile) => mapHeaders(headers, profile, aliases),
					rules,
					agencies
				})
			);
		}
		// Complaints stored before an alias or rule change take it now, with the load.
		await ensureAgencies(conn, agencyTable, rules);
		await refreshRollup(
			conn,
			summaries.filter((f) => !f.already_loaded).map((f) => f.batch_id),
			FACTS_CALENDAR,
			holidays
		);
		await opts.beforeCommit?.(conn);
		await conn.run('COMMIT');
	} catch (err) {
		await conn.run('ROLLBACK');
		throw err;
	} finally {
		rmSync(work, { recursive: true, force: true });
	}
	const total = Object.fromEntries(COUNT_KEYS.map((k) => [k, summaries.reduce((s, f) => s + f[k], 0)])) as unknown as Counts;
	const reasons: Record<string, number> = {};
	for (const s of summaries) for (const [k, v] of Object.entries(s.reasons)) reasons[k] = (reasons[k] ?? 0) + v;
	return { run_id: runId, ...total, files: summaries, reasons, duration_ms: Math.round(performance.now() - t0) };
}

interface FileContext extends IngestOptions {
	runId: string;
	configSha: string;
	work: string;
	choose: (headers: string[]) => Profile;
	map: (headers: string[], profile: Profile) => HeaderMapping;
	rules: RuleSet;
	agencies: AgencyContext;
}

async function ingestFile(conn: DuckDBConnection, file: string, ctx: FileContext): Promise<FileSummary> {
	const t0 = performance.now();
	const startedAt = new Date();
	const stage = (s: Stage) => ctx.onStage?.(file, s);
	stage('inspect');
	const facts = await inspectFile(file);
	const loaded = await alreadyLoaded(conn, file, facts, ctx.configSha, t0);
	if (loaded) {
		stage('done');
		return loaded;
	}
	const { csvPath, failures, ownCsv } = await toCsv(facts, ctx.work);

	stage('stage');
	await stageCsv(conn, csvPath, ownCsv, facts);
	const headers = (await rows<{ column_name: string }>(conn, `DESCRIBE stg`)).map((r) => r.column_name);
	const profile = ctx.choose(headers);
	const mapping = await withIdentityByContent(conn, ctx.map(headers, profile));
	if (!mapping.fields.tracking_id)
		throw new UnreadableFileError(
			`${file}: no column is recognisable as the tracking id (profile "${profile.name}"); headers found: ${headers.slice(0, 30).join(', ')}`
		);
	const rejects = await rows<{ source_row: number; message: string; line: string | null }>(
		conn,
		`SELECT (line - 1)::BIGINT AS source_row, arg_min(error_message, column_idx) AS message, any_value(csv_line) AS line
		 FROM etl_rej GROUP BY line ORDER BY line`
	);

	stage('normalise');
	const f = (field: Parameters<typeof fieldExpr>[0]) => fieldExpr(field, mapping, profile);
	const agency = agencyExpr(mapping, profile);
	await conn.run(ruleLookupSql('lk_status', ctx.rules.status, f('status')));
	await conn.run(ruleLookupSql('lk_classification', ctx.rules.classification, f('classification')));
	await conn.run(ruleLookupSql('lk_channel', ctx.rules.channel, f('channel')));
	await conn.run(categoryLookupSql(f('category')));
	await conn.run(regionLookupSql({ region: f('region'), code: f('region_code'), province: f('province'), agency }));
	const normalise = normaliseSql({
		mapping,
		profile,
		rules: ctx.rules,
		sourceRowExpr: await sourceRowExpr(conn, ownCsv, rejects.length > 0),
		textColumns: textColumnsSql(mapping, profile, ctx.salt),
		fields: providedFields(mapping, profile),
		maxDate: iso(ctx.maxDate ?? new Date(Date.now() + 86_400_000))
	});
	for (const statement of normalise) await conn.run(statement);
	await conn.run(DISTRICT_LOOKUP_SQL);
	await agencyLookup(conn, `SELECT agency_raw, regency_code, province_code FROM etl_norm WHERE reason_code IS NULL`, ctx.agencies);

	stage('upsert');
	const batchId = (await rows<{ id: number }>(conn, `SELECT (coalesce(max(batch_id), 0) + 1)::INTEGER AS id FROM ingest_batches`))[0]!.id;
	const rawJson = rawRowSql(mapping, headers);
	const [valid] = await rows<{ rows: bigint; ids: bigint; invalid: bigint; stored: bigint }>(
		conn,
		`SELECT count(tracking_id) FILTER (WHERE reason_code IS NULL) AS rows, count(DISTINCT tracking_id) FILTER (WHERE reason_code IS NULL) AS ids,
		        count(*) FILTER (WHERE reason_code IS NOT NULL) AS invalid, (SELECT count(*) FROM complaints) AS stored
		 FROM etl_norm`
	);
	const repeats = valid!.rows > valid!.ids;
	// Without repeated ids (the usual case) etl_incoming is a view: the insert computes it once.
	await conn.run(incomingSql(ctx.rules, repeats));
	const bad = { invalid: valid!.invalid, dups: valid!.rows - valid!.ids };
	// Scanning the whole staged table to rebuild raw rows is only worth it when some are bad.
	if (bad!.invalid > 0n)
		await conn.run(`INSERT INTO quarantine
		SELECT ${batchId}, n.source_row, n.reason_code, n.reason, ${rawJson}
		FROM etl_norm n JOIN stg s ON s.rowid = n.rid WHERE n.reason_code IS NOT NULL`);
	if (bad!.dups > 0n)
		await conn.run(`INSERT INTO quarantine
		SELECT ${batchId}, i.source_row, 'duplicate_in_file',
		       'tracking id ' || i.tracking_id || ' appears again in row ' || i.kept_row || ', which was loaded', ${rawJson}
		FROM etl_incoming i JOIN stg s ON s.rowid = i.rid WHERE i.dup_rank > 1`);
	// Rows whose tracking id is already stored, with what to do about them; every other
	// (first-ranked) incoming row is new. Not even computed into an empty warehouse.
	await conn.run(`CREATE OR REPLACE TEMP TABLE etl_outcome AS
		SELECT i.rid, c.first_batch_id AS old_first_batch,
		       CASE WHEN c.content_hash = i.content_hash THEN 'same'
		            WHEN i.activity < greatest(${DATE_FIELDS.map((d) => `c.${d}`).join(', ')}) THEN 'stale'
		            ELSE 'changed' END AS outcome
		FROM etl_incoming i JOIN complaints c USING (tracking_id)
		WHERE i.dup_rank = 1 ${valid!.stored > 0n ? '' : 'AND false'}`);
	const [counted] = await rows<{ first: bigint; same: bigint; stale: bigint; changed: bigint }>(
		conn,
		`SELECT ${valid!.ids}::BIGINT AS first,
		        count(*) FILTER (WHERE outcome = 'same') AS same, count(*) FILTER (WHERE outcome = 'stale') AS stale,
		        count(*) FILTER (WHERE outcome = 'changed') AS changed FROM etl_outcome`
	);
	const outcomes = {
		new: Number(counted!.first - counted!.same - counted!.stale - counted!.changed),
		same: Number(counted!.same),
		stale: Number(counted!.stale),
		changed: Number(counted!.changed)
	};
	if (outcomes.stale)
		await conn.run(`INSERT INTO quarantine
		SELECT ${batchId}, i.source_row, 'stale_version',
		       'tracking id ' || i.tracking_id || ' is already stored with later activity; this older version was not applied', ${rawJson}
		FROM etl_outcome o JOIN etl_incoming i USING (rid) JOIN stg s ON s.rowid = i.rid WHERE o.outcome = 'stale'`);
	if (outcomes.changed) {
		const replaced = `tracking_id IN (SELECT i.tracking_id FROM etl_outcome o JOIN etl_incoming i USING (rid) WHERE o.outcome = 'changed')`;
		await conn.run(rememberMonthsSql(replaced)); // the old versions' months lose them from the rollup
		await conn.run(`DELETE FROM complaints WHERE ${replaced}`);
	}
	const deadlineFacts = factsSql('i', FACTS_CALENDAR);
	if (outcomes.new || outcomes.changed)
		await conn.run(`INSERT INTO complaints BY NAME
		SELECT i.* EXCLUDE (rid, source_row, text_hash, activity, dup_rank, kept_row),
		       coalesce(o.old_first_batch, ${batchId}) AS first_batch_id, ${batchId} AS last_batch_id,
		       ${deadlineFacts.select}
		FROM etl_incoming i LEFT JOIN etl_outcome o USING (rid) ${deadlineFacts.joins}
		WHERE i.dup_rank = 1 AND (o.outcome IS NULL OR o.outcome = 'changed')`);
	const withheld = mapping.identity.length > 0;
	for (const r of rejects)
		await insertRawFailure(
			conn,
			batchId,
			r.source_row,
			'malformed_row',
			`row cannot be parsed as CSV: ${r.message}`,
			withheld ? null : r.line
		);
	for (const p of failures) await insertRawFailure(conn, batchId, p.sourceRow, 'malformed_row', p.reason, withheld ? null : p.raw);

	const [staged] = await rows<{ n: bigint }>(conn, `SELECT count(*) AS n FROM stg`);
	const reasons = Object.fromEntries(
		(
			await rows<{ reason_code: string; n: number }>(
				conn,
				`SELECT reason_code, count(*)::BIGINT AS n FROM quarantine WHERE batch_id = ${batchId} GROUP BY 1 ORDER BY 2 DESC`
			)
		).map((r) => [r.reason_code, Number(r.n)])
	);
	const quarantined = Object.values(reasons).reduce((a, b) => a + b, 0);
	const counts: Counts = {
		rows_read: Number(staged!.n) + rejects.length + failures.length,
		loaded: outcomes.new,
		updated: outcomes.changed,
		duplicate: outcomes.same,
		quarantined
	};
	if (counts.rows_read !== counts.loaded + counts.updated + counts.duplicate + counts.quarantined)
		throw new Error(`${file}: counts do not reconcile ${JSON.stringify(counts)}; nothing was applied`);
	const coverage = profile.coverage ?? (await fileCoverage(conn));
	await recordFields(conn, batchId, providedFields(mapping, profile));
	await conn.run(`INSERT INTO ingest_batches BY NAME SELECT ${batchId} AS batch_id, ${lit(ctx.runId)} AS run_id, ${lit(basename(file))} AS file_name,
		${lit(facts.sha256)} AS file_sha256, ${facts.bytes} AS file_bytes, ${lit(facts.format)} AS format, ${lit(facts.encoding)} AS encoding,
		${lit(profile.name)} AS profile, ${lit(iso(startedAt))}::TIMESTAMP AS started_at, ${lit(iso(new Date()))}::TIMESTAMP AS finished_at,
		${counts.rows_read} AS rows_read, ${counts.loaded} AS loaded, ${counts.updated} AS updated, ${counts.duplicate} AS duplicate,
		${counts.quarantined} AS quarantined, ${lit(ctx.configSha)} AS config_sha256, ${lit(coverageText(coverage))} AS coverage`);
	await conn.run(`DROP TABLE IF EXISTS stg; DROP TABLE IF EXISTS etl_rej; DROP TABLE IF EXISTS etl_rej_scan; DROP TABLE IF EXISTS etl_norm;
		DROP ${repeats ? 'TABLE' : 'VIEW'} IF EXISTS etl_incoming; DROP TABLE IF EXISTS etl_outcome; DROP TABLE IF EXISTS etl_rej_adj; DROP TABLE IF EXISTS lk_agency;`);
	stage('done');
	return {
		file,
		batch_id: batchId,
		profile: profile.name,
		format: facts.format,
		encoding: facts.encoding,
		sha256: facts.sha256,
		...counts,
		reasons,
		duration_ms: Math.round(performance.now() - t0)
	};
}

const iso = (d: Date) => d.toISOString().slice(0, 19).replace('T', ' ');

/** Where the file's valid complaints are, read as the regions it covers (core/coverage.ts). */
async function fileCoverage(conn: DuckDBConnection): Promise<Coverage> {
	const placed = await rows<{ province: string | null; regency: string | null; n: bigint }>(
		conn,
		`SELECT province_code AS province, regency_code AS regency, count(*) AS n FROM etl_incoming WHERE dup_rank = 1 GROUP BY ALL`
	);
	const sizes = await rows<{ code: string; n: bigint }>(
		conn,
		`SELECT province_code AS code, count(*) AS n FROM regions WHERE level = 'regency' GROUP BY 1`
	);
	return inferCoverage(
		placed.map((r) => ({ ...r, n: Number(r.n) })),
		new Map(sizes.map((s) => [s.code, Number(s.n)]))
	);
}

/** batch_fields: each field the file provides or not, and how many complaints it wrote have a value. */
async function recordFields(conn: DuckDBConnection, batchId: number, provided: number): Promise<void> {
	const filled = SOURCE_FIELDS.map((f, i) => `count(${FIELD_VALUE_SQL[f]}) AS f${i}`).join(', ');
	await conn.run(`INSERT INTO batch_fields
		SELECT ${batchId}, f.field, f.provided, f.filled, c.written
		FROM (SELECT count(*) AS written, ${filled} FROM complaints WHERE last_batch_id = ${batchId}) c,
		LATERAL (VALUES ${SOURCE_FIELDS.map((f, i) => `(${lit(f)}, ${(provided & fieldBit(f)) !== 0}, c.f${i})`).join(', ')}) f(field, provided, filled)`);
}

/**
 * The file was loaded before under the same rules, aliases and profile: reading it again could
 * only repeat what is stored (and quarantine its stale rows once more). Its summary says so:
 * every row is a duplicate of the earlier load but the ones that load quarantined, which stay
 * in quarantine under that batch. Identical on every re-run; nothing is written.
 */
async function alreadyLoaded(
	conn: DuckDBConnection,
	file: string,
	facts: FileFacts,
	configSha: string,
	t0: number
): Promise<FileSummary | null> {
	const [prior] = await rows<{ batch_id: number; profile: string; rows_read: bigint; quarantined: bigint }>(
		conn,
		`SELECT batch_id, profile, rows_read, quarantined FROM ingest_batches
		 WHERE file_sha256 = ${lit(facts.sha256)} AND config_sha256 = ${lit(configSha)} ORDER BY batch_id LIMIT 1`
	);
	if (!prior) return null;
	const reasons = Object.fromEntries(
		(
			await rows<{ reason_code: string; n: bigint }>(
				conn,
				`SELECT reason_code, count(*) AS n FROM quarantine WHERE batch_id = ${prior.batch_id} GROUP BY 1 ORDER BY 2 DESC, 1`
			)
		).map((r) => [r.reason_code, Number(r.n)])
	);
	const read = Number(prior.rows_read);
	const quarantined = Number(prior.quarantined);
	return {
		file,
		batch_id: prior.batch_id,
		already_loaded: true,
		profile: prior.profile,
		format: facts.format,
		encoding: facts.encoding,
		sha256: facts.sha256,
		rows_read: read,
		loaded: 0,
		updated: 0,
		duplicate: read - quarantined,
		quarantined,
		reasons,
		duration_ms: Math.round(performance.now() - t0)
	};
}

async function rows<T>(conn: DuckDBConnection, sql: string): Promise<T[]> {
	return (await conn.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

/** Non-CSV formats and legacy encodings become a UTF-8 CSV that DuckDB can read natively. */
async function toCsv(facts: FileFacts, work: string): Promise<{ csvPath: string; failures: ParseFailure[]; ownCsv: boolean }> {
	if (facts.format === 'csv' && facts.encoding !== 'windows-1252') return { csvPath: facts.path, failures: [], ownCsv: false };
	mkdirSync(work, { recursive: true });
	const out = join(work, 'staged.csv');
	if (facts.format === 'csv') {
		await transcodeToUtf8(facts.path, out, 'windows-1252');
		return { csvPath: out, failures: [], ownCsv: false };
	}
	const converted = facts.format === 'json' ? await jsonToCsv(facts.path, out) : await xlsxToCsv(facts.path, out);
	return { csvPath: out, failures: converted.failures, ownCsv: true };
}

async function stageCsv(conn: DuckDBConnection, path: string, ownCsv: boolean, facts: FileFacts): Promise<void> {
	const dialect = ownCsv ? `, delim = ',', quote = '"', escape = '"'` : '';
	try {
		await conn.run(`CREATE OR REPLACE TEMP TABLE stg AS SELECT * FROM read_csv(${lit(path)},
			all_varchar = true, header = true, nullstr = ['', '-', 'NULL'], store_rejects = true, rejects_table = 'etl_rej', rejects_scan = 'etl_rej_scan',
			max_line_size = 4000000 ${dialect})`);
	} catch (e) {
		throw new UnreadableFileError(
			`${facts.path}: cannot be read as ${facts.format.toUpperCase()} (${(e as Error).message.split('\n')[0]})`
		);
	}
}

/**
 * 1-based record number of each staged row in the source file. DuckDB drops rejected records
 * from the table, so when there are any the rank among good rows is shifted past them.
 */
async function sourceRowExpr(conn: DuckDBConnection, ownCsv: boolean, hasRejects: boolean): Promise<string> {
	if (ownCsv) return `CAST(s.${ident(SOURCE_ROW_COLUMN)} AS BIGINT)`;
	// Rows written inside an open transaction get row ids from a large offset, in insertion
	// (= file) order; subtracting the first one gives the rank.
	const [first] = await rows<{ id: bigint | null }>(conn, `SELECT min(rowid) AS id FROM stg`);
	const rank = `(s.rowid - ${first?.id ?? 0} + 1)`;
	if (!hasRejects) return rank;
	await conn.run(`CREATE OR REPLACE TEMP TABLE etl_rej_adj AS
		SELECT r - j AS good_before, max(j) AS rejected_so_far
		FROM (SELECT r, row_number() OVER (ORDER BY r) AS j FROM (SELECT DISTINCT line - 1 AS r FROM etl_rej))
		GROUP BY 1`);
	return `${rank} + coalesce((SELECT max(rejected_so_far) FROM etl_rej_adj WHERE good_before < ${rank}), 0)`;
}

/**
 * Unmapped columns whose values are mostly NIKs, phone numbers or e-mail addresses (a sample
 * of 500) are identity like the ones named so: never stored in `extra` or the quarantine.
 */
async function withIdentityByContent(conn: DuckDBConnection, mapping: HeaderMapping): Promise<HeaderMapping> {
	const flagged: string[] = [];
	for (const h of mapping.extra) {
		const sample = await rows<{ v: string }>(
			conn,
			`SELECT v FROM (SELECT s.${ident(h)} AS v FROM stg s WHERE s.${ident(h)} IS NOT NULL) USING SAMPLE reservoir(500 ROWS) REPEATABLE (7)`
		);
		if (looksLikeIdentity(sample.map((r) => r.v))) flagged.push(h);
	}
	if (!flagged.length) return mapping;
	return { ...mapping, identity: [...mapping.identity, ...flagged], extra: mapping.extra.filter((h) => !flagged.includes(h)) };
}

/** The row as exported, minus reporter identity columns, its values cleaned and PII-masked. */
function rawRowSql(mapping: HeaderMapping, headers: string[]): string {
	const identity = new Set(mapping.identity);
	const keep = headers.filter((h) => !identity.has(h) && h !== SOURCE_ROW_COLUMN);
	return `json_object(${keep.map((h) => `${lit(h)}, mask_pii(clean_text(s.${ident(h)}, ${TEXT_LIMITS.extra}))`).join(', ')})`;
}

async function insertRawFailure(conn: DuckDBConnection, batch: number, row: number, code: string, reason: string, raw: string | null) {
	const rawSql =
		raw === null ? `json_object('withheld', 'the file has reporter identity columns')` : `json_object('line', mask_pii(${lit(raw)}))`;
	await conn.run(`INSERT INTO quarantine VALUES (${batch}, ${row}, ${lit(code)}, ${lit(reason)}, ${rawSql})`);
}

// What makes a stored version differ from an incoming one: every normalised column, plus a
// hash of the raw title, body and extra columns (texts are only materialised at insert time).
const HASHED_COLUMNS = [
	'tracking_id',
	'created_at',
	'verified_at',
	'dispositioned_at',
	'first_response_at',
	'closed_at',
	'text_hash',
	'category_path',
	'classification',
	'channel_raw',
	'regency_code',
	'province_code',
	'district_code',
	'district_name',
	'fields',
	'location_raw',
	'agency_raw',
	'opd_type',
	'status_raw',
	'status',
	'is_anonymous',
	'is_confidential'
];

// Valid rows with their final columns; the newest version of a tracking id within the file is
// rank 1 (later activity first, then later row), the others are quarantined as duplicates.
// The ranking window is skipped when no tracking id repeats (the usual case).
const incomingSql = (rules: RuleSet, repeats: boolean) => `CREATE OR REPLACE TEMP ${repeats ? 'TABLE' : 'VIEW'} etl_incoming AS
	SELECT *, hash(${HASHED_COLUMNS.join(', ')}) AS content_hash
	FROM (
		SELECT n.* EXCLUDE (${NORM_WORK_COLUMNS.join(', ')}),
		       ${finalColumnsSql(rules)},
		       ${AGENCY_COLUMNS('ag')},
		       d.code AS district_code,
		       coalesce(d.name, n.district_raw) AS district_name,
		       greatest(${DATE_FIELDS.map((d) => `n.${d}`).join(', ')}) AS activity,
		       ${repeats ? 'row_number() OVER w' : '1'} AS dup_rank,
		       ${repeats ? 'first_value(n.source_row) OVER w' : 'n.source_row'} AS kept_row
		FROM etl_norm n
		LEFT JOIN lk_district d ON d.regency_code = n.regency_code AND d.raw = n.district_raw
		${agencyJoinSql('n')}
		WHERE n.reason_code IS NULL
		${repeats ? `WINDOW w AS (PARTITION BY n.tracking_id ORDER BY greatest(${DATE_FIELDS.map((d) => `n.${d}`).join(', ')}) DESC NULLS LAST, n.source_row DESC)` : ''}
	)`;
