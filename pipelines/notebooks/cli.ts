// npm run notebooks -- [--db PATH] [--out DIR] [--serve]
// Builds the analyst notebooks (notebooks/*.html) with the warehouse's data into DIR (default
// notebooks/dist, git-ignored: it holds data). --serve then starts the dashboard on the same
// warehouse and prints the address of /notebooks (national and admin users). See notebooks/README.md.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { build, buildNeeded, startServer } from '../lib/app-server.ts';
import { buildNotebooks, DEFAULT_OUT, WarehouseBusy } from './build.ts';
import { CellError } from './sql-cells.ts';

const { values } = parseArgs({
	options: {
		db: { type: 'string', default: process.env.TELAAH_DB || 'data/telaah.duckdb' },
		out: { type: 'string', default: DEFAULT_OUT },
		serve: { type: 'boolean', default: false },
		json: { type: 'boolean', default: false }
	}
});

try {
	const t0 = Date.now();
	const manifest = await buildNotebooks({ db: values.db, out: values.out });
	const cells = manifest.notebooks.reduce((s, n) => s + n.cells.length, 0);
	console.error(
		`built ${manifest.notebooks.length} notebooks (${cells} SQL cells) in ${((Date.now() - t0) / 1000).toFixed(1)} s → ${resolve(values.out)}`
	);
	if (values.json) console.log(JSON.stringify(manifest));
	if (values.serve) {
		if (buildNeeded()) build();
		const server = await startServer(resolve(values.db), { env: { TELAAH_NOTEBOOKS_DIR: resolve(values.out) } });
		console.error(`serving ${server.origin}/notebooks (Ctrl-C to stop)`);
		process.on('SIGINT', () => void server.stop().then(() => process.exit(0)));
	}
} catch (err) {
	if (err instanceof WarehouseBusy || err instanceof CellError) {
		console.error(`npm run notebooks: ${err.message}`);
		process.exit(2);
	}
	throw err;
}
