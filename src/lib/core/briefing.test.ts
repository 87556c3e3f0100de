import { describe, expect, it } from 'vitest';
import { briefingFileName, changeOf, MonthSchema, rankBy, RegionParamSchema, windowAround } from './briefing';

describe('briefing route parameters', () => {
	it('accepts YYYY-MM months only', () => {
		for (const ok of ['2020-01', '2024-12', '1999-10', '2099-12']) expect(MonthSchema.safeParse(ok).success, ok).toBe(true);
		for (const bad of [
			'9999-12',
			'0001-01',
			'2100-01',
			'2020-13',
			'2020-00',
			'2020-1',
			'202001',
			'2020-01-01',
			' 2020-01',
			"2020-01'",
			''
		]) {
			expect(MonthSchema.safeParse(bad).success, bad).toBe(false);
		}
	});

	it('accepts nasional, province and kab/kota codes only', () => {
		for (const ok of ['nasional', '36', '36.03']) expect(RegionParamSchema.safeParse(ok).success, ok).toBe(true);
		for (const bad of ['Nasional', '3', '36.3', '36.03.01', '36.03.pdf', '../36', "36' OR 1=1", '']) {
			expect(RegionParamSchema.safeParse(bad).success, bad).toBe(false);
		}
	});

	it('names the PDF after the region and month', () => {
		expect(briefingFileName('36.03', '2024-05')).toBe('36.03-2024-05.pdf');
		expect(briefingFileName('nasional', '2024-05')).toBe('nasional-2024-05.pdf');
	});
});

describe('changeOf', () => {
	it('gives relative change for counts', () => {
		expect(changeOf(115, 100, 'rel')).toEqual({ dir: 1, value: expect.closeTo(0.15, 12) });
		expect(changeOf(50, 100, 'rel')).toEqual({ dir: -1, value: -0.5 });
	});

	it('gives percentage points for rates and days for durations', () => {
		expect(changeOf(0.861, 0.838, 'pts')).toEqual({ dir: 1, value: expect.closeTo(2.3, 9) });
		expect(changeOf(6.8, 9.1, 'days')).toEqual({ dir: -1, value: expect.closeTo(-2.3, 9) });
	});

	it('has no relative change from zero, and none with a value missing', () => {
		expect(changeOf(5, 0, 'rel')).toBeNull();
		expect(changeOf(null, 0.5, 'pts')).toBeNull();
		expect(changeOf(0.5, null, 'pts')).toBeNull();
		expect(changeOf(Number.NaN, 1, 'days')).toBeNull();
		// From zero in points or days is a plain difference.
		expect(changeOf(0.2, 0, 'pts')).toEqual({ dir: 1, value: expect.closeTo(20, 9) });
	});

	it('calls a change that prints as 0,0 no change', () => {
		expect(changeOf(0.8612, 0.8609, 'pts')).toEqual({ dir: 0, value: 0 }); // +0.03 p.p.
		expect(changeOf(10_001, 10_000, 'rel')).toEqual({ dir: 0, value: 0 }); // +0.01 %
		expect(changeOf(3.01, 3, 'days')).toEqual({ dir: 0, value: 0 });
		expect(changeOf(0.8615, 0.8609, 'pts')?.dir).toBe(1); // +0.06 p.p. prints as +0,1
		expect(changeOf(1, 1, 'rel')).toEqual({ dir: 0, value: 0 });
	});
});

describe('rankBy and windowAround', () => {
	const rows = [
		{ code: 'a', v: 3 },
		{ code: 'b', v: null },
		{ code: 'c', v: 5 },
		{ code: 'd', v: 3 },
		{ code: 'e', v: 1 }
	];

	it('ranks highest first, ties share a rank, missing values last and unranked', () => {
		const r = rankBy(rows, (x) => x.v);
		expect(r.map((x) => [x.row.code, x.rank])).toEqual([
			['c', 1],
			['a', 2],
			['d', 2],
			['e', 4],
			['b', null]
		]);
	});

	it('cuts a window centred on the region, kept inside the list', () => {
		const ranked = rankBy(
			Array.from({ length: 20 }, (_, i) => ({ code: String(i).padStart(2, '0'), v: 20 - i })),
			(x) => x.v
		);
		const codes = (code: string) => windowAround(ranked, code, 5).map((x) => x.row.code);
		expect(codes('10')).toEqual(['08', '09', '10', '11', '12']);
		expect(codes('00')).toEqual(['00', '01', '02', '03', '04']);
		expect(codes('19')).toEqual(['15', '16', '17', '18', '19']);
		expect(codes('zz')).toEqual(['00', '01', '02', '03', '04']);
		expect(windowAround(ranked.slice(0, 3), '01', 5)).toHaveLength(3);
	});
});
