// One measured task per process, so each gets its own clock and peak memory:
//   tsx bench/task.ts ctas|ingest <csv> <db>
// Prints {"ms": ..., "max_rss_mb": ...} as its last line.
//   tsx bench/task.ts briefing-args <csv> <db>
// Prints {"month": last full month with data, "regions": the 50 busiest kab/kota}: the briefings timed.
//   tsx bench/task.ts search <csv> <db>
// Prints the text search (/aduan?q=, core/search.ts) against a reference query that reads every
// title and body once, on the same warehouse in the same process: the ratio holds across machines
// and loads, and the reference's own time scales with the text a warehouse holds.
import { DuckDBInstance } from '@duckdb/node-api';
import { openWarehouse } from '../pipelines/warehouse/open.ts';
import { ingest } from '../pipelines/ingest/load.ts';
import { SEARCH_QUERIES, timeSearch } from './search.ts';

const [task, csv, db] = process.argv.slice(2);
if (!task || !csv || !db) throw new Error('usage: tsx bench/task.ts ctas|ingest|briefing-args <csv> <db>');
const lit = (s: string) => `'${s.replaceAll("'", "''")}'`;
let extra: Record<string, unknown> = {};
const t0 = performance.now();
if (task === 'ctas') {
	// The reference: DuckDB's own bare load of the same file, types auto-detected.
	const inst = await DuckDBInstance.create(db);
	const conn = await inst.connect();
	await conn.run(`CREATE TABLE t AS SELECT * FROM read_csv(${lit(csv)})`);
	conn.closeSync();
	inst.closeSync();
} else if (task === 'ingest') {
	const w = await openWarehouse(db);
	const r = await ingest(w.conn, [csv], { salt: 'bench' });
	w.close();
	extra = { rows_read: r.rows_read, loaded: r.loaded, updated: r.updated, duplicate: r.duplicate, quarantined: r.quarantined };
} else if (task === 'briefing-args') {
	const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	const conn = await inst.connect();
	const col = async (sql: string) => (await conn.runAndReadAll(sql)).getRows().map((r) => String(r[0]));
	const [month] = await col(`SELECT strftime(max(created_at) - INTERVAL 1 MONTH, '%Y-%m') FROM complaints`);
	const regions = await col(
		`SELECT regency_code FROM complaints WHERE regency_code IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 50`
	);
	console.log(JSON.stringify({ month, regions }));
	conn.closeSync();
	inst.closeSync();
	process.exit(0);
} else if (task === 'search') {
	console.log(JSON.stringify(await timeSearch(db, SEARCH_QUERIES, 7)));
	process.exit(0);
} else throw new Error(`unknown task ${task}`);
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms: Math.round(ms), max_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024), ...extra }));
