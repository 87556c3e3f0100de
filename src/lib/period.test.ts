import { describe, expect, it } from 'vitest';
import { parsePeriod, periodBounds, periodQuery } from './period';

const p = (qs: string) => parsePeriod(new URLSearchParams(qs));

describe('period filter', () => {
	it('accepts empty, one-sided and two-sided periods', () => {
		expect(p('')).toEqual({ ok: true, period: { from: null, to: null } });
		expect(p('from=2020-01&to=2020-12')).toEqual({ ok: true, period: { from: '2020-01', to: '2020-12' } });
		expect(p('from=2021-03')).toEqual({ ok: true, period: { from: '2021-03', to: null } });
		expect(p('from=&to=2019-07')).toEqual({ ok: true, period: { from: null, to: '2019-07' } });
		expect(p('from=2020-05&to=2020-05')).toMatchObject({ ok: true });
	});

	it('rejects malformed months and names the parameter', () => {
		expect(p('from=2020-13')).toEqual({ ok: false, problem: { kind: 'format', param: 'from', value: '2020-13' } });
		expect(p('to=2020-1')).toEqual({ ok: false, problem: { kind: 'format', param: 'to', value: '2020-1' } });
		expect(p("from=2020-01'--")).toMatchObject({ ok: false });
		expect(p('from=1800-01')).toMatchObject({ ok: false });
	});

	it('rejects a reversed period', () => {
		expect(p('from=2021-01&to=2020-12')).toEqual({ ok: false, problem: { kind: 'order', from: '2021-01', to: '2020-12' } });
	});

	it('computes exclusive SQL bounds and links', () => {
		expect(periodBounds({ from: '2020-03', to: '2021-01' })).toEqual({ start: '2020-03-01', end: '2021-02-01' });
		expect(periodBounds({ from: null, to: null })).toEqual({ start: null, end: null });
		expect(periodQuery({ from: '2020-03', to: null }, { lang: 'en' })).toBe('?from=2020-03&lang=en');
		expect(periodQuery({ from: null, to: null })).toBe('');
	});
});
