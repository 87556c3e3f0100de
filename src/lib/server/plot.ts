// Server-side charts: Observable Plot renders into a linkedom document and we keep the SVG
// markup. Pages insert it with {@html}; that markup is built only from numbers and our own
// dictionary strings, never from user-supplied text.
import { drawnSvg, NO_SVG, type SafeSvg } from '$lib/svg';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { I18n } from '$lib/i18n';
import { trendSummary } from './chart-alt';
import type { MonthCount } from './queries/overview';

/** The COVID-19 period the dashboard marks: March 2020 up to and including January 2021. */
const COVID_PERIOD = { from: '2020-03', to: '2021-01' } as const;

const CHART_COLORS = {
	bar: '#2f5d8a',
	covidFill: '#f3e3c3',
	covidText: '#7a4f00',
	ink: '#1f2933',
	grid: '#1f2933'
} as const;

/**
 * Renders a Plot spec to an SVG (or <figure>) string; `decorate` may add attributes to the
 * rendered node first (e.g. data-* for tooltips and tests). Every chart has a text alternative:
 * `ariaLabel` (its title) and `ariaDescription` (what it shows, chart-alt.ts). A chart without
 * links is one image to assistive technology (role="img"; its table holds the figures); Plot's
 * own aria-labels on marks and axes ("rect", "y-axis tick") are dropped, since a <g> may not be
 * named (ARIA) and they say nothing to a reader.
 */
export function renderPlot(
	options: Plot.PlotOptions & { ariaLabel: string; ariaDescription: string },
	decorate?: (root: Element) => void
): SafeSvg {
	const { document } = parseHTML('<!doctype html><html><head></head><body></body></html>');
	const { ariaDescription, ...rest } = options;
	const node = Plot.plot({ ...rest, document } as Plot.PlotOptions) as unknown as Element;
	const svg = node.tagName.toLowerCase() === 'svg' ? node : node.querySelector('svg[aria-label]');
	if (!svg) throw new Error('renderPlot: Plot drew no chart <svg>');
	for (const el of node.querySelectorAll('[aria-label]')) if (el !== svg) el.removeAttribute('aria-label');
	decorate?.(node);
	if (!svg.querySelector('a')) svg.setAttribute('role', 'img');
	// The description may quote warehouse text (topic labels): the serializer escapes only & and "
	// in attributes, so it goes in afterwards with < and > escaped as well.
	svg.setAttribute('aria-description', DESCRIPTION);
	return drawnSvg(node.outerHTML.replace(DESCRIPTION, escapeAttr(ariaDescription)));
}

const DESCRIPTION = '\u0002description\u0002';

/** Text for a double-quoted HTML attribute: &, ", < and > escaped. */
export const escapeAttr = (s: string) =>
	s.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const utcMonth = (yyyyMm: string) => new Date(`${yyyyMm}-01T00:00:00Z`);
const addMonths = (d: Date, n: number) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + n, 1));

/** True when the months shown overlap the COVID period (the chart then shades it). */
export function showsCovid(months: readonly MonthCount[]): boolean {
	if (months.length === 0) return false;
	return months[0]!.month <= COVID_PERIOD.to && months[months.length - 1]!.month >= COVID_PERIOD.from;
}

/** Monthly complaint counts as bars, with the COVID period shaded and labelled when in range. */
export function trendChart(months: readonly MonthCount[], L: I18n, opts: { width?: number; height?: number } = {}): SafeSvg {
	const width = opts.width ?? 960;
	const height = opts.height ?? 320;
	const narrow = width < 640;
	if (months.length === 0) return NO_SVG;
	const data = months.map((m) => ({ month: utcMonth(m.month), n: m.n }));
	const start = data[0]!.month;
	const end = addMonths(data[data.length - 1]!.month, 1);
	const span = data.length;

	const covid = covidBand(start, end, L);
	const max = Math.max(...data.map((d) => d.n), 1);

	return renderPlot({
		width,
		height,
		marginTop: 28,
		marginLeft: narrow ? 44 : 56,
		marginRight: 16,
		marginBottom: 32,
		style: { fontSize: narrow ? '11px' : '12px', color: CHART_COLORS.ink, background: 'transparent', overflow: 'visible' },
		ariaLabel: L.t('trend.ariaLabel'),
		ariaDescription: trendSummary(months, L, covid.shown ? L.t('trend.covidNote') : null),
		x: timeAxis(start, end, L, narrow),
		y: {
			domain: [0, max],
			nice: true,
			grid: true,
			label: `↑ ${L.t('trend.yLabel')}`,
			tickFormat: (n: number) => L.int(n)
		},
		marks: [
			...covid.marks,
			Plot.rectY(data, {
				x: 'month',
				y: 'n',
				interval: 'month',
				fill: CHART_COLORS.bar,
				// <title> per bar: the native tooltip, and the text of the hover/focus tip (static/chart-tips.js).
				title: (d: { month: Date; n: number }) =>
					`${L.month(d.month.toISOString().slice(0, 7))}: ${L.int(d.n)} ${L.t('common.complaints').toLowerCase()}`,
				insetLeft: span > 60 ? 0.25 : 1,
				insetRight: span > 60 ? 0.25 : 1
			}),
			Plot.ruleY([0], { stroke: CHART_COLORS.ink })
		]
	});
}

/**
 * The time axis of every chart over [start, end): a tick step that fits the width and labels in
 * the page's language ("Okt 2020" / "Oct 2020", or the year), never Plot's English default.
 */
export function timeAxis(start: Date, end: Date, L: I18n, narrow = false) {
	const span = (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth();
	const yearTicks = span > (narrow ? 18 : 36);
	// A few weeks (the weekly view of a short period): a tick per week, on its Monday as the buckets start ("6 Apr").
	if (span < 2) {
		const day = new Intl.DateTimeFormat(L.locale, { day: 'numeric', month: 'short', timeZone: 'UTC' });
		return { type: 'utc' as const, domain: [start, end], label: null, ticks: 'monday', tickFormat: (d: Date) => day.format(d) };
	}
	return {
		type: 'utc' as const,
		domain: [start, end],
		label: null,
		ticks: yearTicks
			? span > (narrow ? 72 : 144)
				? '2 years'
				: 'year'
			: span > (narrow ? 6 : 12)
				? narrow
					? '6 months'
					: '3 months'
				: 'month',
		tickFormat: yearTicks ? (d: Date) => String(d.getUTCFullYear()) : (d: Date) => L.month(d.toISOString().slice(0, 7))
	};
}

/**
 * The COVID period as a shaded, labelled band clipped to [start, end): shared by every time
 * chart. No marks when the chart's time range does not overlap it.
 */
export function covidBand(start: Date, end: Date, L: I18n) {
	const covidStart = utcMonth(COVID_PERIOD.from);
	const covidEnd = addMonths(utcMonth(COVID_PERIOD.to), 1);
	const band =
		covidStart < end && covidEnd > start ? [{ x1: covidStart < start ? start : covidStart, x2: covidEnd > end ? end : covidEnd }] : [];
	// A band in the right part of the chart gets its label right-aligned at its end, so the
	// label does not run past the chart's right edge.
	const late = band.length > 0 && band[0]!.x1.getTime() > start.getTime() + 0.7 * (end.getTime() - start.getTime());
	return {
		shown: band.length > 0,
		marks: [
			Plot.rectX(band, { x1: 'x1', x2: 'x2', fill: CHART_COLORS.covidFill, fillOpacity: 0.85 }),
			Plot.text(band, {
				x: late ? 'x2' : 'x1',
				frameAnchor: 'top',
				text: () => L.t('trend.covid'),
				textAnchor: late ? 'end' : 'start',
				lineAnchor: 'bottom',
				dx: late ? -4 : 4,
				dy: -6,
				fill: CHART_COLORS.covidText,
				fontWeight: 600
			})
		]
	};
}
