// More server-rendered charts (see plot.ts): stacked bars over time with the events in range, and
// the choropleth of provinces or kab/kota. Built from numbers, codes and our own labels; category names come
// from the warehouse, so Plot writes them as text nodes (escaped by the serializer). The
// choropleth fills a cached template: its names, links and values are escaped as they go in.
import { drawnSvg, NO_SVG, type SafeSvg } from '$lib/svg';
import * as Plot from '@observablehq/plot';
import type { I18n } from '$lib/i18n';
import { mapSummary, stackedSummary } from './chart-alt';
import { eventsNote } from '$lib/events';
import { escapeAttr as attr, eventMarks, renderPlot, timeAxis } from './plot';
import type { Grain, Series, YearOnYear } from './queries/trends';
import { simplifyLine } from '$lib/core/geo-simplify';
import type { Feature } from './topo';

const PALETTE = [
	'#2f5d8a',
	'#d08c2c',
	'#3f8f6b',
	'#b5473a',
	'#7a5ea8',
	'#4aa3b5',
	'#a6763d',
	'#c15d91',
	'#8c8c8c',
	'#5b7d2f',
	'#9e9ac8',
	'#6b4f2a'
];

/** The frame of the time charts here: room for the y ticks and the last x tick, 12 px text. */
const FRAME = {
	marginLeft: 56,
	marginRight: 16,
	marginBottom: 32,
	style: { fontSize: '12px', background: 'transparent', overflow: 'visible' }
} as const;

const day = (ymd: string) => new Date(`${ymd}T00:00:00Z`);

/** The time a series spans: from its first bucket's start to the end of its last (null when empty). */
export function seriesRange(s: Series, grain: Grain): { from: Date; to: Date } | null {
	if (s.buckets.length === 0) return null;
	const to = day(s.buckets.at(-1)!);
	if (grain === 'week') to.setUTCDate(to.getUTCDate() + 7);
	else to.setUTCMonth(to.getUTCMonth() + 1);
	return { from: day(s.buckets[0]!), to };
}

export function stackedChart(
	s: Series,
	labels: string[],
	grain: Grain,
	L: I18n,
	opts: { ariaLabel: string; width?: number; height?: number }
): SafeSvg {
	if (s.buckets.length === 0) return NO_SVG;
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
	const { from: first, to: end } = seriesRange(s, grain)!;
	const events = eventMarks(first, end, L, { width, marginLeft: FRAME.marginLeft, marginRight: FRAME.marginRight, fontSize: 12 });
	const period = (b: string) => (grain === 'week' ? L.date(b) : L.monthLong(b.slice(0, 7)));
	return renderPlot({
		width,
		height,
		marginTop: events.marginTop,
		...FRAME,
		ariaLabel: opts.ariaLabel,
		ariaDescription: stackedSummary(s, labels, s.buckets.map(period), L, eventsNote(events.shown, L) || null),
		x: timeAxis(first, end, L),
		y: { grid: true, label: `↑ ${L.t('common.complaints')}`, tickFormat: (n: number) => L.int(n) },
		color: { domain: labels, range: PALETTE.slice(0, labels.length), legend: true },
		marks: [
			...events.marks,
			Plot.rectY(data, {
				x: 't',
				y: 'n',
				fill: 'key',
				interval: grain === 'week' ? 'week' : 'month',
				order: labels,
				// Native tooltips (<title>) per bar segment; monthly only, to keep weekly pages small.
				title:
					grain === 'month'
						? (d: { t: Date; key: string; n: number }) => `${L.month(d.t.toISOString().slice(0, 7))} · ${d.key}: ${L.int(d.n)}`
						: undefined
			}),
			Plot.ruleY([0])
		]
	});
}

/**
 * This year against last year: complaints per calendar month as two lines (last year dashed and
 * grey), a dot and a <title> per month with data; months without data left out of the lines.
 */
export function yearOnYearChart(y: YearOnYear, L: I18n, opts: { width?: number; height?: number } = {}): SafeSvg {
	const years = [String(y.year - 1), String(y.year)];
	const short = new Intl.DateTimeFormat(L.locale, { month: 'short', timeZone: 'UTC' });
	const label = (mm: string) => short.format(new Date(`2000-${mm}-01T00:00:00Z`));
	const points = y.months.flatMap((m) => [
		...(m.before === null ? [] : [{ year: years[0]!, month: label(m.month), mm: m.month, n: m.before }]),
		...(m.now === null ? [] : [{ year: years[1]!, month: label(m.month), mm: m.month, n: m.now }])
	]);
	if (points.length === 0) return NO_SVG;
	type P = (typeof points)[number];
	const line = (year: string, dashed: boolean) =>
		Plot.line(
			points.filter((p) => p.year === year),
			{ x: 'month', y: 'n', stroke: 'year', strokeWidth: 2, strokeDasharray: dashed ? '5,4' : undefined }
		);
	const sum = (k: 'now' | 'before') => y.months.reduce((s, m) => s + (m.now !== null && m.before !== null ? m[k]! : 0), 0);
	return renderPlot({
		width: opts.width ?? 960,
		height: opts.height ?? 280,
		marginTop: 28,
		...FRAME,
		ariaLabel: L.t('yoy.ariaLabel', { year: years[1]!, last: years[0]! }),
		ariaDescription: L.t('yoy.summary', { year: years[1]!, last: years[0]!, now: L.int(sum('now')), before: L.int(sum('before')) }),
		x: { type: 'point', domain: y.months.map((m) => label(m.month)), label: null, inset: 12 },
		y: { grid: true, zero: true, label: `↑ ${L.t('common.complaints')}`, tickFormat: (n: number) => L.int(n) },
		color: { domain: years, range: ['#6b7280', PALETTE[0]!], legend: true },
		marks: [
			line(years[0]!, true),
			line(years[1]!, false),
			Plot.dot(points, {
				x: 'month',
				y: 'n',
				fill: 'year',
				r: 3.5,
				title: (p: P) => `${L.monthLong(`${p.year}-${p.mm}`)}: ${L.int(p.n)} ${L.t('common.complaints').toLowerCase()}`
			}),
			Plot.ruleY([0])
		]
	});
}

/**
 * Several subjects' monthly values overlaid (/banding): a line each, in its own colour and
 * marker shape (told apart without colour too), a <title> per point, and the events in range.
 * `values[i]` belongs to `months[i]`; a null leaves a gap.
 */
export function compareChart(
	months: readonly string[],
	series: readonly { name: string; values: readonly (number | null)[] }[],
	L: I18n,
	opts: { ariaLabel: string; ariaDescription: string; yLabel: string; format: (v: number) => string; width?: number; height?: number }
): SafeSvg {
	if (months.length === 0 || series.length === 0) return NO_SVG;
	const width = opts.width ?? 960;
	const points = series.flatMap((s) =>
		months.map((m, i) => ({ name: s.name, t: new Date(`${m}-01T00:00:00Z`), month: m, v: s.values[i] ?? null }))
	);
	type P = (typeof points)[number];
	const { from, to } = {
		from: points[0]!.t,
		to: new Date(Date.UTC(Number(months.at(-1)!.slice(0, 4)), Number(months.at(-1)!.slice(5)), 1))
	};
	const events = eventMarks(from, to, L, { width, marginLeft: FRAME.marginLeft, marginRight: FRAME.marginRight, fontSize: 12 });
	const names = series.map((s) => s.name);
	const dotted = months.length <= 36;
	const ticks = new Intl.NumberFormat(L.locale, { maximumFractionDigits: 2 });
	return renderPlot({
		width,
		height: opts.height ?? 320,
		marginTop: events.marginTop,
		...FRAME,
		ariaLabel: opts.ariaLabel,
		ariaDescription: [opts.ariaDescription, eventsNote(events.shown, L)].filter(Boolean).join(' '),
		x: timeAxis(from, to, L),
		y: { grid: true, zero: true, label: `↑ ${opts.yLabel}`, tickFormat: (n: number) => ticks.format(n) },
		// One legend: the symbol legend takes the colours of the colour scale of the same domain.
		color: { domain: names, range: PALETTE.slice(0, names.length) },
		symbol: { domain: names, legend: true },
		marks: [
			...events.marks,
			// Mid-month, so a point sits over its month; a null value breaks the line.
			Plot.line(points, {
				x: (p: P) => new Date(p.t.getTime() + 14 * 86_400_000),
				y: 'v',
				z: 'name',
				stroke: 'name',
				strokeWidth: 2
			}),
			Plot.dot(
				points.filter((p) => p.v !== null),
				{
					x: (p: P) => new Date(p.t.getTime() + 14 * 86_400_000),
					y: 'v',
					stroke: 'name',
					symbol: 'name',
					r: dotted ? 3.5 : 2,
					fill: 'white',
					title: (p: P) => `${p.name} · ${L.month(p.month)}: ${opts.format(p.v!)}`
				}
			),
			Plot.ruleY([0])
		]
	});
}

/** Fill of regions without a value (no complaints to rate, no population): grey, outside the blues. */
export const NO_DATA_FILL = '#c4c7cc';
const NO_DATA_PATTERN = 'telaah-no-data';

interface MapLegendItem {
	color: string;
	/** formatted range ("12,3 – 45,6"); null for the no-data entry */
	range: string | null;
}
export interface Choropleth {
	svg: SafeSvg;
	legend: MapLegendItem[];
}

/**
 * Thins a projected polygon path ("M x,y L x,y … Z" rings, as d3-geo writes them) for the
 * screen: Douglas–Peucker at half a pixel, one decimal. 514 kab/kota at 960 px would otherwise
 * be ~700 KB of SVG. Borders are simplified per shape, so neighbours may part by under half a
 * pixel: hidden under the white border stroke.
 */
export function simplifyPath(d: string, tolerance = 0.5): string {
	return d.replace(/M([^Z]*)Z/g, (_, body: string) => {
		const pts = body.split('L').map((p) => p.split(',').map(Number) as [number, number]);
		const ring = simplifyLine([...pts, pts[0]!], tolerance).slice(0, -1);
		return `M${ring.map(([x, y]) => `${Math.round(x * 10) / 10},${Math.round(y * 10) / 10}`).join('L')}Z`;
	});
}

/** Class boundaries at the 1/n … (n-1)/n quantiles (linear interpolation), duplicates removed. */
export function quantileCuts(values: readonly number[], n: number): number[] {
	const v = [...values].sort((a, b) => a - b);
	if (v.length < 2) return [];
	const cuts: number[] = [];
	for (let i = 1; i < n; i++) {
		const h = (v.length - 1) * (i / n);
		const q = v[Math.floor(h)]! + (v[Math.ceil(h)]! - v[Math.floor(h)]!) * (h - Math.floor(h));
		if (cuts.at(-1) !== q) cuts.push(q);
	}
	return cuts;
}

const text = (s: string) => s.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

// Placeholders in a map template: \u0001kind:code\u0001 (the value data attribute is a whole
// attribute, absent without a value). U+0001 never occurs in data, which is why it marks them.
// eslint-disable-next-line no-control-regex -- the sentinel is a control character on purpose
const TOKEN = / ?data-token="\u0001(value):([^\u0001]*)\u0001"|\u0001(\w+):([^\u0001]*)\u0001/g;
const token = (kind: string, id: string) => `\u0001${kind}:${id}\u0001`;

/**
 * The map's SVG with placeholders for everything that depends on the values and filters (fill,
 * link, tooltip, title, label). The same shapes in the same frame always project to the same
 * paths, and projecting and thinning 514 kab/kota costs ~150 ms: each map is drawn once.
 */
const templates = new Map<string, string>();
const TEMPLATES_MAX = 64;
function mapTemplate(features: readonly Feature[], width: number, height: number | undefined): string {
	const key = `${width}x${height ?? ''}:${features.map((f) => f.id).join(',')}`;
	let t = templates.get(key);
	if (t !== undefined) return t;
	t = renderPlot(
		{
			width,
			// Without a height Plot sizes the frame to the shapes' aspect (Indonesia: wide and low).
			height,
			margin: 8,
			style: { fontSize: '12px', background: 'transparent' },
			ariaLabel: token('label', ''),
			ariaDescription: token('desc', ''),
			projection: { type: 'mercator', domain: { type: 'FeatureCollection', features } as never },
			color: { type: 'identity' },
			marks: [
				Plot.geo(features as Feature[], {
					fill: (f: Feature) => token('fill', f.id),
					stroke: '#ffffff',
					strokeWidth: features.length > 100 ? 0.3 : 0.6,
					href: (f: Feature) => token('href', f.id),
					title: (f: Feature) => token('title', f.id)
				})
			]
		},
		(root) => {
			// No data: grey with a hatch, told apart from the palest class without relying on colour.
			const doc = root.ownerDocument;
			const svgRoot = root.tagName.toLowerCase() === 'svg' ? root : root.querySelector('svg');
			const defs = doc.createElementNS('http://www.w3.org/2000/svg', 'defs');
			defs.innerHTML = `<pattern id="${NO_DATA_PATTERN}" width="4" height="4" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="4" height="4" fill="${NO_DATA_FILL}"></rect><rect width="1" height="4" fill="#8a8f96"></rect></pattern>`;
			svgRoot?.prepend(defs);
			for (const a of root.querySelectorAll('a')) {
				// eslint-disable-next-line no-control-regex -- the template's sentinel (TOKEN)
				const id = /^\u0001href:(.*)\u0001$/.exec(a.getAttribute('href') ?? '')?.[1];
				if (id === undefined) continue;
				a.setAttribute('data-code', id);
				a.setAttribute('data-token', token('value', id));
				a.setAttribute('data-tip', token('tip', id));
				a.setAttribute('aria-label', token('tip', id));
				const path = a.querySelector('path');
				path?.setAttribute('d', simplifyPath(path.getAttribute('d') ?? ''));
			}
		}
	);
	if (templates.size >= TEMPLATES_MAX) templates.clear();
	templates.set(key, t);
	return t;
}

/**
 * Choropleth of provinces or kab/kota (`features` from topo.ts, fitted to the ones given):
 * up to five quantile classes of blue, hatched grey where the value is null. Each region is an SVG link to
 * `href(code)` with a <title> ("name: value") and data-code / data-value / data-tip attributes
 * (the hover/focus tooltip, static/chart-tips.js, reads data-tip). The legend is returned as
 * data for an HTML list, so it can name the no-data class.
 */
export function choropleth(
	features: readonly Feature[],
	values: Map<string, number | null>,
	L: I18n,
	opts: {
		ariaLabel: string;
		format: (v: number) => string;
		names: Map<string, string>;
		href: (code: string) => string;
		width?: number;
		height?: number;
	}
): Choropleth {
	const value = (f: Feature) => values.get(f.id) ?? null;
	const present = features.map(value).filter((v): v is number => v !== null);
	const cuts = quantileCuts(present, 5);
	// Blues for one class more than needed, without its palest (near-white would vanish on the page).
	const colors = present.length
		? (Plot.scale({ color: { type: 'threshold', scheme: 'blues', domain: [...cuts, Infinity, Infinity] } }).range as string[]).slice(
				1,
				cuts.length + 2
			)
		: [];
	// Ties stay together in the lower class (v <= cut), so a majority of zeros is the palest class.
	const classOf = (v: number) => cuts.filter((c) => c < v).length;
	const fill = (f: Feature) => {
		const v = value(f);
		return v === null ? NO_DATA_FILL : colors[classOf(v)]!;
	};
	const tip = (f: Feature) => {
		const v = value(f);
		return `${opts.names.get(f.id) ?? f.id}: ${v === null ? L.t('kpi.na') : opts.format(v)}`;
	};
	const byId = new Map(features.map((f) => [f.id, f]));
	const description = mapSummary(
		features.map((f) => ({ name: opts.names.get(f.id) ?? f.id, value: value(f) })),
		opts.format,
		L
	);
	const svg = drawnSvg(
		mapTemplate(features, opts.width ?? 960, opts.height).replace(TOKEN, (...m: string[]) => {
			const [kind, id] = m[1] ? [m[1], m[2]!] : [m[3]!, m[4]!];
			if (kind === 'label') return attr(opts.ariaLabel);
			if (kind === 'desc') return attr(description);
			const f = byId.get(id)!;
			const v = value(f);
			switch (kind) {
				case 'href':
					return attr(opts.href(id));
				case 'fill':
					return v === null ? `url(#${NO_DATA_PATTERN})` : fill(f);
				case 'value':
					return v === null ? '' : ` data-value="${Number(v.toPrecision(6))}"`;
				case 'tip':
					return attr(tip(f));
				default:
					return text(tip(f));
			}
		})
	);
	// One entry per class that has regions, labelled with the range of their actual values.
	const legend: MapLegendItem[] = [];
	colors.forEach((color, i) => {
		const inClass = present.filter((v) => classOf(v) === i);
		if (inClass.length === 0) return;
		const lo = Math.min(...inClass);
		const hi = Math.max(...inClass);
		legend.push({ color, range: lo === hi ? opts.format(lo) : `${opts.format(lo)} – ${opts.format(hi)}` });
	});
	if (present.length < features.length) legend.push({ color: NO_DATA_FILL, range: null });
	return { svg, legend };
}
