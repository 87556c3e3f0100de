// Tiny i18n: two dictionaries, a `t(key, params)` per language, and Intl formatters.
// The language comes from `?lang=` or the `lang` cookie (see hooks.server.ts); default `id`.
import { en } from './en';
import { id, type MessageKey } from './id';
import { SUPPRESSED } from '../core/privacy';
import { availability, METRICS, type Measured, type MetricId } from '../core/metrics';

export type { MessageKey };
const LANGS = ['id', 'en'] as const;
export type Lang = (typeof LANGS)[number];
const DEFAULT_LANG: Lang = 'id';
export const LANG_COOKIE = 'lang';

const dictionaries: Record<Lang, Record<MessageKey, string>> = { id, en };
const locales: Record<Lang, string> = { id: 'id-ID', en: 'en-GB' };

export function isLang(value: unknown): value is Lang {
	return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** `?lang=` wins over the cookie; anything unknown falls back to Indonesian. */
export function resolveLang(param: string | null, cookie: string | undefined): Lang {
	if (isLang(param)) return param;
	if (isLang(cookie)) return cookie;
	return DEFAULT_LANG;
}

export type Params = Record<string, string | number>;
type Translate = (key: MessageKey, params?: Params) => string;

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
	const text = dictionaries[lang][key] ?? dictionaries[DEFAULT_LANG][key] ?? key;
	if (!params) return text;
	return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** Per-language helpers: `t` plus number and date formatting with Intl. */
export function i18n(lang: Lang) {
	const locale = locales[lang];
	const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
	const dec1 = new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
	const pct = new Intl.NumberFormat(locale, {
		style: 'percent',
		minimumFractionDigits: 1,
		maximumFractionDigits: 1
	});
	// Warehouse timestamps are WIB wall-clock times without a zone. They travel as
	// 'YYYY-MM-DD...' strings and are formatted in UTC so the wall-clock date is kept.
	const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
	const month = new Intl.DateTimeFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' });
	const monthLong = new Intl.DateTimeFormat(locale, { month: 'long', year: 'numeric', timeZone: 'UTC' });
	const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
	const toDate = (iso: string) => new Date(`${iso.slice(0, 10)}T00:00:00Z`);
	const ym = (yyyyMm: string) => new Date(`${yyyyMm.slice(0, 7)}-01T00:00:00Z`);
	const t: Translate = (key, params) => translate(lang, key, params);
	return {
		lang,
		locale,
		t,
		int: (n: number) => int.format(n),
		/** A figure of core/metrics.ts in its format: "tidak tersedia" when the data lacks its fields, '–' without a value. */
		metric: (id: MetricId, m: Measured, opts: { unit?: boolean; na?: string } = {}): string => {
			if (availability(m) === 'absent') return t('metric.absent');
			if (m.value === null) return opts.na ?? t('kpi.na');
			const f = METRICS[id].format;
			if (f === 'pct') return pct.format(m.value);
			if (f === 'days') return opts.unit === false ? dec1.format(m.value) : t('kpi.days', { n: dec1.format(m.value) });
			return int.format(m.value);
		},
		/** What a figure needs, in words: "tanggal verifikasi dan tanggal aduan atau …". */
		needs: (id: MetricId): string =>
			METRICS[id].requires
				.map((alt) => alt.map((f) => t(`field.${f}` as MessageKey)).join(` ${t('field.and')} `))
				.join(` ${t('field.or')} `),
		/** A count that may be a suppressed small cell (core/privacy.ts): null → "<5". */
		count: (n: number | null) => (n === null ? SUPPRESSED : int.format(n)),
		dec1: (n: number) => dec1.format(n),
		/** `share` is a fraction (0.25 → "25,0%"). */
		pct: (share: number) => pct.format(share),
		/** 'YYYY-MM-DD[...]' → "25 November 2025" / "25 November 2025". */
		date: (iso: string) => date.format(toDate(iso)),
		/** 'YYYY-MM' → "Mar 2020". */
		month: (yyyyMm: string) => month.format(ym(yyyyMm)),
		/** 'YYYY-MM' → "Maret 2020" / "March 2020". */
		monthLong: (yyyyMm: string) => monthLong.format(ym(yyyyMm)),
		/** 'YYYY-MM' → "Juni" / "June": the month of any year. */
		monthName: (yyyyMm: string) => monthName.format(ym(yyyyMm))
	};
}
export type I18n = ReturnType<typeof i18n>;

/** Convenience for one-off lookups: `t('kpi.total', 'en')`. */
export function t(key: MessageKey, lang: Lang = DEFAULT_LANG, params?: Params): string {
	return translate(lang, key, params);
}
