// Day arithmetic for the sample period. Time is kept as whole seconds since 2018-01-01 00:00 WIB
// wall clock: the export writes local times without a zone, so no Date objects are needed per row.

export const FIRST_YEAR = 2018;
const LAST_YEAR = 2024;
export const YEARS = LAST_YEAR - FIRST_YEAR + 1;
const EPOCH_UTC = Date.UTC(FIRST_YEAR, 0, 1);
const DAY_MS = 86_400_000;
export const DAY_SECONDS = 86_400;

/** Days in the export period 2018-01-01 .. 2024-12-31. */
export const DAY_COUNT = Math.round((Date.UTC(LAST_YEAR + 1, 0, 1) - EPOCH_UTC) / DAY_MS);
/** Last second a timestamp in the export may carry. */
export const END_TIME = DAY_COUNT * DAY_SECONDS - 1;
// Lags are computed on a calendar that runs past the period end, so a chain that would end after
// the export was taken can be detected (and cut) instead of silently wrapping.
const CALENDAR_DAYS = DAY_COUNT + 800;

/** Day index (0 = 2018-01-01) of an ISO date. */
export function dayOf(iso: string): number {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	return Math.round((Date.UTC(y, m - 1, d) - EPOCH_UTC) / DAY_MS);
}

// Idul Fitri (1 Syawal) per year; the collective leave around it empties offices for about a week.
// Dates as announced by Kemenag/SKB cuti bersama; approximate to a day, which is all a sample needs.
const LEBARAN = [
	'2018-06-15',
	'2019-06-05',
	'2020-05-24',
	'2021-05-13',
	'2022-05-02',
	'2023-04-22',
	'2024-04-10',
	'2025-03-31',
	'2026-03-20'
];
const FIXED_HOLIDAYS = ['01-01', '05-01', '06-01', '08-17', '12-25'];

const pad2 = (n: number) => (n < 10 ? '0' : '') + n;
const TWO_DIGITS: readonly string[] = Array.from({ length: 60 }, (_, i) => pad2(i));

const DAY_STR: string[] = [];
export const DAY_YEAR = new Int16Array(CALENDAR_DAYS);
/** Month index since Jan 2018 (0 .. 83 inside the period). */
export const DAY_MONTH = new Int16Array(CALENDAR_DAYS);
/** 0 = Monday .. 6 = Sunday. */
export const DAY_WEEKDAY = new Int8Array(CALENDAR_DAYS);
export const DAY_HOLIDAY = new Uint8Array(CALENDAR_DAYS);
const DAY_LEBARAN = new Uint8Array(CALENDAR_DAYS);
/** Number of working days strictly before this day. */
const WORKDAY_ORDINAL = new Int32Array(CALENDAR_DAYS + 1);
const WORKDAY_AT: number[] = [];

for (const iso of LEBARAN) {
	const d = dayOf(iso);
	for (let k = -3; k <= 4; k++) if (d + k >= 0 && d + k < CALENDAR_DAYS) DAY_LEBARAN[d + k] = 1;
}
for (let d = 0; d < CALENDAR_DAYS; d++) {
	const date = new Date(EPOCH_UTC + d * DAY_MS);
	const y = date.getUTCFullYear();
	const m = date.getUTCMonth();
	const md = `${pad2(m + 1)}-${pad2(date.getUTCDate())}`;
	DAY_STR.push(`${y}-${md}`);
	DAY_YEAR[d] = y;
	DAY_MONTH[d] = (y - FIRST_YEAR) * 12 + m;
	DAY_WEEKDAY[d] = (date.getUTCDay() + 6) % 7;
	DAY_HOLIDAY[d] = DAY_LEBARAN[d] || FIXED_HOLIDAYS.includes(md) ? 1 : 0;
	const work = DAY_WEEKDAY[d]! < 5 && !DAY_HOLIDAY[d];
	WORKDAY_ORDINAL[d + 1] = WORKDAY_ORDINAL[d]! + (work ? 1 : 0);
	if (work) WORKDAY_AT.push(d);
}

const isWorkday = (day: number) => DAY_WEEKDAY[day]! < 5 && !DAY_HOLIDAY[day];

/** First day of each year of the period, plus the day after the period as a sentinel. */
export const YEAR_START: number[] = Array.from({ length: YEARS + 1 }, (_, i) => dayOf(`${FIRST_YEAR + i}-01-01`));
/** First day of each month of the period, plus a sentinel. */
export const MONTH_START: number[] = Array.from({ length: YEARS * 12 + 1 }, (_, i) =>
	dayOf(`${FIRST_YEAR + Math.floor(i / 12)}-${pad2((i % 12) + 1)}-01`)
);

/** "YYYY-MM-DD HH:MM:SS" for a time in seconds since the epoch. */
export function formatTime(t: number): string {
	const day = Math.floor(t / DAY_SECONDS);
	let s = t - day * DAY_SECONDS;
	const h = Math.floor(s / 3600);
	s -= h * 3600;
	const m = Math.floor(s / 60);
	return `${DAY_STR[day]} ${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s - m * 60]}`;
}

const OFFICE_OPEN = 7.5 * 3600;
const OFFICE_SECONDS = 9 * 3600;

/**
 * The time `workdays` working days after `t`, counted in office hours (07:30-16:30, Mon-Fri,
 * national holidays and the Lebaran leave off), which is how the SLA deadlines are meant.
 */
export function addWorkdays(t: number, workdays: number): number {
	let day = Math.floor(t / DAY_SECONDS);
	let into = t - day * DAY_SECONDS - OFFICE_OPEN;
	if (!isWorkday(day) || into >= OFFICE_SECONDS) {
		day = nextWorkday(day + 1);
		into = 0;
	} else if (into < 0) into = 0;
	let pos = into + workdays * OFFICE_SECONDS;
	const whole = Math.floor(pos / OFFICE_SECONDS);
	pos -= whole * OFFICE_SECONDS;
	const ordinal = WORKDAY_ORDINAL[day]! + whole;
	const target = ordinal < WORKDAY_AT.length ? WORKDAY_AT[ordinal]! : CALENDAR_DAYS - 1;
	return Math.max(t + 60, target * DAY_SECONDS + OFFICE_OPEN + Math.floor(pos));
}

function nextWorkday(day: number): number {
	const ordinal = WORKDAY_ORDINAL[Math.min(day, CALENDAR_DAYS)]!;
	return ordinal < WORKDAY_AT.length ? WORKDAY_AT[ordinal]! : CALENDAR_DAYS - 1;
}

const MONTHS_ID = [
	'Januari',
	'Februari',
	'Maret',
	'April',
	'Mei',
	'Juni',
	'Juli',
	'Agustus',
	'September',
	'Oktober',
	'November',
	'Desember'
];
export const monthNameId = (monthIndex: number) => MONTHS_ID[((monthIndex % 12) + 12) % 12]!;
/** A date as people write it in a complaint: "12 Maret 2021" or "12/03/2021". */
export function spokenDate(day: number, numeric: boolean): string {
	const iso = DAY_STR[Math.max(0, day)]!;
	const y = iso.slice(0, 4);
	const m = Number(iso.slice(5, 7));
	const d = Number(iso.slice(8, 10));
	return numeric ? `${pad2(d)}/${pad2(m)}/${y}` : `${d} ${MONTHS_ID[m - 1]} ${y}`;
}
