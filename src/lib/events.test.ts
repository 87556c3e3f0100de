import { describe, expect, it } from 'vitest';
import { contrastRatio } from './contrast';
import { readCsvRecords } from './core/csv';
import { EVENT_KINDS, EVENT_STYLE, EVENTS, eventEntries, eventsInMonths, eventsNote, eventsWithin, eventWhen, parseEvents } from './events';
import { i18n } from './i18n';

const d = (ymd: string) => new Date(`${ymd}T00:00:00Z`);
const FILE = `start,end,label_id,label_en,kind
2020-03-01,2021-01-31,Masa COVID-19,COVID-19 period,covid
2019-04-17,2019-04-17,Pemilu 2019,2019 general election,election`;
const read = (text: string) => parseEvents(readCsvRecords(text, 'events.csv'));

describe('events.csv', () => {
	it('loads the shipped table: the COVID period, PPDB seasons, the 2019 and 2024 elections', () => {
		const covid = EVENTS.find((e) => e.kind === 'covid' && e.label_en === 'COVID-19 period');
		expect(covid).toMatchObject({ start: '2020-03-01', end: '2021-01-31', label_id: 'Masa COVID-19' });
		expect(EVENTS.filter((e) => e.kind === 'ppdb').length).toBeGreaterThanOrEqual(6);
		expect(EVENTS.filter((e) => e.kind === 'election').map((e) => e.start)).toEqual(expect.arrayContaining(['2019-04-17', '2024-02-14']));
	});

	it('refuses a bad header, a bad date, an end before its start, an unknown kind, an extra field', () => {
		expect(read(FILE)).toHaveLength(2);
		expect(() => read(FILE.replace('kind', 'type'))).toThrow(/header/);
		expect(() => read(FILE.replace('2019-04-17,2019', '2019-02-30,2019'))).toThrow(/line 3.*exists/);
		expect(() => read(FILE.replace('2021-01-31', '2019-01-31'))).toThrow(/line 2.*end is before start/);
		expect(() => read(FILE.replace(',election', ',festival'))).toThrow(/line 3.*kind/);
		expect(() => read(`${FILE},extra`)).toThrow(/line 3/);
	});

	it('reads a label holding a comma in quotes', () => {
		const [, pemilu] = read(FILE.replace('Pemilu 2019', '"Pemilu, Pilpres"'));
		expect(pemilu).toMatchObject({ label_id: 'Pemilu, Pilpres', label_en: '2019 general election', kind: 'election' });
	});

	it('draws every kind with ink readable on its band and on the page', () => {
		for (const kind of EVENT_KINDS) {
			const { fill, ink } = EVENT_STYLE[kind];
			expect(contrastRatio(ink, fill), kind).toBeGreaterThanOrEqual(4.5);
			expect(contrastRatio(ink, '#ffffff'), kind).toBeGreaterThanOrEqual(4.5);
		}
	});
});

describe('events in a chart range', () => {
	const events = read(FILE);

	it('shows an event only when the range overlaps it, clipped to the range', () => {
		expect(eventsWithin(d('2019-01-01'), d('2020-03-01'), events).map((s) => s.event.kind)).toEqual(['election']);
		const late = eventsWithin(d('2019-01-01'), d('2020-03-02'), events);
		expect(late.map((s) => s.event.kind)).toEqual(['election', 'covid']);
		expect(late[1]).toMatchObject({ x1: d('2020-03-01'), x2: d('2020-03-02'), point: false });
		// The last day counts in full: a range starting on 31 January 2021 still overlaps.
		expect(eventsWithin(d('2021-01-31'), d('2021-03-01'), events)).toHaveLength(1);
		expect(eventsWithin(d('2021-02-01'), d('2022-01-01'), events)).toEqual([]);
		expect(eventsWithin(d('2019-04-17'), d('2019-04-18'), events)[0]).toMatchObject({ point: true, x1: d('2019-04-17') });
		expect(eventsWithin(d('2019-04-18'), d('2019-05-01'), events)).toEqual([]);
	});

	it('reads a chart of months from the first month to the end of the last', () => {
		const m = (...months: string[]) => months.map((month) => ({ month }));
		expect(eventsInMonths(m('2019-01', '2020-02'), events).map((s) => s.event.kind)).toEqual(['election']);
		expect(eventsInMonths(m('2021-01', '2021-06'), events).map((s) => s.event.kind)).toEqual(['covid']);
		expect(eventsInMonths(m('2021-02', '2021-06'), events)).toEqual([]);
		expect(eventsInMonths([], events)).toEqual([]);
	});

	it('names the events shown with their dates, in the UI language', () => {
		const shown = eventsWithin(d('2019-01-01'), d('2022-01-01'), events);
		expect(eventWhen(events[0]!, i18n('id'))).toBe('Maret 2020 – Januari 2021');
		expect(eventWhen(events[1]!, i18n('en'))).toBe('17 April 2019');
		expect(eventsNote(shown, i18n('en'))).toBe(
			'Marked (shaded areas, dashed lines): 2019 general election (17 April 2019); COVID-19 period (March 2020 – January 2021).'
		);
		expect(eventsNote([], i18n('id'))).toBe('');
	});

	it('lists a yearly event once with its years, and others each with their dates', () => {
		const yearly = read(`start,end,label_id,label_en,kind
2018-06-01,2018-07-31,PPDB,School admissions,ppdb
2019-06-01,2019-07-31,PPDB,School admissions,ppdb
2019-04-17,2019-04-17,Pemilu 2019,2019 general election,election
2020-06-01,2020-07-31,PPDB,School admissions,ppdb
2022-06-01,2022-07-31,PPDB,School admissions,ppdb
2020-12-09,2020-12-09,Pilkada,Local elections,election
2024-11-27,2024-11-27,Pilkada,Local elections,election`);
		const L = i18n('id');
		expect(eventEntries(eventsWithin(d('2018-01-01'), d('2025-01-01'), yearly), L)).toEqual([
			{ kind: 'ppdb', point: false, label: 'PPDB', when: 'Juni – Juli, 2018, 2019, 2020, 2022' },
			{ kind: 'election', point: true, label: 'Pemilu 2019', when: '17 April 2019' },
			{ kind: 'election', point: true, label: 'Pilkada', when: '9 Desember 2020; 27 November 2024' }
		]);
		expect(eventEntries(eventsWithin(d('2018-01-01'), d('2021-01-01'), yearly.slice(0, 4)), i18n('en'))[0]!.when).toBe(
			'June – July, 2018–2020'
		);
		// The shipped table: seven PPDB seasons, one entry.
		expect(eventEntries(eventsWithin(d('2018-01-01'), d('2025-01-01')), L).filter((e) => e.kind === 'ppdb')).toEqual([
			{ kind: 'ppdb', point: false, label: 'PPDB', when: 'Juni – Juli, 2018–2024' }
		]);
	});
});
