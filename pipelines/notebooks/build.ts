// Builds the analyst notebooks (notebooks/*.html, Observable Notebook Kit) into static pages with
// their data: Notebook Kit's Vite plugin renders each notebook, and its transformNotebook hook runs
// every warehouse SQL cell here, with the project's own DuckDB connection opened read-only, writes
// the result as an Arrow file and swaps in a loader of it (sql-cells.ts). Plot, Inputs and
// apache-arrow are imported as packages, so Vite bundles them and a built page makes no request
// outside the server that serves it (the dashboard, at /notebooks). No network is used.
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { Notebook } from '@observablehq/notebook-kit';
import { config, observable } from '@observablehq/notebook-kit/vite';
import { build as viteBuild } from 'vite';
import { CellError, runCell } from './sql-cells.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NOTEBOOKS = join(ROOT, 'notebooks');
/** Where the built pages go by default; the server reads $TELAAH_NOTEBOOKS_DIR, default the same. */
export const DEFAULT_OUT = join(NOTEBOOKS, 'dist');
/** The Arrow files of the cells, made fresh by every build (git-ignored: they hold data). */
const DATA = join(NOTEBOOKS, '.data');
/** The database name warehouse SQL cells use: `database="warehouse"`. */
const DATABASE = 'warehouse';

interface CellManifest {
	id: number;
	output: string;
	sql: string;
	rows: number;
	columns: { name: string; kind: string }[];
	suppressed: number;
}
export interface Manifest {
	built_at: string;
	warehouse: string;
	data_version: number;
	as_of: string | null;
	notebooks: { name: string; title: string; cells: CellManifest[] }[];
}

export class WarehouseBusy extends Error {}

/** Opens the warehouse read-only; a file held by a writer (an ingest) is said so, not as an IO error. */
async function openReadOnly(db: string): Promise<{ instance: DuckDBInstance; conn: DuckDBConnection }> {
	let instance: DuckDBInstance;
	try {
		instance = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	} catch (err) {
		const message = (err as Error).message;
		if (/lock/i.test(message))
			throw new WarehouseBusy(
				`${db} is being written (an ingest holds its lock). A notebook build reads the warehouse read-only and can run while the dashboard has it open, but not during an ingest: run it again when the ingest has finished.`,
				{ cause: err }
			);
		throw new Error(`${db} could not be opened: ${message}`, { cause: err });
	}
	return { instance, conn: await instance.connect() };
}

async function one(conn: DuckDBConnection, sql: string): Promise<unknown> {
	return (await conn.runAndReadAll(sql)).getRows()[0]?.[0] ?? null;
}

/** The notebook files to build: every notebooks/*.html but the page template. */
const notebookFiles = () =>
	readdirSync(NOTEBOOKS)
		.filter((f) => f.endsWith('.html') && f !== 'template.html')
		.sort()
		.map((f) => join(NOTEBOOKS, f));

export async function buildNotebooks(opts: { db: string; out?: string; log?: (s: string) => void }): Promise<Manifest> {
	const db = resolve(opts.db);
	const out = resolve(opts.out ?? DEFAULT_OUT);
	const log = opts.log ?? ((s: string) => console.error(s));
	const { instance, conn } = await openReadOnly(db);
	try {
		const version = Number(await one(conn, `SELECT coalesce(max(batch_id), 0) FROM ingest_batches`));
		const asOf = (await one(
			conn,
			`SELECT strftime(greatest(max(created_at), max(verified_at), max(first_response_at), max(closed_at)), '%Y-%m-%d %H:%M') FROM complaints`
		)) as string | null;
		const manifest: Manifest = {
			built_at: new Date().toISOString(),
			warehouse: basename(db),
			data_version: version,
			as_of: asOf,
			notebooks: []
		};
		rmSync(DATA, { recursive: true, force: true });
		// One at a time: cells share the connection, and Vite renders pages concurrently. The first
		// refusal is kept to be thrown as itself (Vite wraps plugin errors).
		let queue: Promise<unknown> = Promise.resolve();
		let refused: CellError | undefined;
		const transformNotebook = (notebook: Notebook, context: { filename: string }) => {
			const run = queue.then(() => warehouseCells(notebook, context.filename));
			queue = run.catch((err: unknown) => {
				if (err instanceof CellError) refused ??= err;
			});
			return run;
		};
		const warehouseCells = async (notebook: Notebook, filename: string) => {
			const name = basename(filename, '.html');
			const entry = { name, title: notebook.title, cells: [] as CellManifest[] };
			for (const cell of notebook.cells) {
				if (cell.mode !== 'sql') continue;
				const where = `${name}.html cell ${cell.id}`;
				if (cell.database !== DATABASE)
					throw new CellError(`${where}: SQL cells read database="${DATABASE}" (got ${JSON.stringify(cell.database)})`);
				if (!cell.output || !/^[A-Za-z_$][\w$]*$/.test(cell.output))
					throw new CellError(`${where}: a warehouse SQL cell names its result with output="name"`);
				const file = join(DATA, name, `${cell.id}.v${version}.arrow`);
				let result;
				try {
					result = await runCell(conn, cell.value, {
						'telaah.notebook': name,
						'telaah.cell': String(cell.id),
						'telaah.data_version': String(version),
						'telaah.as_of': asOf ?? '',
						'telaah.sql': cell.value
					});
				} catch (err) {
					throw new CellError(`${where}: ${(err as Error).message}`, { cause: err });
				}
				mkdirSync(dirname(file), { recursive: true });
				writeFileSync(file, result.bytes);
				entry.cells.push({
					id: cell.id,
					output: cell.output,
					sql: cell.value,
					rows: result.rows,
					columns: result.columns.map((c) => ({ name: c.key, kind: c.kind })),
					suppressed: result.suppressed
				});
				log(
					`  ${where} → ${cell.output}: ${result.rows} rows, ${result.bytes.length} bytes${result.suppressed ? `, ${result.suppressed} small counts written as null` : ''}`
				);
				const path = JSON.stringify(`./${relative(dirname(filename), file)}`);
				const load = `(await import("apache-arrow")).tableFromIPC(await FileAttachment(${path}).arrayBuffer())`;
				const variable = cell.output;
				cell.mode = 'js';
				// A JS cell's declarations are its outputs; a leftover `output` would name its whole return value instead.
				cell.output = undefined;
				cell.value = cell.hidden
					? `const ${variable} = ${load};`
					: `const ${variable} = ${load};\ndisplay((await import("@observablehq/inputs")).table(${variable}));`;
			}
			manifest.notebooks.push(entry);
			return notebook;
		};
		const inputs = notebookFiles();
		log(`building ${inputs.length} notebooks from ${db} (data version ${version}) into ${out}`);
		await viteBuild({
			...config(),
			configFile: false,
			logLevel: 'warn',
			root: NOTEBOOKS,
			base: './',
			plugins: [observable({ template: join(NOTEBOOKS, 'template.html'), transformNotebook })],
			build: {
				outDir: out,
				emptyOutDir: true,
				// Small Arrow files would otherwise become data: URLs, which the app's CSP refuses.
				assetsInlineLimit: 0,
				rollupOptions: { input: inputs }
			}
		}).catch((err: unknown) => {
			throw refused ?? err;
		});
		manifest.notebooks.sort((a, b) => a.name.localeCompare(b.name));
		writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, '\t') + '\n');
		return manifest;
	} finally {
		conn.closeSync();
		instance.closeSync();
		rmSync(DATA, { recursive: true, force: true });
	}
}
