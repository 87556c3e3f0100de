// The warehouse connection of the web server: one DuckDB instance and one connection per
// process, opened lazily on the first query, read-only (the dashboard never writes; the ETL
// is the only writer). Every query goes through `query()`: a prepared, parameterised
// statement whose rows are validated with zod. SQL text is always a constant in the code;
// user input only ever reaches DuckDB as bound parameters.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import {
	BOOLEAN,
	DOUBLE,
	DuckDBInstance,
	INTEGER,
	VARCHAR,
	type DuckDBConnection,
	type DuckDBPreparedStatement,
	type DuckDBType
} from '@duckdb/node-api';
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { FACT_COLUMNS, factsInSyncSql, factsSql, holidayFingerprint, snapshotSql, workCalendarSql } from '$lib/core/deadline-facts.server';
import { rollupInSyncSql, TEMP_ROLLUP_SQL } from '$lib/core/rollup.server';
import { coverageSql } from '$lib/core/coverage';
import { HOLIDAYS } from '$lib/holidays';
import { currentScope } from './auth/context';
import type { Scope } from './auth/scope';
import { assertScopedSql } from './auth/scope-guard';
import { clearCaches, Lru, memo } from './cache';

type Param = string | number | boolean | null;
export type Params = Record<string, Param>;

interface Db {
	path: string;
	instance: DuckDBInstance;
	conn: DuckDBConnection;
	statements: Map<string, DuckDBPreparedStatement>;
	/** Connections of downloads under way (queryStream), interrupted when the file is let go. */
	streams: Set<DuckDBConnection>;
	/** Set once closeDb() has let go of the file: a query that got this handle before must reopen. */
	closed: boolean;
}

// Kept on globalThis so Vite's dev-mode module reloads reuse the open file instead of
// opening a second instance.
const KEY = Symbol.for('telaah.db');
type Holder = {
	db?: Promise<Db>;
	queue: Promise<unknown>;
	results: Lru<Promise<readonly unknown[]>>;
	version?: { value: number; checkedAt: number };
	versionCheck?: Promise<number>;
	/** Writers (ingests) queued or running; reads wait while there is any. */
	writers: number;
	/** The tail of the writers' queue: each writer starts when the one before it has ended. */
	writerTail: Promise<unknown>;
	/** Resolved when the last writer ends (the next reads open the file again). */
	idle?: { promise: Promise<void>; resolve: () => void };
};
const holder: Holder = ((globalThis as Record<symbol, unknown>)[KEY] as Holder | undefined) ?? {
	queue: Promise.resolve(),
	writers: 0,
	writerTail: Promise.resolve(),
	// Validated rows per (data version, SQL, params), so repeated page views cost no query.
	results: new Lru(500)
};
(globalThis as Record<symbol, unknown>)[KEY] = holder;

/** The warehouse file: `$TELAAH_DB`, default `data/telaah.duckdb`, relative to the cwd. */
function warehousePath(): string {
	return resolve(process.cwd(), process.env.TELAAH_DB || 'data/telaah.duckdb');
}

async function open(): Promise<Db> {
	const path = warehousePath();
	if (!existsSync(path)) {
		error(503, {
			code: 'warehouse_missing',
			message:
				`Warehouse file not found: ${path}. Create it with ` +
				`"npm run ingest -- <export file> --db ${path}" or start the app with "npm start", ` +
				`which loads the sample data; or point TELAAH_DB at an existing warehouse.`
		});
	}
	let instance: DuckDBInstance;
	try {
		instance = await DuckDBInstance.create(path, { access_mode: 'READ_ONLY' });
	} catch (err) {
		error(503, {
			code: 'warehouse_unavailable',
			message: `Warehouse ${path} could not be opened: ${(err as Error).message}`
		});
	}
	const conn = await instance.connect();
	const holidays = HOLIDAYS.map((h) => h.date);
	await prepareDeadlineFacts(conn, path, holidays);
	await ensureRollup(conn, path, holidays);
	await conn.run(coverageSql(await hasColumn(conn, 'ingest_batches', 'coverage')));
	return { path, instance, conn, statements: new Map(), streams: new Set(), closed: false };
}

/**
 * The deadline queries read per-complaint facts the ETL stores (deadline-facts.ts) and two
 * temporary tables made here once per open: `work_calendar` from the holiday list this build
 * carries, and `snapshot`, the as-of time (the latest timestamp in the warehouse; it only
 * changes with an ingest, after which the file is reopened) with its working-day number. When
 * the stored facts are missing or were computed with another holiday list, a temporary view of
 * `complaints` computes them on the fly (slower, same figures); the file stays untouched. A file
 * written before complaints had agency_authority gets it as NULL (unknown) in the same view.
 */
async function prepareDeadlineFacts(conn: DuckDBConnection, path: string, holidays: readonly string[]): Promise<void> {
	await conn.run(workCalendarSql('work_calendar', holidays));
	const ok = await conn
		.runAndReadAll(factsInSyncSql(holidayFingerprint(holidays)))
		.then((r) => r.getRows()[0]?.[0] === true)
		.catch(() => false);
	const columns = (
		await conn.runAndReadAll(
			`SELECT column_name FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'complaints' ORDER BY column_index`
		)
	)
		.getRows()
		.map((r) => String(r[0]));
	// Columns a file written by an earlier version lacks: read as unknown (core/fields.ts: every field).
	const late = LATE_COLUMNS.filter((c) => !columns.includes(c.name));
	if (ok && late.length === 0) return conn.run(snapshotSql('work_calendar')).then(() => undefined);
	if (!ok)
		console.warn(
			`[telaah] ${path}: deadline facts are missing or from another holiday list; computing them per query (ingest into the file to store them)`
		);
	// The stored table by its full name: the temporary view of the same name shadows it.
	const catalog = String((await conn.runAndReadAll(`SELECT current_database()`)).getRows()[0]![0]);
	const stored = `"${catalog.replaceAll('"', '""')}".main.complaints`;
	const kept = ok ? columns : columns.filter((c) => !(FACT_COLUMNS as readonly string[]).includes(c));
	const facts = ok ? { select: '', joins: '' } : factsSql('c', 'work_calendar');
	const items = [
		...kept.map((c) => `c."${c.replaceAll('"', '""')}"`),
		...late.map((c) => `NULL::${c.type} AS ${c.name}`),
		...(facts.select ? [facts.select] : [])
	];
	await conn.run(`CREATE OR REPLACE TEMP VIEW complaints AS SELECT ${items.join(', ')} FROM ${stored} c ${facts.joins}`);
	await conn.run(snapshotSql('work_calendar'));
}

/** Complaint columns added after the first warehouses were written (schema.sql's ALTER TABLEs). */
const LATE_COLUMNS = [
	{ name: 'fields', type: 'INTEGER' },
	{ name: 'incident_place', type: 'VARCHAR' },
	{ name: 'agency_authority', type: 'VARCHAR' }
] as const;

async function hasColumn(conn: DuckDBConnection, table: string, column: string): Promise<boolean> {
	const r = await conn.runAndReadAll(
		`SELECT count(*)::INTEGER FROM duckdb_columns() WHERE database_name = current_database() AND table_name = $t AND column_name = $c`,
		{ t: table, c: column }
	);
	return r.getRows()[0]?.[0] === 1;
}

/**
 * Count-only queries read the monthly rollup the ETL maintains. A warehouse whose rollup is
 * missing or out of step (an older file, one filled by other means, counted as of another
 * snapshot or with another holiday list) gets a temporary one, built once per open in this
 * connection: it shadows the stored table, and the read-only file stays untouched.
 */
async function ensureRollup(conn: DuckDBConnection, path: string, holidays: readonly string[]): Promise<void> {
	const ok = await conn
		.runAndReadAll(rollupInSyncSql(holidays))
		.then((r) => r.getRows()[0]?.[0] === true)
		.catch(() => false);
	if (ok) return;
	console.warn(
		`[telaah] ${path}: the monthly rollup is missing or out of date; building a temporary one (ingest into the file to store it)`
	);
	await conn.run(TEMP_ROLLUP_SQL);
}

/** How long a read waits for an ingest to let go of the warehouse before it answers 503. */
const READ_WAIT_MS = Number(process.env.TELAAH_READ_WAIT_MS || 15_000);
/** What a 503 for a busy warehouse tells clients (the handle hook sets Retry-After). */
export const RETRY_AFTER_S = 10;

/** Waits until no writer is queued or running; 503 after READ_WAIT_MS. Never waits on a reopen. */
async function writersDone(): Promise<void> {
	while (holder.writers > 0 && holder.idle) {
		let timer: NodeJS.Timeout | undefined;
		const late = new Promise<'late'>((ok) => (timer = setTimeout(() => ok('late'), READ_WAIT_MS)));
		const r = await Promise.race([holder.idle.promise, late]);
		clearTimeout(timer);
		if (r === 'late') error(503, { code: 'warehouse_busy', message: 'The warehouse is loading new data; try again in a few seconds.' });
	}
}

async function db(): Promise<Db> {
	await writersDone();
	if (!holder.db) {
		holder.db = open();
		// A failed open (file missing, locked) is retried on the next request.
		holder.db.catch(() => (holder.db = undefined));
	}
	return holder.db;
}

/** Runs `fn` after every query queued before it: bind + run of a cached statement is atomic. */
function serial<T>(fn: () => Promise<T>): Promise<T> {
	const run = holder.queue.then(fn, fn);
	holder.queue = run.catch(() => undefined);
	return run;
}

function typeOf(value: Param): DuckDBType {
	if (typeof value === 'boolean') return BOOLEAN;
	if (typeof value === 'number') return Number.isInteger(value) ? INTEGER : DOUBLE;
	return VARCHAR; // strings, and NULL (cast it in SQL: `$from::TIMESTAMP`)
}

// The data version is the last ingest batch id. DuckDB's file lock keeps other processes from
// writing while the server holds the warehouse, so it changes when the server closes and
// reopens the file around an ingest (closeDb) or writes through its own process; it is re-read
// at most once per VERSION_TTL_MS, a query on a table of one row per ingested file.
const VERSION_TTL_MS = 1000;
const VERSION_SQL = `SELECT coalesce(max(batch_id), 0)::INTEGER AS v FROM ingest_batches`;

/** The warehouse's data version (last ingest_batches id); a change empties every cache. */
export function dataVersion(): Promise<number> {
	const known = holder.version;
	if (known && Date.now() - known.checkedAt < VERSION_TTL_MS) return Promise.resolve(known.value);
	holder.versionCheck ??= (async () => {
		try {
			const handle = await db();
			const reader = await serial(() => {
				if (handle.closed) throw new Reopen();
				return handle.conn.runAndReadAll(VERSION_SQL);
			});
			const value = Number(reader.getRows()[0]?.[0] ?? 0);
			if (holder.version && holder.version.value !== value) clearCaches();
			holder.version = { value, checkedAt: Date.now() };
			return value;
		} finally {
			holder.versionCheck = undefined;
		}
	})();
	return holder.versionCheck;
}

function bindParams(stmt: DuckDBPreparedStatement, params: Params): void {
	stmt.clearBindings();
	const names = Object.keys(params);
	if (names.length) stmt.bind(params, Object.fromEntries(names.map((n) => [n, typeOf(params[n] ?? null)])));
}

export class QueryShapeError extends Error {}

/**
 * Runs a prepared statement with named parameters (`$name` in the SQL) and validates every
 * row with `row`. DuckDB hands BIGINT/HUGEINT back as JS bigint and TIMESTAMP as a DuckDB
 * value object: cast in SQL (`::INTEGER`, `::DOUBLE`, `strftime(...)`) so rows hold plain
 * numbers and strings; a bigint that slips through fails validation loudly.
 */
export async function query<S extends z.ZodType>(sql: string, params: Params, row: S): Promise<readonly z.infer<S>[]> {
	await assertScopedSql(sql, params);
	const key = `${await dataVersion()}\u0000${sql}\u0000${JSON.stringify(params)}`;
	return memo(holder.results, key, () => runQuery(sql, params, row)) as Promise<readonly z.infer<S>[]>;
}

// Queries slower than TELAAH_SLOW_QUERY_MS (unset: none) are logged with their time, for operators tuning a large warehouse.
const SLOW_QUERY_MS = Number(process.env.TELAAH_SLOW_QUERY_MS || Infinity);

/** The handle a query got was let go of (an ingest began) before its turn: it asks again. */
class Reopen extends Error {}

async function runQuery<S extends z.ZodType>(sql: string, params: Params, row: S): Promise<readonly z.infer<S>[]> {
	for (;;) {
		try {
			return await runOnce(sql, params, row, await db());
		} catch (e) {
			if (!(e instanceof Reopen)) throw e;
		}
	}
}

async function runOnce<S extends z.ZodType>(sql: string, params: Params, row: S, handle: Db): Promise<readonly z.infer<S>[]> {
	const { statements, conn } = handle;
	const rows = await serial(async () => {
		if (handle.closed) throw new Reopen();
		const t0 = performance.now();
		let stmt = statements.get(sql);
		if (!stmt) {
			stmt = await conn.prepare(sql);
			statements.set(sql, stmt);
		}
		bindParams(stmt, params);
		const reader = await stmt.runAndReadAll();
		const ms = performance.now() - t0;
		if (ms >= SLOW_QUERY_MS)
			console.warn(`[telaah] slow query ${Math.round(ms)} ms: ${sql.replace(/\s+/g, ' ').trim().slice(0, 160)} ${JSON.stringify(params)}`);
		return reader.getRowObjectsJS();
	});
	const parsed = z.array(row).safeParse(rows);
	if (!parsed.success) {
		throw new QueryShapeError(
			`Query returned rows of an unexpected shape:\n${z.prettifyError(parsed.error)}\nSQL: ${sql.trim().slice(0, 200)}`
		);
	}
	// Shared by every caller through the cache: frozen so nobody edits it in place.
	return Object.freeze(parsed.data.map((r) => Object.freeze(r) as z.infer<S>));
}

/**
 * Streams the rows of a large result in validated batches, for downloads: not memoised, and on
 * a connection of its own, so a long download neither holds its rows in memory nor makes the
 * pages' queries wait. The connection closes when the caller stops reading.
 */
export function queryStream<S extends z.ZodType>(sql: string, params: Params, row: S): AsyncGenerator<z.infer<S>[]> {
	// The scope is taken now, in the request's context, not when the response body is read.
	return streamRows(sql, params, row, currentScope());
}

async function* streamRows<S extends z.ZodType>(sql: string, params: Params, row: S, scope: Scope): AsyncGenerator<z.infer<S>[]> {
	await assertScopedSql(sql, params, scope);
	const handle = await db();
	const conn = await handle.instance.connect();
	handle.streams.add(conn);
	try {
		const stmt = await conn.prepare(sql);
		try {
			bindParams(stmt, params);
			const result = await stmt.stream();
			for await (const rows of result.yieldRowObjectJs()) {
				const parsed = z.array(row).safeParse(rows);
				if (!parsed.success) throw new QueryShapeError(`Streamed rows of an unexpected shape:\n${z.prettifyError(parsed.error)}`);
				yield parsed.data;
			}
		} finally {
			if (!handle.closed) stmt.destroySync();
		}
	} finally {
		handle.streams.delete(conn);
		if (!handle.closed) conn.closeSync();
	}
}

/** Like `query` for statements that return exactly one row. */
export async function queryOne<S extends z.ZodType>(sql: string, params: Params, row: S): Promise<z.infer<S>> {
	const rows = await query(sql, params, row);
	if (rows.length !== 1) throw new QueryShapeError(`Expected one row, got ${rows.length}: ${sql.trim().slice(0, 200)}`);
	return rows[0] as z.infer<S>;
}

/**
 * Runs `fn` while this process does not hold the warehouse open, so a writer (the ETL) can lock
 * it. Writers run one at a time, in the order they came; reads arriving meanwhile wait (up to
 * READ_WAIT_MS, then 503) and open the file again once the last writer has ended. Nothing a
 * writer waits for waits on a writer, so two uploads close together cannot deadlock.
 */
export function exclusiveWarehouse<T>(fn: (path: string) => Promise<T>): Promise<T> {
	if (holder.writers++ === 0) {
		let resolve!: () => void;
		const promise = new Promise<void>((ok) => (resolve = ok));
		holder.idle = { promise, resolve };
	}
	const run = holder.writerTail.then(async () => {
		await closeDb();
		try {
			return await fn(warehousePath());
		} finally {
			clearCaches();
		}
	});
	holder.writerTail = run.catch(() => undefined);
	void holder.writerTail.then(() => {
		if (--holder.writers === 0) {
			const idle = holder.idle;
			holder.idle = undefined;
			idle?.resolve();
		}
	});
	return run;
}

/** Closes the instance (tests, shutdown, an ingest by the server) and empties every cache. The next query opens it again. */
export async function closeDb(): Promise<void> {
	const pending = holder.db;
	holder.db = undefined;
	// The file may change while it is closed (an ingest) or another one be opened next (tests).
	holder.version = undefined;
	clearCaches();
	if (!pending) return;
	const opened = await pending.catch(() => undefined);
	if (!opened) return;
	// Queries already queued on this handle finish; later ones see `closed` and reopen.
	await holder.queue;
	opened.closed = true;
	for (const conn of opened.streams) conn.interrupt();
	for (const stmt of opened.statements.values()) stmt.destroySync();
	for (const conn of opened.streams) conn.closeSync();
	opened.conn.closeSync();
	opened.instance.closeSync();
}
