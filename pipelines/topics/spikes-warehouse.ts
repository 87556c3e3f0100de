// Spike detection over the warehouse: monthly counts per policy theme (complaint_themes) × kab/kota
// (complaints.regency_code), read with one query and scored by the pure detector in spikes.ts.

import type { DuckDBConnection } from '@duckdb/node-api';
import { detectSpikes, monthRange, type Spike, type SpikeOptions } from '../../src/lib/core/spikes';

interface ThemeSpike extends Omit<Spike, 'start' | 'end' | 'peak'> {
	theme: string;
	regencyCode: string;
	/** Months as 'YYYY-MM'. */
	start: string;
	peak: string;
	end: string;
}

export interface ThemeSpikeResult {
	/** The months of every series, 'YYYY-MM', from the first to the last complaint (not deleted). */
	months: string[];
	/** Number of theme × regency series scored. */
	series: number;
	spikes: ThemeSpike[];
}

/** Monthly counts of complaint_themes × regency_code (deleted complaints and ones without a regency
 * or a date left out), densified over the warehouse's month span, then `detectSpikes` per series.
 * Spikes are ordered by theme, regency, start. */
export async function themeSpikes(conn: DuckDBConnection, options?: Partial<SpikeOptions>): Promise<ThemeSpikeResult> {
	const rows = (
		await conn.runAndReadAll(`
			WITH live AS (
				SELECT tracking_id, regency_code, date_trunc('month', created_at) AS month
				FROM complaints WHERE status <> 'dihapus' AND created_at IS NOT NULL
			),
			span AS (SELECT strftime(min(month), '%Y-%m') AS lo, strftime(max(month), '%Y-%m') AS hi FROM live)
			SELECT t.theme, l.regency_code, strftime(l.month, '%Y-%m') AS month, count(*)::INTEGER AS n, any_value(span.lo) AS lo, any_value(span.hi) AS hi
			FROM complaint_themes t JOIN live l USING (tracking_id), span
			WHERE l.regency_code IS NOT NULL
			GROUP BY t.theme, l.regency_code, l.month
			ORDER BY t.theme, l.regency_code, l.month`)
	).getRowObjectsJS() as { theme: string; regency_code: string; month: string; n: number; lo: string; hi: string }[];
	if (rows.length === 0) return { months: [], series: 0, spikes: [] };
	const months = monthRange(rows[0]!.lo, rows[0]!.hi);
	const index = new Map(months.map((m, i) => [m, i]));
	const series = new Map<string, { theme: string; regencyCode: string; counts: number[] }>();
	for (const r of rows) {
		const key = `${r.theme}\u0000${r.regency_code}`;
		let s = series.get(key);
		if (!s) series.set(key, (s = { theme: r.theme, regencyCode: r.regency_code, counts: Array(months.length).fill(0) }));
		s.counts[index.get(r.month)!] = Number(r.n);
	}
	const spikes: ThemeSpike[] = [];
	for (const s of series.values()) {
		for (const sp of detectSpikes(s.counts, options)) {
			spikes.push({
				...sp,
				theme: s.theme,
				regencyCode: s.regencyCode,
				start: months[sp.start]!,
				peak: months[sp.peak]!,
				end: months[sp.end]!
			});
		}
	}
	return { months, series: series.size, spikes };
}
