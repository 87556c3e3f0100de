// What each server-rendered chart shows, in one or two sentences: the text alternative a screen
// reader announces with the chart's title (renderPlot puts it in aria-description). Pure
// functions of the chart's own numbers; the full figures are in each chart's data table.
import type { I18n } from '$lib/i18n';

/** The items with the highest and lowest value (the first one wins a tie); null when none has a value. */
export function extremes<T>(items: readonly T[], value: (t: T) => number | null): { max: T; min: T } | null {
	let max: T | undefined;
	let min: T | undefined;
	let hi = -Infinity;
	let lo = Infinity;
	for (const t of items) {
		const v = value(t);
		if (v === null || Number.isNaN(v)) continue;
		if (v > hi) [hi, max] = [v, t];
		if (v < lo) [lo, min] = [v, t];
	}
	return max === undefined || min === undefined ? null : { max, min };
}

const join = (...parts: (string | false | null | undefined)[]) => parts.filter(Boolean).join(' ');

/** Monthly counts ('YYYY-MM', n): the span, the total, the busiest and the quietest month. */
export function trendSummary(months: readonly { month: string; n: number }[], L: I18n, eventsNote: string | null): string {
	const e = extremes(months, (m) => m.n);
	if (!e) return L.t('chart.noData');
	return join(
		L.t('chart.trendSummary', {
			from: L.monthLong(months[0]!.month),
			to: L.monthLong(months.at(-1)!.month),
			total: L.int(months.reduce((s, m) => s + m.n, 0)),
			maxMonth: L.monthLong(e.max.month),
			max: L.int(e.max.n),
			minMonth: L.monthLong(e.min.month),
			min: L.int(e.min.n)
		}),
		eventsNote
	);
}

/**
 * Stacked counts per period: the span, the total, how many groups, the largest group with its
 * share, and the busiest period. `periods` are the buckets' display labels.
 */
export function stackedSummary(
	s: { counts: readonly (readonly number[])[]; totals: readonly number[] },
	labels: readonly string[],
	periods: readonly string[],
	L: I18n,
	eventsNote: string | null
): string {
	const total = s.totals.reduce((a, b) => a + b, 0);
	const top = extremes(
		labels.map((label, i) => ({ label, n: s.totals[i] ?? 0 })),
		(g) => g.n
	);
	const perPeriod = periods.map((label, bi) => ({ label, n: s.counts.reduce((sum, row) => sum + (row[bi] ?? 0), 0) }));
	const peak = extremes(perPeriod, (p) => p.n);
	if (!top || !peak || total === 0) return L.t('chart.noData');
	return join(
		L.t('chart.stackedSummary', {
			from: periods[0]!,
			to: periods.at(-1)!,
			total: L.int(total),
			groups: labels.length,
			top: top.max.label,
			topN: L.int(top.max.n),
			share: L.pct(top.max.n / total),
			peak: peak.max.label,
			peakN: L.int(peak.max.n)
		}),
		eventsNote
	);
}

/** Topic × region shares: the size of the grid, its highest cell, and how many cells are withheld. */
export function heatSummary(
	cells: readonly { topic: string; region: string; share: number | null; n: number | null }[],
	topics: number,
	regions: number,
	minShown: number,
	L: I18n
): string {
	const e = extremes(cells, (c) => c.share);
	const hidden = cells.filter((c) => c.n === null).length;
	return join(
		L.t('chart.heatSummary', { topics, regions }),
		e && L.t('chart.heatTop', { topic: e.max.topic, region: e.max.region, share: L.pct(e.max.share!) }),
		hidden > 0 && L.t('chart.heatHidden', { n: L.int(hidden), min: minShown })
	);
}

/** A choropleth: how many regions, the highest and lowest, how many without data, and its table equivalent. */
export function mapSummary(regions: readonly { name: string; value: number | null }[], format: (v: number) => string, L: I18n): string {
	const e = extremes(regions, (r) => r.value);
	const none = regions.filter((r) => r.value === null).length;
	return join(
		e
			? L.t('chart.mapSummary', {
					n: L.int(regions.length),
					maxName: e.max.name,
					max: format(e.max.value!),
					minName: e.min.name,
					min: format(e.min.value!)
				})
			: L.t('chart.noData'),
		none > 0 && L.t('chart.mapNoData', { n: L.int(none) }),
		L.t('chart.mapKeyboard')
	);
}
