// More server-rendered charts (see plot.ts): stacked bars over time with the COVID band, and
// the province choropleth. Built from numbers, codes and our own labels; category names come
// from the warehouse, so Plot writes them as text nodes (escaped by the serializer).
import * as Plot from '@observablehq/plot';
import type { I18n } from '$lib/i18n';
import { covidBand, renderPlot } from './plot';
import type { Grain, Series } from './queries/trends';
import { provinceFeatures, type Feature } from './topo';

export const PALETTE = ['#2f5d8a', '#d08c2c', '#3f8f6b', '#b5473a', '#7a5ea8', '#4aa3b5', '#a6763d', '#c15d91', '#8c8c8c', '#5b7d2f', '#9e9ac8', '#6b4f2a'];

const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

export function stackedChart(
	s: Series,
	labels: string[],
	grain: Grain,
	L: I18n,
	opts: { ariaLabel: string; width?: number; height?: number }
): string {
	if (s.buckets.length === 0) return '';
	const width = opts.width ?? 960;
	const height = opts.height ?? 300;
	const data: { t: Date; key: string; n: number }[] = [];
	// Zero segments draw nothing: left out to keep the markup small.
	s.keys.forEach((_, ki) =>
		s.buckets.forEach((b, bi) => {
			const n = s.counts[ki]![bi]!;
			if (n > 0) data.push({ t: day(b), key: labels[ki]!, n });
		})
	);
	const first = day(s.buckets[0]!);
	const last = day(s.buckets.at(-1)!);
	const end = new Date(last);
	if (grain === 'week') end.setUTCDate(end.getUTCDate() + 7);
	else end.setUTCMonth(end.getUTCMonth() + 1);
	const covid = covidBand(first, end, L);
	return renderPlot({
		width,
		height,
		marginTop: 28,
		marginLeft: 56,
		marginRight: 16,
		marginBottom: 32,
		style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
		ariaLabel: opts.ariaLabel,
		ariaDescription: covid.shown ? L.t('trend.covidNote') : undefined,
		x: { type: 'utc', domain: [first, end], label: null },
		y: { grid: true, label: `↑ ${L.t('common.complaints')}`, tickFormat: (n: number) => L.int(n) },
		color: { domain: labels, range: PALETTE.slice(0, labels.length), legend: true },
		marks: [
			...covid.marks,
			Plot.rectY(data, {
				x: 't',
				y: 'n',
				fill: 'key',
				interval: grain === 'week' ? 'week' : 'month',
				order: labels,
				// Native tooltips (<title>) per bar segment; monthly only, to keep weekly pages small.
				title: grain === 'month' ? (d: { t: Date; key: string; n: number }) => `${L.month(d.t.toISOString().slice(0, 7))} · ${d.key}: ${L.int(d.n)}` : undefined
			}),
			Plot.ruleY([0])
		]
	});
}

/** Province choropleth: `values` by province code; provinces without a value are grey. */
export function choropleth(values: Map<string, number | null>, L: I18n, opts: { ariaLabel: string; format: (v: number) => string; names: Map<string, string> }): string {
	const features = provinceFeatures();
	const value = (f: Feature) => values.get(f.id) ?? null;
	return renderPlot({
		width: 960,
		height: 380,
		margin: 8,
		style: { fontSize: '12px', background: 'transparent' },
		ariaLabel: opts.ariaLabel,
		projection: { type: 'mercator', domain: { type: 'FeatureCollection', features } as never },
		color: { type: 'quantile', n: 5, scheme: 'blues', legend: true, tickFormat: (v: number) => opts.format(v), label: null },
		marks: [
			Plot.geo(features, {
				fill: (f: Feature) => value(f) ?? undefined,
				stroke: '#ffffff',
				strokeWidth: 0.6,
				title: (f: Feature) => {
					const v = value(f);
					return `${opts.names.get(f.id) ?? f.id}: ${v === null ? L.t('kpi.na') : opts.format(v)}`;
				}
			}),
			Plot.geo(features.filter((f) => value(f) === null), { fill: '#d5d8dc', stroke: '#ffffff', strokeWidth: 0.6 })
		]
	});
}
