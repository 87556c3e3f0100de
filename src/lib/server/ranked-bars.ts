// A ranked horizontal bar chart drawn on the server (plot.ts renderPlot): items largest first, one
// bar each, the name on the left. What a kab/kota page shows for its kecamatan, where no openly
// licensed kecamatan boundaries exist to draw a map (README: Kecamatan). Names come from the
// reference data; Plot writes them as text nodes, escaped by the serializer.
import * as Plot from '@observablehq/plot';
import type { I18n } from '$lib/i18n';
import { NO_SVG, type SafeSvg } from '$lib/svg';
import { extremes } from './chart-alt';
import { renderPlot } from './plot';

const BAR = '#2f5d8a';
const ROW_PX = 20;

export function rankedBars(items: readonly { label: string; n: number }[], L: I18n, opts: { ariaLabel: string; width?: number }): SafeSvg {
	const data = [...items].sort((a, b) => b.n - a.n || a.label.localeCompare(b.label));
	const e = extremes(data, (d) => d.n);
	if (!e || e.max.n === 0) return NO_SVG;
	const longest = Math.max(...data.map((d) => d.label.length));
	return renderPlot({
		width: opts.width ?? 720,
		height: data.length * ROW_PX + 48,
		marginTop: 28,
		marginLeft: Math.min(220, 12 + longest * 7),
		marginRight: 48,
		marginBottom: 20,
		style: { fontSize: '12px', background: 'transparent', overflow: 'visible' },
		ariaLabel: opts.ariaLabel,
		ariaDescription: L.t('chart.rankedSummary', {
			count: L.int(data.length),
			max: e.max.label,
			maxN: L.int(e.max.n),
			min: e.min.label,
			minN: L.int(e.min.n)
		}),
		x: { grid: true, label: `${L.t('common.complaints')} →`, tickFormat: (n: number) => L.int(n), axis: 'top' },
		y: { domain: data.map((d) => d.label), label: null },
		marks: [
			Plot.barX(data, {
				x: 'n',
				y: 'label',
				fill: BAR,
				title: (d: { label: string; n: number }) => `${d.label}: ${L.int(d.n)} ${L.t('common.complaints').toLowerCase()}`
			}),
			Plot.text(data, { x: 'n', y: 'label', text: (d: { n: number }) => L.int(d.n), textAnchor: 'start', dx: 4 }),
			Plot.ruleX([0])
		]
	});
}
