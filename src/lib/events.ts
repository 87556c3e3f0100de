// Events the time charts mark (data/reference/events.csv): the COVID-19 period, PPDB seasons,
// elections, policy dates. Read at build time (a `?records` import: the browser needs them too) and
// checked with zod once at load, so a bad row fails the build and the tests, not a page. A chart
// marks an event only when its time range overlaps it: a range as a shaded band, a single day as a
// dashed line, clipped to the chart. Sources: data/reference/README.md.
import { z } from 'zod';
import records from '../../data/reference/events.csv?records';
import type { CsvRecord } from './core/csv';
import type { I18n, Lang } from './i18n';

export const EVENT_KINDS = ['covid', 'ppdb', 'election', 'policy'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * How each kind is drawn: a band's fill, and the ink of its line and label. The ink is text on the
 * fill and on the page (at least 4.5:1 on both, events.test.ts).
 */
export const EVENT_STYLE: Readonly<Record<EventKind, { fill: string; ink: string }>> = {
	covid: { fill: '#f3e3c3', ink: '#7a4f00' },
	ppdb: { fill: '#dcebd5', ink: '#2f5a22' },
	election: { fill: '#e7e0f1', ink: '#5b3d8f' },
	policy: { fill: '#f1e1dc', ink: '#8a3b22' }
};

const HEADER = ['start', 'end', 'label_id', 'label_en', 'kind'] as const;

const day = z
	.string()
	.regex(/^(19|20)\d{2}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD')
	.refine((s) => new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'a date that exists');
const label = z.string().trim().min(1).max(40);

const EventRow = z
	.object({ start: day, end: day, label_id: label, label_en: label, kind: z.enum(EVENT_KINDS) })
	.refine((e) => dayMs(e.start) <= dayMs(e.end), { message: 'end is before start', path: ['end'] });
export type TimelineEvent = z.infer<typeof EventRow>;

const dayMs = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`);

/**
 * The records of the events file (core/csv.ts readCsvRecords): the header above, then one event a
 * record, its dates inclusive. Throws naming the line of the first bad record.
 */
export function parseEvents(records: readonly CsvRecord[]): TimelineEvent[] {
	const [head, ...body] = records;
	if (head?.cells.join() !== HEADER.join())
		throw new Error(`events.csv: the header must be "${HEADER.join()}", not "${head?.cells.join() ?? ''}"`);
	return body.map(({ line, cells }) => {
		const parsed = EventRow.safeParse(Object.fromEntries(HEADER.map((h, i) => [h, cells[i]])));
		if (!parsed.success) {
			const why = parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ');
			throw new Error(`events.csv line ${line}: ${why} ("${cells.join().slice(0, 80)}")`);
		}
		return parsed.data;
	});
}

/** The shipped events, checked. */
export const EVENTS: readonly TimelineEvent[] = Object.freeze(parseEvents(records));

/** An event as a chart shows it: clipped to the chart's range; `point` for a single day. */
export interface ShownEvent {
	event: TimelineEvent;
	x1: Date;
	/** Exclusive: the day after the event's last day, or the chart's end. */
	x2: Date;
	point: boolean;
}

/**
 * The events that overlap [from, to), oldest first, clipped to it. An event lasts from the start
 * of its first day to the end of its last, so one ending on the chart's first day still shows.
 */
export function eventsWithin(from: Date, to: Date, events: readonly TimelineEvent[] = EVENTS): ShownEvent[] {
	const a = from.getTime();
	const b = to.getTime();
	const out: ShownEvent[] = [];
	for (const event of events) {
		const s = dayMs(event.start);
		const e = dayMs(event.end) + 86_400_000;
		if (s >= b || e <= a) continue;
		out.push({ event, x1: new Date(Math.max(s, a)), x2: new Date(Math.min(e, b)), point: event.start === event.end });
	}
	return out.sort((x, y) => dayMs(x.event.start) - dayMs(y.event.start) || dayMs(x.event.end) - dayMs(y.event.end));
}

/** The chart range of months `first`…`last` ('YYYY-MM', inclusive): from the first's start to the day after the last. */
export function monthRange(first: string, last: string): { from: Date; to: Date } {
	const to = new Date(`${last}-01T00:00:00Z`);
	to.setUTCMonth(to.getUTCMonth() + 1);
	return { from: new Date(`${first}-01T00:00:00Z`), to };
}

/** The events a chart of months `first`…`last` marks (none without months). */
export function eventsInMonths(months: readonly { month: string }[], events: readonly TimelineEvent[] = EVENTS): ShownEvent[] {
	if (months.length === 0) return [];
	const { from, to } = monthRange(months[0]!.month, months.at(-1)!.month);
	return eventsWithin(from, to, events);
}

export const eventLabel = (e: TimelineEvent, lang: Lang): string => (lang === 'en' ? e.label_en : e.label_id);

/** When it was, in words: "17 April 2019", or whole months "Maret 2020 – Januari 2021", else two dates. */
export function eventWhen(e: TimelineEvent, L: I18n): string {
	if (e.start === e.end) return L.date(e.start);
	const next = new Date(dayMs(e.end) + 86_400_000).toISOString();
	const wholeMonths = e.start.endsWith('-01') && next.slice(8, 10) === '01';
	return wholeMonths ? `${L.monthLong(e.start.slice(0, 7))} – ${L.monthLong(e.end.slice(0, 7))}` : `${L.date(e.start)} – ${L.date(e.end)}`;
}

/** A chart's key entry: an event, or a yearly one (PPDB) listed once with its years. */
export interface EventEntry {
	kind: EventKind;
	point: boolean;
	label: string;
	when: string;
}

/** "2018–2024" for consecutive years, else "2018, 2020, 2024". */
function yearList(years: readonly number[]): string {
	const consecutive = years.every((y, i) => i === 0 || y === years[i - 1]! + 1);
	return consecutive && years.length > 2 ? `${years[0]}–${years.at(-1)}` : years.join(', ');
}

/** When a group of same-named events was: one season over several years ("Juni – Juli, 2018–2024"), else each. */
function groupWhen(events: readonly TimelineEvent[], L: I18n): string {
	const first = events[0]!;
	const season = (e: TimelineEvent) => `${e.start.slice(5)}|${e.end.slice(5)}|${e.start.slice(0, 4) === e.end.slice(0, 4)}`;
	const yearly = events.length > 1 && events.every((e) => season(e) === season(first)) && first.start.slice(0, 4) === first.end.slice(0, 4);
	const when = eventWhen(first, L);
	// Whole months of one year: the months without their year, then the years.
	if (!yearly || !/^\D+ \d{4} – \D+ \d{4}$/.test(when)) return events.map((e) => eventWhen(e, L)).join('; ');
	const months = `${L.monthName(first.start.slice(0, 7))} – ${L.monthName(first.end.slice(0, 7))}`;
	return `${months}, ${yearList(events.map((e) => Number(e.start.slice(0, 4))))}`;
}

/** The key of the events shown, in the order they first appear; events of one name and kind share an entry. */
export function eventEntries(shown: readonly ShownEvent[], L: I18n): EventEntry[] {
	const groups = new Map<string, ShownEvent[]>();
	for (const s of shown) {
		const key = `${s.event.kind}|${s.event.label_id}|${s.point}`;
		groups.set(key, [...(groups.get(key) ?? []), s]);
	}
	return [...groups.values()].map((g) => ({
		kind: g[0]!.event.kind,
		point: g[0]!.point,
		label: eventLabel(g[0]!.event, L.lang),
		when: groupWhen(
			g.map((s) => s.event),
			L
		)
	}));
}

/** One line naming the events a chart marks, for its caption and text alternative; '' when none. */
export function eventsNote(shown: readonly ShownEvent[], L: I18n): string {
	if (shown.length === 0) return '';
	return L.t('events.note', {
		list: eventEntries(shown, L)
			.map((e) => `${e.label} (${e.when})`)
			.join('; ')
	});
}
