// Server-side charts: Observable Plot renders into a linkedom document and we keep the SVG
// markup. Pages insert it with {@html}; that markup is built only from numbers and our own
// dictionary strings, never from user-supplied text.
import { drawnSvg, NO_SVG, type SafeSvg } from '$lib/svg';
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { I18n } from '$lib/i18n';
import { EVENT_STYLE, eventLabel, eventsWithin, eventsNote, eventWhen, monthRange, type ShownEvent } from '$lib/events';
import { trendSummary } from './chart-alt';
import type { MonthCount } from './queries/overview';

const CHART_COLORS = {
	bar: '#2f5d8a',
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

/** Monthly complaint counts as bars, with the events of data/reference/events.csv in range marked. */
export function trendChart(months: readonly MonthCount[], L: I18n, opts: { width?: number; height?: number } = {}): SafeSvg {
	const width = opts.width ?? 960;
	const height = opts.height ?? 320;
	const narrow = width < 640;
	if (months.length === 0) return NO_SVG;
	const data = months.map((m) => ({ month: utcMonth(m.month), n: m.n }));
	const { from: start, to: end } = monthRange(months[0]!.month, months.at(-1)!.month);
	const span = data.length;
	const marginLeft = narrow ? 44 : 56;
	const events = eventMarks(start, end, L, { width, marginLeft, marginRight: 16, fontSize: narrow ? 11 : 12 });
	const max = Math.max(...data.map((d) => d.n), 1);

	return renderPlot({
		width,
		height,
		marginTop: events.marginTop,
		marginLeft,
		marginRight: 16,
		marginBottom: 32,
		style: { fontSize: narrow ? '11px' : '12px', color: CHART_COLORS.ink, background: 'transparent', overflow: 'visible' },
		ariaLabel: L.t('trend.ariaLabel'),
		ariaDescription: trendSummary(months, L, eventsNote(events.shown, L) || null),
		x: timeAxis(start, end, L, narrow),
		y: {
			domain: [0, max],
			nice: true,
			grid: true,
			label: `↑ ${L.t('trend.yLabel')}`,
			tickFormat: (n: number) => L.int(n)
		},
		marks: [
			...events.marks,
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

/** The class of every event mark's <g>: tells them from the data marks (a chart's bars also carry <title>s). */
const EVENT_CLASS = 'event';

/** Rows of event labels above a chart at most; a label that fits in none is left to the caption. */
const LABEL_LANES = 2;
const LANE_HEIGHT = 14;

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
 * The lane (row) of each label above a chart, or null when it fits in none: labels in order of
 * position, each in the first lane whose last label ends before it starts. `x` is where a label
 * starts and `w` its width, in pixels.
 */
export function labelLanes(labels: readonly { x: number; w: number }[], lanes = LABEL_LANES): (number | null)[] {
	const ends: number[] = [];
	const out: (number | null)[] = Array(labels.length).fill(null);
	[...labels.keys()]
		.sort((a, b) => labels[a]!.x - labels[b]!.x)
		.forEach((i) => {
			const { x, w } = labels[i]!;
			let lane = ends.findIndex((e) => e <= x);
			if (lane < 0 && ends.length < lanes) lane = ends.push(-Infinity) - 1;
			if (lane < 0) return;
			ends[lane] = x + w + 6;
			out[i] = lane;
		});
	return out;
}

/**
 * The events of data/reference/events.csv that overlap [start, end), as marks for a time chart:
 * a range as a band in its kind's colour (under the data), a single day as a dashed line; each
 * with a <title> and, where there is room, a label above the plot. `marginTop` makes room for the
 * label rows used; `shown` lists the events for the caption.
 */
export function eventMarks(
	start: Date,
	end: Date,
	L: I18n,
	geom: { width: number; marginLeft: number; marginRight: number; fontSize: number }
): { shown: ShownEvent[]; marks: Plot.Markish[]; marginTop: number } {
	const shown = eventsWithin(start, end);
	const plotWidth = geom.width - geom.marginLeft - geom.marginRight;
	const px = (d: Date) => geom.marginLeft + ((d.getTime() - start.getTime()) / (end.getTime() - start.getTime())) * plotWidth;
	const items = shown.map((s) => {
		const text = eventLabel(s.event, L.lang);
		const w = text.length * geom.fontSize * 0.6;
		// A label that would run past the right edge ends where its event ends instead.
		const late = px(s.x1) + w > geom.width - geom.marginRight;
		const x = late ? px(s.point ? s.x1 : s.x2) - w : px(s.x1);
		return { ...s, text, late, x, w, title: `${text}: ${eventWhen(s.event, L)}`, style: EVENT_STYLE[s.event.kind] };
	});
	const lanes = labelLanes(items);
	const used = lanes.reduce<number>((m, l) => (l === null ? m : Math.max(m, l + 1)), 0);
	// One mark per event: constant colours stay out of the chart's colour scale (the stacked chart has one).
	const marks = items.flatMap((it, i) => {
		const lane = lanes[i] ?? null;
		const at = it.late ? (it.point ? it.x1 : it.x2) : it.x1;
		return [
			it.point
				? Plot.ruleX([it], {
						x: 'x1',
						stroke: it.style.ink,
						strokeWidth: 1.5,
						strokeDasharray: '4,3',
						title: 'title',
						className: EVENT_CLASS
					})
				: Plot.rectX([it], { x1: 'x1', x2: 'x2', fill: it.style.fill, fillOpacity: 0.85, title: 'title', className: EVENT_CLASS }),
			...(lane === null
				? []
				: [
						Plot.text([it], {
							x: () => at,
							frameAnchor: 'top',
							text: 'text',
							textAnchor: it.late ? 'end' : 'start',
							lineAnchor: 'bottom',
							dx: it.late ? -3 : 3,
							dy: -4 - lane * LANE_HEIGHT,
							fill: it.style.ink,
							fontWeight: 600,
							className: EVENT_CLASS
						})
					])
		];
	});
	// Bands and lines first: they sit under the data marks that follow them.
	return { shown, marginTop: 14 + Math.max(used, 1) * LANE_HEIGHT, marks };
}
