import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { REGION_MACROS } from './region-sql.ts';
import { parseHolidays } from '../../src/lib/core/holiday-list.ts';
import { ensureDeadlineFacts, FACTS_CALENDAR } from '../../src/lib/core/deadline-facts.server.ts';
import { ensureRollup } from '../../src/lib/core/rollup.server.ts';
import { ensureAgencies } from '../ingest/agency-sql.ts';
import { agencyTablePath, loadAgencyTable } from '../ingest/agency-table.ts';
import { loadRules } from '../ingest/config.ts';

const here = dirname(fileURLToPath(import.meta.url));
export const REPO_ROOT = resolve(here, '../..');
export const REFERENCE_DIR = resolve(REPO_ROOT, 'data/reference');
export const DEFAULT_DB = resolve(REPO_ROOT, 'data/telaah.duckdb');
const SCHEMA_VERSION = '1';

export interface Warehouse {
	instance: DuckDBInstance;
	conn: DuckDBConnection;
	path: string;
	created: boolean;
	close(): void;
}

/**
 * Opens (and if missing, creates) a warehouse file. A fresh file gets the schema and the
 * reference tables from data/reference; an existing one only gets any missing tables.
 */
export async function openWarehouse(path: string = DEFAULT_DB): Promise<Warehouse> {
	const file = resolve(path);
	const created = !existsSync(file);
	if (created) mkdirSync(dirname(file), { recursive: true });
	const instance = await DuckDBInstance.create(file);
	const conn = await instance.connect();
	try {
		await conn.run(readFileSync(resolve(REPO_ROOT, 'src/lib/core/schema.sql'), 'utf8'));
		await conn.run(REGION_MACROS);
		const loaded = await conn.runAndReadAll(`SELECT count(*)::INTEGER AS n FROM regions`);
		if (loaded.getRowObjectsJson()[0]?.n === 0) await loadReference(conn);
		const holidays = readHolidayDates();
		await ensureDeadlineFacts(conn, holidays);
		// Before the rollup: a changed OPD type makes it rebuild.
		await ensureAgencies(conn, loadAgencyTable(agencyTablePath()), loadRules());
		await ensureRollup(conn, FACTS_CALENDAR, holidays);
	} catch (err) {
		conn.closeSync();
		instance.closeSync();
		throw err;
	}
	return {
		instance,
		conn,
		path: file,
		created,
		close() {
			conn.closeSync();
			instance.closeSync();
		}
	};
}

/** The dates of data/reference/holidays_id.csv. */
export function readHolidayDates(): string[] {
	return parseHolidays(readFileSync(resolve(REFERENCE_DIR, 'holidays_id.csv'), 'utf8')).map((h) => h.date);
}

const ref = (name: string) => `'${resolve(REFERENCE_DIR, name).replaceAll("'", "''")}'`;

/** Loads regions, districts, aliases and targets from data/reference in one transaction. */
async function loadReference(conn: DuckDBConnection): Promise<void> {
	await conn.run('BEGIN TRANSACTION');
	try {
		await conn.run(`
			INSERT INTO regions
			SELECT p.code, 'province', 'provinsi', p.name, p.name, p.code, pop.total, pop.area_km2
			FROM read_csv(${ref('provinces.csv')}, all_varchar = true) p
			LEFT JOIN read_csv(${ref('population_2024s2.csv')}, all_varchar = true) pop0 ON pop0.code = p.code
			CROSS JOIN LATERAL (SELECT TRY_CAST(pop0.total AS BIGINT) AS total, TRY_CAST(pop0.area_km2 AS DOUBLE) AS area_km2) pop;

			INSERT INTO regions
			SELECT r.code, 'regency',
			       CASE WHEN r.name ILIKE 'Kota %' THEN 'kota' ELSE 'kabupaten' END,
			       r.name,
			       regexp_replace(regexp_replace(r.name, '^Kabupaten (Administrasi )?', 'Kab. '), '^Kota (Administrasi )?', 'Kota '),
			       r.province_code, TRY_CAST(pop.total AS BIGINT), TRY_CAST(pop.area_km2 AS DOUBLE)
			FROM read_csv(${ref('regencies.csv')}, all_varchar = true) r
			LEFT JOIN read_csv(${ref('population_2024s2.csv')}, all_varchar = true) pop ON pop.code = r.code;

			INSERT INTO districts
			SELECT code, regency_code, name FROM read_csv(${ref('districts.csv')}, all_varchar = true);

			INSERT INTO region_targets
			SELECT region_code, year::INTEGER, target::INTEGER, source
			FROM read_csv(${ref('region_targets.csv')}, all_varchar = true);
		`);
		await conn.run(ALIAS_SQL(ref('region_nicknames.csv')));
		await conn.run(
			`INSERT OR REPLACE INTO meta VALUES ('schema_version', '${SCHEMA_VERSION}'), ('reference_loaded_at', strftime(now(), '%Y-%m-%dT%H:%M:%S'))`
		);
		await conn.run('COMMIT');
	} catch (err) {
		await conn.run('ROLLBACK');
		throw err;
	}
}

// Every spelling the ETL should recognise, reduced by norm_region(): official names, the
// prefix-less name when only one region carries it, codes with and without dots, nicknames.
// A prefix-less name shared by several regions (bare "Tangerang") is kept with code NULL so
// the ETL can say the name is ambiguous instead of guessing.
const ALIAS_SQL = (nicknames: string) => `
	INSERT INTO region_aliases
	WITH spellings AS (
		SELECT norm_region(name) AS alias, code FROM regions
		UNION SELECT norm_region(short_name), code FROM regions
		UNION SELECT norm_region('provinsi ' || name), code FROM regions WHERE level = 'province'
		UNION SELECT code, code FROM regions
		UNION SELECT replace(code, '.', ''), code FROM regions
	), bare AS (
		SELECT norm_region(regexp_replace(name, '^(Kabupaten|Kota)( Administrasi)? ', '')) AS alias, code FROM regions
	), nick AS (
		SELECT norm_region(alias) AS alias, code FROM read_csv(${nicknames}, all_varchar = true)
	), candidates AS (
		SELECT alias, code, 1 AS priority FROM spellings
		UNION ALL SELECT alias, code, 2 FROM nick
		UNION ALL SELECT alias, code, 3 FROM bare
	), best AS (
		SELECT alias, min(priority) AS priority FROM candidates GROUP BY alias
	)
	SELECT c.alias,
	       CASE WHEN count(DISTINCT c.code) = 1 THEN any_value(c.code) END,
	       CASE WHEN count(DISTINCT c.code) > 1 THEN string_agg(DISTINCT c.code, ' ' ORDER BY c.code) END
	FROM candidates c JOIN best b USING (alias)
	WHERE c.priority = b.priority
	GROUP BY c.alias
`;
