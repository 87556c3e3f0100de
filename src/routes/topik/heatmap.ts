// The topic × region heatmap of /topik as a server-rendered SVG (Observable Plot cell mark, see
// $lib/server/plot.ts). Cell colour = the topic's share of the region's complaints, so regions of
// different size compare. Topic labels are made of stemmed words from complaint texts: Plot writes
// them as text nodes, which the serializer escapes (tested in heatmap.test.ts).
import * as Plot from '@observablehq/plot';
import type { I18n } from '$lib/i18n';
import { MIN_SHOWN_COUNT } from '$lib/core/privacy';
import { NO_SVG, type SafeSvg } from '$lib/svg';
import { heatSummary } from '$lib/server/chart-alt';
import { renderPlot } from '$lib/server/plot';
import type { HeatmapCell } from '$lib/server/queries/topics';

export function topicHeatmap(
	cells: readonly HeatmapCell[],
	topics: readonly { clusterId: number; label: string }[],
	regions: readonly { code: string; name: string }[],
	L: I18n,
	ariaLabel: string
): SafeSvg {
	if (cells.length === 0) return NO_SVG;
	const label = new Map(topics.map((t) => [t.clusterId, t.label]));
	// Both scales are keyed by id and labelled with the name: two topics (or regions) may share a label.
	const name = new Map(regions.map((r) => [r.code, r.name]));
	const data = cells.map((c) => ({ ...c, topic: label.get(c.clusterId) ?? String(c.clusterId) }));
	// long province names ("Daerah Khusus Ibukota Jakarta") would run off the chart; cell titles keep them whole
	const short = (s: string) => (s.length > 22 ? `${s.slice(0, 21)}…` : s);
	const longest = Math.max(...topics.map((t) => t.label.length), 8);
	return renderPlot({
		width: Math.max(560, Math.min(1100, 260 + regions.length * 46)),
		height: 110 + topics.length * 20,
		marginLeft: Math.min(300, 24 + longest * 6.4),
		marginBottom: 110,
		marginTop: 8,
		style: { fontSize: '11px', background: 'transparent' },
		ariaLabel,
		ariaDescription: heatSummary(
			data.map((d) => ({ topic: d.topic, region: d.name, share: d.share, n: d.n })),
			topics.length,
			regions.length,
			MIN_SHOWN_COUNT,
			L
		),
		x: { domain: regions.map((r) => r.code), tickFormat: (code: string) => short(name.get(code) ?? code), tickRotate: -40, label: null },
		y: { domain: topics.map((t) => t.clusterId), tickFormat: (id: number) => label.get(id) ?? String(id), label: null },
		// discrete classes: Plot's continuous legend needs a canvas, which linkedom lacks
		color: { type: 'quantize', n: 6, scheme: 'blues', legend: true, label: L.t('topics.heatLegend'), tickFormat: (v: number) => L.pct(v) },
		marks: [
			Plot.cell(data, {
				x: 'code',
				y: 'clusterId',
				fill: 'share',
				inset: 0.5,
				// Suppressed cells (1–4 complaints, core/privacy.ts) have no fill and say "<5".
				title: (d: (typeof data)[number]) =>
					`${d.topic} · ${d.name}: ${d.n === null ? L.count(null) : `${L.int(d.n)} (${L.pct(d.share!)})`}`
			})
		]
	});
}
