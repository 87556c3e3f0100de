// The canonical agency (agency-names.ts) in the warehouse: a lookup table of the distinct
// (spelling, kab/kota, province) of a load, joined into the complaints the load writes; and
// ensureAgencies, which resolves the stored complaints again whenever the alias table, the rules
// or the resolution itself changed since they were resolved (meta key 'agency_names').
import { createHash } from 'node:crypto';
import type { DuckDBConnection } from '@duckdb/node-api';
import { ROLLUP_META_KEY } from '../../src/lib/core/rollup.server.ts';
import { AGENCY_NAMES_VERSION, agencyContext, canonicalAgency, regionIndex, type AgencyContext, type RegionRef } from './agency-names.ts';
import type { AgencyTable } from './agency-table.ts';
import type { RuleSet } from './config.ts';

const AGENCY_META_KEY = 'agency_names';
const LOOKUP = 'lk_agency';

/** What the stored names depend on: the table's entries, the OPD type and authority rules, the resolution's version. */
export function agencyFingerprint(table: AgencyTable, rules: Pick<RuleSet, 'opd_type' | 'authority'>): string {
	return createHash('sha256')
		.update(JSON.stringify([AGENCY_NAMES_VERSION, table.fingerprint, rules.opd_type, rules.authority]))
		.digest('hex');
}

/** The resolution context over the warehouse's regions and region spellings. */
export async function agencyContextFor(
	conn: DuckDBConnection,
	table: AgencyTable,
	rules: Pick<RuleSet, 'opd_type' | 'authority'>
): Promise<AgencyContext> {
	const regions = (
		await conn.runAndReadAll(`SELECT code, level, name, province_code AS "provinceCode" FROM regions`)
	).getRowObjectsJS() as unknown as RegionRef[];
	const aliases = (await conn.runAndReadAll(`SELECT alias, code, candidates FROM region_aliases`)).getRowObjectsJS() as {
		alias: string;
		code: string | null;
		candidates: string | null;
	}[];
	return agencyContext(table, rules, regionIndex(regions, aliases));
}

/** One hashable join key for a spelling in a region (a plain equi-join; NULLs are spelled chr(30)). */
const agencyKeySql = (raw: string, regency: string, province: string) =>
	`concat_ws(chr(31), ${raw}, coalesce(${regency}, chr(30)), coalesce(${province}, chr(30)))`;

/**
 * `lk_agency (k, agency_name, opd_type, agency_authority)`: the canonical agency of every distinct
 * spelling in `source` (SQL yielding agency_raw, regency_code, province_code), keyed by agencyKeySql.
 * The key is made in SQL and the spellings are matched back by number: the client does not hand
 * back every string byte for byte (a leading BOM is lost), so a key made in JavaScript could miss.
 * Returns the number of distinct spellings.
 */
export async function agencyLookup(conn: DuckDBConnection, source: string, ctx: AgencyContext): Promise<number> {
	await conn.run(`CREATE OR REPLACE TEMP TABLE ${LOOKUP}_in AS
		SELECT row_number() OVER ()::INTEGER AS id, agency_raw, regency_code, province_code,
		       ${agencyKeySql('agency_raw', 'regency_code', 'province_code')} AS k
		FROM (SELECT DISTINCT agency_raw, regency_code, province_code FROM (${source}) WHERE agency_raw IS NOT NULL)`);
	const distinct = (await conn.runAndReadAll(`SELECT id, agency_raw, regency_code, province_code FROM ${LOOKUP}_in`)).getRows() as [
		number,
		string,
		string | null,
		string | null
	][];
	await conn.run(
		`CREATE OR REPLACE TEMP TABLE ${LOOKUP}_out (id INTEGER, agency_name VARCHAR, opd_type VARCHAR NOT NULL, agency_authority VARCHAR)`
	);
	const appender = await conn.createAppender(`${LOOKUP}_out`, 'main', 'temp');
	for (const [id, raw, regency, province] of distinct) {
		const a = canonicalAgency(raw, { regency, province }, ctx);
		appender.appendInteger(id);
		if (a) {
			appender.appendVarchar(a.name);
			appender.appendVarchar(a.opdType);
			appender.appendVarchar(a.authority);
		} else {
			appender.appendNull();
			appender.appendVarchar('lainnya');
			appender.appendNull();
		}
		appender.endRow();
	}
	appender.closeSync();
	await conn.run(`CREATE OR REPLACE TEMP TABLE ${LOOKUP} AS
		SELECT i.k, o.agency_name, o.opd_type, o.agency_authority FROM ${LOOKUP}_in i JOIN ${LOOKUP}_out o USING (id);
		DROP TABLE ${LOOKUP}_in; DROP TABLE ${LOOKUP}_out;`);
	return distinct.length;
}

/** The columns a complaint `row` takes from lk_agency joined as `agency` (no spelling: no agency, type 'lainnya'). */
export const AGENCY_COLUMNS = (agency: string) =>
	`${agency}.agency_name AS agency_name, coalesce(${agency}.opd_type, 'lainnya') AS opd_type, ${agency}.agency_authority AS agency_authority`;
export const agencyJoinSql = (row: string, agency = 'ag') =>
	`LEFT JOIN ${LOOKUP} ${agency} ON ${agency}.k = ${agencyKeySql(`${row}.agency_raw`, `${row}.regency_code`, `${row}.province_code`)}`;

/**
 * Resolves every stored complaint's agency again when the stored names were made under another
 * fingerprint (or never: a warehouse of an earlier version); returns the number of complaints
 * whose name, type or authority changed. A changed OPD type drops the rollup's stamp, so the
 * caller's ensureRollup / refreshRollup rebuilds it. The fingerprint is written last.
 */
export async function ensureAgencies(
	conn: DuckDBConnection,
	table: AgencyTable,
	rules: Pick<RuleSet, 'opd_type' | 'authority'>
): Promise<number> {
	const fingerprint = agencyFingerprint(table, rules);
	const stored = (await conn.runAndReadAll(`SELECT value FROM meta WHERE key = '${AGENCY_META_KEY}'`)).getRows()[0]?.[0];
	if (stored === fingerprint) return 0;
	await agencyLookup(conn, 'SELECT agency_raw, regency_code, province_code FROM complaints', await agencyContextFor(conn, table, rules));
	// Complaints without a spelling are left as they are (no agency: nothing to resolve).
	const differs = `c.agency_raw IS NOT NULL AND (c.agency_name IS DISTINCT FROM ag.agency_name OR c.opd_type IS DISTINCT FROM coalesce(ag.opd_type, 'lainnya')
		OR c.agency_authority IS DISTINCT FROM ag.agency_authority)`;
	const [changed, retyped] = (
		await conn.runAndReadAll(
			`SELECT count(*)::INTEGER, count(*) FILTER (WHERE c.opd_type IS DISTINCT FROM coalesce(ag.opd_type, 'lainnya'))::INTEGER
			 FROM complaints c ${agencyJoinSql('c')} WHERE ${differs}`
		)
	).getRows()[0] as [number, number];
	if (changed > 0)
		await conn.run(`UPDATE complaints SET agency_name = x.agency_name, opd_type = x.opd_type, agency_authority = x.agency_authority
			FROM (SELECT c.rowid AS rid, ${AGENCY_COLUMNS('ag')} FROM complaints c ${agencyJoinSql('c')} WHERE ${differs}) x
			WHERE complaints.rowid = x.rid`);
	if (retyped > 0) await conn.run(`DELETE FROM meta WHERE key = '${ROLLUP_META_KEY}'`);
	await conn.run(`INSERT OR REPLACE INTO meta VALUES ('${AGENCY_META_KEY}', '${fingerprint}')`);
	return changed;
}
