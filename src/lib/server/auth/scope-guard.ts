// The query layer's last line (db.ts): which tables a SQL statement reads, as DuckDB itself parses
// it (json_serialize_sql, in a private in-memory instance; once per distinct statement), checked
// against the table registry (core/tables.ts) for the current user's scope. A scoped user's query
// over complaint data must bind $scope to their scope, or say `/* unscoped: why */` for figures
// that are not shown as another region's (national peer baselines, the time of the last load);
// national-only tables need that declaration, and tables missing from the registry are refused. Fails closed: a statement DuckDB cannot
// parse is refused too.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { error } from '@sveltejs/kit';
import { TABLES, type TableScope } from '$lib/core/tables';
import { currentScope } from './context';
import { scopeCode, type Scope } from './scope';

let parser: Promise<DuckDBConnection> | undefined;
const parsed = new Map<string, Promise<string[]>>();

/** The base tables a SELECT statement names (common table expressions and table functions left out). */
export function tablesOf(sql: string): Promise<string[]> {
	let known = parsed.get(sql);
	if (!known) {
		known = parse(sql);
		parsed.set(sql, known);
	}
	return known;
}

async function parse(sql: string): Promise<string[]> {
	parser ??= DuckDBInstance.create(':memory:').then((i) => i.connect());
	const conn = await parser;
	// A literal, not a bound parameter: json_serialize_sql takes a constant. The text is our own SQL.
	const reader = await conn.runAndReadAll(`SELECT json_serialize_sql('${sql.replaceAll("'", "''")}')::VARCHAR AS j`);
	const tree = JSON.parse(String(reader.getRows()[0]?.[0])) as { error: boolean; error_message?: string };
	if (tree.error) throw new Error(`scope guard cannot parse the statement: ${tree.error_message}`);
	const ctes = new Set<string>();
	const tables = new Set<string>();
	const walk = (node: unknown): void => {
		if (Array.isArray(node)) return node.forEach(walk);
		if (!node || typeof node !== 'object') return;
		const o = node as Record<string, unknown>;
		// DuckDB's identifiers are case-insensitive, quoted or not.
		if (o.type === 'BASE_TABLE' && typeof o.table_name === 'string') {
			const name = o.table_name.toLowerCase();
			tables.add(String(o.schema_name).toLowerCase() === 'information_schema' ? `information_schema.${name}` : name);
		}
		const map = (o.cte_map as { map?: { key: string }[] } | undefined)?.map;
		if (map) for (const { key } of map) ctes.add(key.toLowerCase());
		Object.values(o).forEach(walk);
	};
	walk(tree);
	return [...tables].filter((t) => !ctes.has(t)).sort();
}

const CATALOG: TableScope = { kind: 'reference', why: 'catalogue of table names' };
const scopeOfTable = (name: string): TableScope | undefined => (name.startsWith('information_schema.') ? CATALOG : TABLES[name]);

export type Verdict = { ok: true; tables: string[]; scoped: boolean } | { ok: false; why: string };

/** Whether `sql` with `params` may run for `scope`, and why not. Pure but for the parse. */
export async function judge(sql: string, params: Record<string, unknown>, scope = currentScope()): Promise<Verdict> {
	const tables = await tablesOf(sql);
	const code = scopeCode(scope);
	const binds = sql.includes('$scope') && params.scope === code;
	if (scope.kind === 'all') return { ok: true, tables, scoped: binds };
	const declared = sql.includes('/* unscoped:');
	for (const t of tables) {
		const s = scopeOfTable(t);
		if (!s) return { ok: false, why: `table ${t} is not in the table registry (core/tables.ts)` };
		// A national table has no region to bind: only a statement that declares why may read it.
		if (s.kind === 'national' && !declared) return { ok: false, why: `table ${t} is national only (${s.why})` };
		if (s.kind !== 'reference' && !binds && !declared) return { ok: false, why: `query over ${t} does not bind the user's scope` };
	}
	return { ok: true, tables, scoped: binds };
}

/** Throws 500 (logged) unless the statement may run for the current user (or `scope`). */
export async function assertScopedSql(sql: string, params: Record<string, unknown>, scope: Scope = currentScope()): Promise<void> {
	const verdict = await judge(sql, params, scope).catch((e: Error) => ({ ok: false as const, why: e.message }));
	if (verdict.ok) return;
	console.error(`[telaah] refused: ${verdict.why}: ${sql.replace(/\s+/g, ' ').trim().slice(0, 200)}`);
	error(500, { code: 'unscoped_query', message: 'Query over complaint data without the user scope refused' });
}
