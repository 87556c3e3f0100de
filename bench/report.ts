// The benchmark's result shape, its statistics and the Markdown report. Pure functions, no I/O,
// so the table and the percentiles are unit-tested (report.test.ts).

/** Timing summary of repeated requests, in milliseconds. */
export interface Timing {
	n: number;
	median_ms: number;
	p95_ms: number;
	max_ms: number;
}

export interface PageResult {
	/** The URL measured for the cold and cached figures. */
	url: string;
	/** The first request to this URL after the server started (nothing memoised for it yet). */
	cold_ms: number;
	/** The same URL repeated: the server's result memo answers (see src/lib/server/db.ts). */
	cached: Timing;
	/** Different filters on every request, so each one runs its SQL in DuckDB. */
	uncached: Timing;
	/** = uncached.p95_ms: the figure the ≤ 100 ms target applies to. */
	p95_ms: number;
	/** Browser JavaScript the page loads, gzip-compressed, in KB (pages only, not CSVs). */
	js_gzip_kb?: number;
	/** Size of the cold response's body as the client reads it (decoded), in bytes: downloads (CSV vs Arrow). */
	bytes?: number;
	status_errors?: string[];
}

/** A timed CLI step (topics, briefing), or why it was not measured. */
export type StepResult = { ms: number; [k: string]: unknown } | { not_measured: string };

/** The ETL against a bare DuckDB load of the same generated file, in the same run. */
export interface IngestResult {
	csv_mb: number;
	ctas_ms: number;
	ingest_ms: number;
	ingest_ratio: number;
	ingest_rows_per_s: number;
	reingest_ms: number;
	reingest_ratio: number;
	reingest_duplicates: number;
	ingest_peak_rss_mb: number;
	db_mb_per_million: number;
}

/** The text search (/aduan?q=) against a reference query reading every title and body (bench/search.ts). */
export interface SearchResult {
	reference_ms: number;
	/** Characters of title and body in the warehouse, in millions (MB of text, roughly). */
	text_mb: number;
	/** The median over the queries. */
	search_ms: number;
	ratio: number;
	queries: { q: string; ms: number; matches: number }[];
}

export interface SizeResult extends Partial<IngestResult> {
	rows: number;
	server_peak_rss_mb?: number;
	pages?: Record<string, PageResult>;
	steps?: Record<string, StepResult>;
	search?: SearchResult;
	targets: { ingest_ratio: number; p95_ms: number; js_gzip_kb: number };
	/** /proc/loadavg at the start and end of the run: other work on the machine skews timings. */
	loadavg: { start: string; end: string };
	machine: string;
	measured_at: string;
	total_s: number;
	/** How the warehouse was made when it was not by this run's ingest (--server-only). */
	note?: string;
}

export type Results = Record<string, SizeResult>;

/** The results key of a row count: 1000000 → '1m', 20000 → '20k'. */
export function sizeKey(rows: number): string {
	return rows >= 1e6 ? `${+(rows / 1e6).toFixed(2)}m` : `${+(rows / 1e3).toFixed(1)}k`;
}

/** Nearest-rank percentile (p in 0..100) of unsorted samples. */
export function percentile(samples: readonly number[], p: number): number {
	if (samples.length === 0) throw new Error('percentile of no samples');
	const sorted = [...samples].sort((a, b) => a - b);
	const rank = Math.ceil((p / 100) * sorted.length);
	return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

export function timing(samples: readonly number[]): Timing {
	const r = (x: number) => Math.round(x * 10) / 10;
	return {
		n: samples.length,
		median_ms: r(percentile(samples, 50)),
		p95_ms: r(percentile(samples, 95)),
		max_ms: r(Math.max(...samples))
	};
}

/** The results of a results.json in the current shape (older files had one `ingest_1m` object). */
export function validResults(previous: unknown): Results {
	const out: Results = {};
	if (previous && typeof previous === 'object') {
		for (const [k, v] of Object.entries(previous as Record<string, unknown>)) {
			if (v && typeof v === 'object' && 'targets' in v && 'rows' in v) out[k] = v as SizeResult;
		}
	}
	return out;
}

/** Sets one size's result, keeping the others, ordered by row count. */
export function mergeResults(previous: unknown, key: string, result: SizeResult): Results {
	const out = { ...validResults(previous), [key]: result };
	return Object.fromEntries(Object.entries(out).sort(([, a], [, b]) => a.rows - b.rows));
}

const s1 = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ms = (x: number | undefined) => (x === undefined ? '–' : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
const mark = (ok: boolean) => (ok ? '✓' : '✗');

/** The Markdown report: one column per row count, side by side. */
export function markdown(all: Results): string {
	const sizes = Object.entries(all);
	if (sizes.length === 0) return '# Benchmark results\n\nNo results yet: run `npm run bench`.\n';
	const head = `| | ${sizes.map(([k]) => k).join(' | ')} |\n|---|${sizes.map(() => '---:').join('|')}|`;
	const row = (label: string, f: (r: SizeResult) => string) => `| ${label} | ${sizes.map(([, r]) => f(r)).join(' | ')} |`;

	const has = (r: SizeResult): r is SizeResult & IngestResult => r.ingest_ms !== undefined;
	const ing = (f: (r: SizeResult & IngestResult) => string) => (r: SizeResult) => (has(r) ? f(r) : 'not measured');
	const ingest = [
		head,
		row('rows', (r) => r.rows.toLocaleString('en-US')),
		row(
			'CSV size',
			ing((r) => `${r.csv_mb.toLocaleString('en-US')} MB`)
		),
		row(
			'bare DuckDB CTAS (reference)',
			ing((r) => s1(r.ctas_ms))
		),
		row(
			'Telaah ingest',
			ing((r) => `${s1(r.ingest_ms)} (${r.ingest_rows_per_s.toLocaleString('en-US')} rows/s)`)
		),
		row(
			`ingest ratio (target ≤ 4x)`,
			ing((r) => `${r.ingest_ratio}x ${mark(r.ingest_ratio <= r.targets.ingest_ratio)}`)
		),
		row(
			're-ingest of the same file',
			ing((r) => `${s1(r.reingest_ms)}, ${r.reingest_ratio}x ${mark(r.reingest_ratio <= r.targets.ingest_ratio)}`)
		),
		row(
			'ingest peak RSS',
			ing((r) => `${r.ingest_peak_rss_mb.toLocaleString('en-US')} MB`)
		),
		row(
			'warehouse size per 1M complaints',
			ing((r) => `${r.db_mb_per_million} MB`)
		),
		row('server peak RSS', (r) => (r.server_peak_rss_mb === undefined ? '–' : `${r.server_peak_rss_mb.toLocaleString('en-US')} MB`)),
		row(
			'machine load (loadavg start → end)',
			(r) => `${r.loadavg.start.split(' ').slice(0, 3).join(' ')} → ${r.loadavg.end.split(' ').slice(0, 3).join(' ')}`
		),
		row('whole run', (r) => `${Math.round(r.total_s / 60)} min`),
		...(sizes.some(([, r]) => r.note) ? [row('note', (r) => r.note ?? '')] : [])
	];

	const pages = [...new Set(sizes.flatMap(([, r]) => Object.keys(r.pages ?? {})))];
	const pageHead = `| page | ${sizes.map(([k]) => `${k} cold | ${k} cached p95 | ${k} uncached median | ${k} uncached p95`).join(' | ')} | JS gzip / body |\n|---|${sizes.map(() => '---:|---:|---:|---:').join('|')}|---:|`;
	const pageRows = pages.map((p) => {
		const cells = sizes.map(([, r]) => {
			const x = r.pages?.[p];
			if (!x) return '– | – | – | –';
			const err = x.status_errors?.length ? ' ⚠' : '';
			return `${ms(x.cold_ms)} | ${ms(x.cached.p95_ms)} | ${ms(x.uncached.median_ms)} | ${ms(x.uncached.p95_ms)} ${mark(x.p95_ms <= r.targets.p95_ms)}${err}`;
		});
		const js = sizes.map(([, r]) => r.pages?.[p]?.js_gzip_kb).find((v) => v !== undefined);
		const bytes = sizes.map(([, r]) => r.pages?.[p]?.bytes).find((v) => v !== undefined);
		const size =
			js !== undefined
				? `${js} KB ${mark(js <= sizes[0]![1].targets.js_gzip_kb)}`
				: bytes !== undefined
					? `${(bytes / 1024).toLocaleString('en-US', { maximumFractionDigits: 1 })} KB body`
					: '–';
		return `| \`${p}\` | ${cells.join(' | ')} | ${size} |`;
	});

	const steps = [...new Set(sizes.flatMap(([, r]) => Object.keys(r.steps ?? {})))];
	const stepRows = steps.map((s) =>
		row(s, (r) => {
			const x = r.steps?.[s];
			if (!x) return '–';
			return 'not_measured' in x ? `not measured: ${x.not_measured}` : s1(x.ms);
		})
	);

	const searched = sizes.some(([, r]) => r.search);
	const search = (f: (x: SearchResult) => string) => (r: SizeResult) => (r.search ? f(r.search) : '–');
	const searchRows = [
		head,
		row(
			'text of titles and bodies',
			search((x) => `${x.text_mb.toLocaleString('en-US')} M characters`)
		),
		row(
			'reference: read every title and body',
			search((x) => ms(x.reference_ms))
		),
		row(
			'search (median of the queries)',
			search((x) => `${ms(x.search_ms)} (${x.ratio}x the reference)`)
		),
		...[...new Set(sizes.flatMap(([, r]) => r.search?.queries.map((q) => q.q) ?? []))].map((q) =>
			row(
				`\`${q}\``,
				search((x) => {
					const one = x.queries.find((y) => y.q === q);
					return one ? `${ms(one.ms)}, ${one.matches.toLocaleString('en-US')} found` : '–';
				})
			)
		)
	];

	const first = sizes[0]![1];
	return [
		'# Benchmark results',
		'',
		`Machine: ${first.machine}. Reproduce: \`npm run bench -- --rows N\` (${sizes.map(([, r]) => r.rows.toLocaleString('en-US')).join(', ')}). ` +
			'Timings were taken while other work shared the machine when the load average is above the core count; ratios compare steps of the same run.',
		'',
		'## Ingest',
		'',
		...ingest,
		'',
		'## Server response times',
		'',
		'Cold: first request to the URL. Cached: the same URL repeated (answered from the per-(SQL, params) result memo). ' +
			'Uncached: a different period / region / id on every request, so every query runs in DuckDB; the p95 ≤ 100 ms target applies to it. ' +
			"JS gzip: the JavaScript modules the page's HTML loads, with their static imports, gzip-compressed (target ≤ 100 KB).",
		'',
		pageHead,
		...pageRows,
		...(stepRows.length ? ['', '## Pipelines', '', head, ...stepRows] : []),
		...(searched
			? [
					'',
					'## Text search',
					'',
					'The SQL of `/aduan?q=` (every word in the title or the body, confidential complaints left out; `src/lib/core/search.ts`) ' +
						'counted over the whole warehouse, against a reference query that reads every title and body once, in the same process (`bench/search.ts`). ' +
						'The page itself is timed above as `/aduan?q=[word]`.',
					'',
					...searchRows
				]
			: []),
		''
	].join('\n');
}
