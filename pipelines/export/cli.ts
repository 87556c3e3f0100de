// npm run export:parquet -- [--db PATH] --out DIR
// Writes the warehouse as Parquet (see parquet.ts). Opens the warehouse read-only, so it can run
// beside the dashboard server.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { DEFAULT_DB } from '../warehouse/open.ts';
import { exportParquet } from './parquet.ts';

const USAGE = 'usage: npm run export:parquet -- [--db PATH] --out DIR';

async function main(): Promise<number> {
	let values: { db?: string; out?: string; help?: boolean };
	try {
		({ values } = parseArgs({ options: { db: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
	} catch (err) {
		console.error(`${(err as Error).message}\n${USAGE}`);
		return 2;
	}
	if (values.help) {
		console.log(USAGE);
		return 0;
	}
	if (!values.out) {
		console.error(`--out is required\n${USAGE}`);
		return 2;
	}
	const db = resolve(values.db ?? DEFAULT_DB);
	if (!existsSync(db)) {
		console.error(`warehouse not found: ${db}`);
		return 1;
	}
	const instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	const conn = await instance.connect();
	try {
		const s = await exportParquet(conn, values.out);
		console.log(
			`exported ${s.complaints.toLocaleString('en-US')} complaints in ${s.partitions.toLocaleString('en-US')} partition files ` +
				`and ${Object.keys(s.tables).length - 1} small tables (rollup, reference) to ${s.out} in ${(s.ms / 1000).toFixed(1)} s`
		);
		return 0;
	} finally {
		conn.closeSync();
		instance.closeSync();
	}
}

process.exitCode = await main();
