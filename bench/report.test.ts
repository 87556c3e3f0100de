import { describe, expect, it } from 'vitest';
import { markdown, mergeResults, percentile, sizeKey, timing, type SizeResult } from './report';

const size = (rows: number, p95: number): SizeResult => ({
	rows,
	csv_mb: rows / 2000,
	ctas_ms: 1000,
	ingest_ms: 3000,
	ingest_ratio: 3,
	ingest_rows_per_s: rows / 3,
	reingest_ms: 5000,
	reingest_ratio: 5,
	reingest_duplicates: rows,
	ingest_peak_rss_mb: 100,
	db_mb_per_million: 200,
	server_peak_rss_mb: 300,
	pages: {
		'/wilayah': { url: '/wilayah', cold_ms: 900, cached: timing([1, 2, 3]), uncached: timing([p95, p95 / 2]), p95_ms: p95, js_gzip_kb: 40 }
	},
	steps: { 'topic fit': { ms: 61_000 }, 'briefing (one region)': { not_measured: 'command missing' } },
	targets: { ingest_ratio: 4, p95_ms: 100, js_gzip_kb: 100 },
	loadavg: { start: '1.00 2.00 3.00 1/100 5', end: '0.5 0.5 0.5 1/100 6' },
	machine: '2 cores',
	measured_at: '2026-01-01T00:00:00Z',
	total_s: 600
});

describe('bench report', () => {
	it('nearest-rank percentiles', () => {
		const xs = Array.from({ length: 100 }, (_, i) => 100 - i);
		expect(percentile(xs, 50)).toBe(50);
		expect(percentile(xs, 95)).toBe(95);
		expect(percentile([7], 95)).toBe(7);
		expect(() => percentile([], 50)).toThrow();
		expect(timing([5, 1, 3])).toEqual({ n: 3, median_ms: 3, p95_ms: 5, max_ms: 5 });
	});

	it('keys results by row count and keeps other sizes, dropping the old flat shape', () => {
		expect(sizeKey(1_000_000)).toBe('1m');
		expect(sizeKey(10_000_000)).toBe('10m');
		expect(sizeKey(20_000)).toBe('20k');
		const merged = mergeResults({ ingest_1m: { rows: 1e6, ingest_ms: 1 }, '10m': size(1e7, 80) }, '1m', size(1e6, 50));
		expect(Object.keys(merged)).toEqual(['1m', '10m']);
		expect(merged['10m']!.pages!['/wilayah']!.p95_ms).toBe(80);
	});

	it('shows every size side by side with targets marked', () => {
		const md = markdown(mergeResults({ '1m': size(1e6, 50) }, '10m', size(1e7, 250)));
		expect(md).toContain('| | 1m | 10m |');
		expect(md).toMatch(/`\/wilayah` \| 900 ms \| 3 ms \| 25 ms \| 50 ms ✓ \| 900 ms \| 3 ms \| 125 ms \| 250 ms ✗ \| 40 KB ✓ \|/);
		expect(md).toContain('| re-ingest of the same file | 5.0 s, 5x ✗ | 5.0 s, 5x ✗ |');
		expect(md).toContain('not measured: command missing');
		expect(md).toContain('| topic fit | 61.0 s | 61.0 s |');
	});

	it('marks the ingest of a server-only size as not measured and shows its note', () => {
		const { ctas_ms: _c, ingest_ms: _i, ...serverOnly } = size(1e7, 90);
		const md = markdown(mergeResults({ '1m': size(1e6, 50) }, '10m', { ...serverOnly, note: 'replicated' }));
		expect(md).toContain('| Telaah ingest | 3.0 s (333,333.333 rows/s) | not measured |');
		expect(md).toContain('| note |  | replicated |');
	});

	it('shows the text search against its reference query per size', () => {
		const search = (ratio: number) => ({
			reference_ms: 60,
			text_mb: 52.9,
			search_ms: 60 * ratio,
			ratio,
			queries: [{ q: 'jalan', ms: 60 * ratio, matches: 1234 }]
		});
		const md = markdown(mergeResults({ '300k': { ...size(3e5, 50), search: search(1.5) } }, '1m', size(1e6, 50)));
		expect(md).toContain('## Text search');
		expect(md).toContain('| search (median of the queries) | 90 ms (1.5x the reference) | – |');
		expect(md).toContain('| `jalan` | 90 ms, 1,234 found | – |');
		expect(markdown({ '1m': size(1e6, 50) })).not.toContain('## Text search');
	});
});
