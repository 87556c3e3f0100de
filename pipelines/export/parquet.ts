// The warehouse as Parquet, for engines beyond one machine (DuckDB over object storage,
// MotherDuck, Trino, Spark): `complaints` partitioned by year / month / province of filing
// (hive layout: complaints/year=2020/month=5/province=36/data_0.parquet) and the reference
// tables and the monthly rollup as one file each. The partition keys are extra columns, so every warehouse column keeps
// its name and type inside the files and the dashboard SQL runs unchanged over
// read_parquet('DIR/complaints/**/*.parquet', hive_partitioning = true).
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { deadlineSessionSql } from '../../src/lib/core/deadline-facts.server.ts';
import { readHolidayDates } from '../warehouse/open.ts';

// The reference tables, and the monthly rollup the count queries read (pipelines/warehouse/rollup.ts).
const SMALL_TABLES = ['monthly_rollup', 'regions', 'districts', 'region_aliases', 'region_targets'] as const;
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;

export interface ExportSummary {
	out: string;
	complaints: number;
	partitions: number;
	tables: Record<string, number>;
	ms: number;
}

/** Writes the warehouse open on `conn` to `out` (replaced if it exists). */
export async function exportParquet(conn: DuckDBConnection, out: string): Promise<ExportSummary> {
	const t0 = performance.now();
	const dir = resolve(out);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	// Complaints without a filing date or province land in the partitions year=NULL / province=NULL.
	await conn.run(`COPY (
		SELECT *, year(created_at) AS year, month(created_at) AS month, province_code AS province FROM complaints
	) TO ${lit(join(dir, 'complaints'))} (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year, month, province))`);
	const tables: Record<string, number> = {};
	for (const t of ['complaints', ...SMALL_TABLES]) {
		if (t !== 'complaints') await conn.run(`COPY ${t} TO ${lit(join(dir, `${t}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`);
		tables[t] = Number((await conn.runAndReadAll(`SELECT count(*) FROM ${t}`)).getRows()[0]![0]);
	}
	return {
		out: dir,
		complaints: tables.complaints!,
		partitions: countFiles(join(dir, 'complaints')),
		tables,
		ms: Math.round(performance.now() - t0)
	};
}

function countFiles(dir: string): number {
	return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile() && e.name.endsWith('.parquet')).length;
}

/**
 * Views with the warehouse's table names over an export, plus the working-day calendar and
 * as-of snapshot the deadline queries join (deadline-facts.ts), for running the dashboard SQL on it.
 */
export function parquetViews(out: string): string {
	const dir = resolve(out);
	return [
		`CREATE OR REPLACE VIEW complaints AS SELECT * FROM read_parquet(${lit(join(dir, 'complaints/**/*.parquet'))}, hive_partitioning = true)`,
		...SMALL_TABLES.map((t) => `CREATE OR REPLACE VIEW ${t} AS SELECT * FROM read_parquet(${lit(join(dir, `${t}.parquet`))})`),
		deadlineSessionSql(readHolidayDates())
	].join(';\n');
}
