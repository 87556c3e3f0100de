// The text search's cost (npm run bench): the search SQL of /aduan?q= (core/search.ts: every word in
// the title or the body, confidential complaints left out) against a reference query that reads
// every title and body once, on the same warehouse, in one process. The median of `reps` runs each;
// the ratio is what holds from one machine (and load) to the next.
import { DuckDBInstance, VARCHAR } from '@duckdb/node-api';
import { parseSearch, SEARCH_WHERE, searchParams } from '../src/lib/core/search.ts';
import type { SearchResult } from './report.ts';

/** Searches as users type them: common words, two words, a phrase, a word in no complaint. */
export const SEARCH_QUERIES = ['jalan', 'banjir', 'pdam air', '"jalan rusak"', 'zzqxv'];

const REFERENCE_SQL = `SELECT (sum(length(title)) + sum(length(body)))::DOUBLE AS chars FROM complaints`;
const SEARCH_SQL = `SELECT count(*)::INTEGER AS n FROM complaints WHERE ${SEARCH_WHERE}`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function timeSearch(db: string, queries: readonly string[], reps: number): Promise<SearchResult> {
	const inst = await DuckDBInstance.create(db, { access_mode: 'READ_ONLY' });
	const conn = await inst.connect();
	try {
		const prepared = async (sql: string, params: Record<string, string | null> = {}) => {
			const stmt = await conn.prepare(sql);
			const names = Object.keys(params);
			const ms: number[] = [];
			let value = NaN;
			return {
				ms,
				value: () => value,
				async run() {
					stmt.clearBindings();
					if (names.length) stmt.bind(params, Object.fromEntries(names.map((n) => [n, VARCHAR])));
					const t0 = performance.now();
					value = Number((await stmt.runAndReadAll()).getRows()[0]?.[0]);
					ms.push(performance.now() - t0);
				},
				close: () => stmt.destroySync()
			};
		};
		const reference = await prepared(REFERENCE_SQL);
		const searches = await Promise.all(
			queries.map((q) => {
				const parsed = parseSearch(q);
				if (!parsed.ok) throw new Error(`bench search query "${q}": ${parsed.problem}`);
				return prepared(SEARCH_SQL, searchParams(parsed.terms));
			})
		);
		// Interleaved, so a change in the machine's load weighs on both sides alike.
		for (let i = 0; i < reps; i++) for (const s of [reference, ...searches]) await s.run();
		for (const s of [reference, ...searches]) s.close();
		const r1 = (x: number) => Math.round(x * 10) / 10;
		const perQuery = queries.map((q, i) => ({ q, ms: r1(median(searches[i]!.ms)), matches: searches[i]!.value() }));
		const searchMs = median(perQuery.map((s) => s.ms));
		const referenceMs = median(reference.ms);
		return {
			reference_ms: r1(referenceMs),
			text_mb: Math.round(reference.value() / 1e5) / 10,
			search_ms: searchMs,
			ratio: +(searchMs / referenceMs).toFixed(2),
			queries: perQuery
		};
	} finally {
		conn.closeSync();
		inst.closeSync();
	}
}
