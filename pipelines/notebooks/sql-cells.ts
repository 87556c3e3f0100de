// The notebooks' warehouse SQL cells, run once at build time: each `<script type="application/sql"
// database="warehouse" output="name">` becomes an Arrow IPC file stamped with the data version, and
// the cell a loader of that file (tableFromIPC), so a built page holds data, not queries. What a
// cell may read is checked on DuckDB's own parse of it: no text or identity columns, no `*`, no
// interpolation. Count columns (n, n_*, *_n, complaints) of 1–4 are written as null (<5), the
// project's small-count rule (core/privacy.ts).
import type { DuckDBConnection, DuckDBType } from '@duckdb/node-api';
import { DuckDBTypeId } from '@duckdb/node-api';
import { arrowBytes, type ArrowColumn, type ColumnKind, type Value } from '../../src/lib/core/arrow.ts';
import { suppressSmall } from '../../src/lib/core/privacy.ts';

/** Columns that hold complaint text, reporter identity or raw export content: never in a notebook. */
const FORBIDDEN_COLUMNS = [
	'title',
	'body',
	'reporter_hash',
	'extra',
	'raw',
	'location_raw',
	'agency_raw',
	'status_raw',
	'channel_raw',
	'text',
	'example'
] as const;
/** Tables of texts (examples of topics). */
const FORBIDDEN_TABLES = ['topic_examples'];

export const isCountColumn = (name: string) => /^(n|complaints|count)$|^n_|_n$/.test(name);

export class CellError extends Error {}

/** Why this SQL may not run in a notebook, or null. Reads DuckDB's parse (json_serialize_sql). */
export async function refusal(conn: DuckDBConnection, sql: string): Promise<string | null> {
	if (sql.includes('${')) return 'interpolation (${…}) is not allowed in warehouse SQL cells: the SQL runs once, at build time';
	const reader = await conn.runAndReadAll(`SELECT json_serialize_sql($sql::VARCHAR)::VARCHAR AS j`, { sql });
	const parsed = JSON.parse(String(reader.getRows()[0]![0])) as { error?: boolean; error_message?: string; statements?: unknown[] };
	if (parsed.error) return `SQL does not parse: ${parsed.error_message}`;
	if (parsed.statements?.length !== 1) return 'a SQL cell holds exactly one SELECT statement';
	const columns = new Set<string>();
	const tables = new Set<string>();
	let star = false;
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		const o = node as Record<string, unknown>;
		if (o.class === 'COLUMN_REF' && Array.isArray(o.column_names)) columns.add(String(o.column_names.at(-1)).toLowerCase());
		if (o.class === 'STAR') star = true;
		if (o.type === 'BASE_TABLE' && typeof o.table_name === 'string') tables.add(o.table_name.toLowerCase());
		Object.values(o).forEach(walk);
	};
	walk(parsed.statements);
	if (star) return 'select columns by name (no *): a notebook must not carry columns nobody chose';
	const bad = FORBIDDEN_COLUMNS.filter((c) => columns.has(c));
	if (bad.length) return `reads ${bad.join(', ')}: complaint text, reporter identity and raw export content never go into a notebook`;
	const badTables = FORBIDDEN_TABLES.filter((t) => tables.has(t));
	if (badTables.length) return `reads ${badTables.join(', ')} (complaint texts)`;
	return null;
}

function kindOf(type: DuckDBType): ColumnKind | null {
	switch (type.typeId) {
		case DuckDBTypeId.VARCHAR:
			return 'text';
		case DuckDBTypeId.BOOLEAN:
			return 'bool';
		case DuckDBTypeId.TINYINT:
		case DuckDBTypeId.SMALLINT:
		case DuckDBTypeId.INTEGER:
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.USMALLINT:
		case DuckDBTypeId.BIGINT:
		case DuckDBTypeId.UINTEGER:
		case DuckDBTypeId.UBIGINT:
		case DuckDBTypeId.HUGEINT:
			return 'int';
		case DuckDBTypeId.FLOAT:
		case DuckDBTypeId.DOUBLE:
		case DuckDBTypeId.DECIMAL:
			return 'float';
		case DuckDBTypeId.DATE:
			return 'date';
		case DuckDBTypeId.TIMESTAMP:
		case DuckDBTypeId.TIMESTAMP_S:
		case DuckDBTypeId.TIMESTAMP_MS:
			return 'timestamp';
		default:
			return null;
	}
}

const INT32 = 2 ** 31 - 1;

function toValue(v: unknown, kind: ColumnKind): Value {
	if (v === null || v === undefined) return null;
	if (kind === 'int' || kind === 'float') return Number(v);
	if (kind === 'bool') return Boolean(v);
	if (kind === 'date') return String(v).slice(0, 10);
	if (kind === 'timestamp') return String(v).slice(0, 19);
	return String(v);
}

export interface CellResult {
	columns: ArrowColumn[];
	rows: number;
	/** Count cells written as null because they were 1–4. */
	suppressed: number;
	bytes: Uint8Array;
}

/** Runs one cell's SQL and encodes its result as an Arrow IPC stream. */
export async function runCell(conn: DuckDBConnection, sql: string, metadata: Record<string, string>): Promise<CellResult> {
	const why = await refusal(conn, sql);
	if (why) throw new CellError(why);
	const reader = await conn.runAndReadAll(sql);
	const names = reader.columnNames();
	const kinds = reader.columnTypes().map((t, i) => {
		const k = kindOf(t);
		if (!k) throw new CellError(`column ${names[i]} has type ${t.toString()}: cast it in SQL to a number, text, date or timestamp`);
		return k;
	});
	const raw = reader.getColumns();
	const rows = reader.currentRowCount;
	let suppressed = 0;
	const columns: ArrowColumn[] = names.map((name, j) => {
		let kind = kinds[j]!;
		const values = raw[j] ?? [];
		if (kind === 'int' && values.some((v) => v !== null && Math.abs(Number(v)) > INT32)) kind = 'float';
		// Strings that repeat (names, categories) are dictionary-encoded; unique ones stay plain.
		if (kind === 'text' && new Set(values).size <= Math.max(1, rows / 2)) kind = 'category';
		kinds[j] = kind;
		return { key: name, kind };
	});
	const table: Value[][] = Array.from({ length: rows }, (_, i) =>
		columns.map((c, j) => {
			const v = toValue(raw[j]![i], c.kind);
			if (typeof v !== 'number' || !isCountColumn(c.key) || suppressSmall(v) !== null) return v;
			suppressed++;
			return null;
		})
	);
	return { columns, rows, suppressed, bytes: await arrowBytes(columns, table, metadata) };
}
