import { describe, expect, it } from 'vitest';
import { en } from './en';
import { id } from './id';
import { i18n, resolveLang, t, translate } from './index';
import { METRICS } from '../core/metrics';

describe('i18n', () => {
	it('has the same keys and placeholders in both dictionaries', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
		const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const key of Object.keys(id) as (keyof typeof id)[]) {
			expect(holes(en[key]), key).toEqual(holes(id[key]));
			expect(en[key].trim(), key).not.toBe('');
		}
	});

	it('has the label of every declared metric (core/metrics.ts), which pages and the briefing show', () => {
		for (const [metric, m] of Object.entries(METRICS)) expect(Object.keys(id), metric).toContain(m.label);
	});

	it('resolves the language from the query, then the cookie, default id', () => {
		expect(resolveLang('en', 'id')).toBe('en');
		expect(resolveLang(null, 'en')).toBe('en');
		expect(resolveLang('fr', undefined)).toBe('id');
		expect(resolveLang(null, 'xx')).toBe('id');
	});

	it('fills placeholders and keeps unknown ones', () => {
		expect(translate('en', 'footer.asOf', { date: '1 May 2024' })).toBe('Data as of 1 May 2024');
		expect(t('footer.asOf', 'id')).toBe('Data per {date}');
	});

	it('formats numbers and dates per locale', () => {
		const idn = i18n('id');
		const eng = i18n('en');
		expect(idn.int(20000)).toBe('20.000');
		expect(eng.int(20000)).toBe('20,000');
		expect(idn.pct(0.8128)).toMatch(/^81,3\s?%$/);
		expect(eng.pct(0.8128)).toBe('81.3%');
		expect(idn.dec1(2.25)).toMatch(/^2,[23]$/);
		expect(idn.date('2021-08-31T10:00:00')).toBe('31 Agustus 2021');
		expect(eng.date('2021-08-31')).toBe('31 August 2021');
		expect(idn.month('2020-03')).toBe('Mar 2020');
		expect(idn.monthLong('2020-05')).toBe('Mei 2020');
	});
});
