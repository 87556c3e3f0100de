import { describe, expect, it } from 'vitest';
import { ariaSort, nextSort, parseSort, sortChoices, sortHrefs, sortRows, sortValue, type SortSpec } from './sort';

const spec: SortSpec<'n' | 'rate' | 'name'> = {
	param: 'sort',
	keys: ['n', 'rate', 'name'],
	initial: { key: 'n', dir: 'desc' },
	ascFirst: ['name']
};

describe('sort in the URL', () => {
	it('reads `key` as ascending and `-key` as descending; absent is the initial order; unknown is null', () => {
		expect(parseSort(spec, null)).toEqual({ key: 'n', dir: 'desc' });
		expect(parseSort(spec, '')).toEqual({ key: 'n', dir: 'desc' });
		expect(parseSort(spec, 'rate')).toEqual({ key: 'rate', dir: 'asc' });
		expect(parseSort(spec, '-rate')).toEqual({ key: 'rate', dir: 'desc' });
		expect(parseSort(spec, 'n')).toEqual({ key: 'n', dir: 'asc' });
		for (const bad of ['nope', '--rate', '-', '+rate', 'Rate', ' rate']) expect(parseSort(spec, bad), bad).toBeNull();
	});

	it('writes the initial order as no parameter and round-trips every other', () => {
		expect(sortValue(spec, { key: 'n', dir: 'desc' })).toBeNull();
		for (const key of spec.keys)
			for (const dir of ['asc', 'desc'] as const) {
				const v = sortValue(spec, { key, dir });
				expect(parseSort(spec, v)).toEqual({ key, dir });
			}
		expect(sortChoices(spec)).toBe('n, -n, rate, -rate, name, -name');
	});

	it('links each header to its natural direction, and the sorted one to the reverse', () => {
		expect(nextSort(spec, spec.initial, 'rate')).toEqual({ key: 'rate', dir: 'desc' });
		expect(nextSort(spec, spec.initial, 'name')).toEqual({ key: 'name', dir: 'asc' });
		expect(nextSort(spec, spec.initial, 'n')).toEqual({ key: 'n', dir: 'asc' });
		expect(nextSort(spec, { key: 'rate', dir: 'asc' }, 'rate')).toEqual({ key: 'rate', dir: 'desc' });
		const hrefs = sortHrefs(spec, { key: 'n', dir: 'asc' }, (v) => (v ? `/t?sort=${v}` : '/t'));
		expect(hrefs).toEqual({ n: '/t', rate: '/t?sort=-rate', name: '/t?sort=name' });
		expect(ariaSort({ key: 'rate', dir: 'asc' }, 'rate')).toBe('ascending');
		expect(ariaSort({ key: 'rate', dir: 'desc' }, 'rate')).toBe('descending');
		expect(ariaSort({ key: 'rate', dir: 'desc' }, 'n')).toBeUndefined();
	});
});

describe('sortRows', () => {
	const rows = [
		{ code: 'a', v: 2 },
		{ code: 'b', v: null },
		{ code: 'c', v: 1 },
		{ code: 'd', v: 2 },
		{ code: 'e', v: null },
		{ code: 'f', v: 0 }
	];
	const byCode = (x: { code: string }, y: { code: string }) => x.code.localeCompare(y.code);
	const order = (dir: 'asc' | 'desc') => sortRows(rows, (r) => r.v, dir, byCode).map((r) => r.code);

	it('orders both ways with rows without a value last, ties the same way in both', () => {
		expect(order('asc')).toEqual(['f', 'c', 'a', 'd', 'b', 'e']);
		expect(order('desc')).toEqual(['a', 'd', 'c', 'f', 'b', 'e']);
		expect(rows.map((r) => r.code)).toEqual(['a', 'b', 'c', 'd', 'e', 'f']);
	});

	it('orders text as Indonesian readers (and SQL) do: case-blind, punctuation before letters', () => {
		const names = ['Kota Bandung', 'Kab. Bandung Barat', 'kab. aceh', 'Kab. Bandung', 'Kab. Kep. Aru', 'Kab. Kepulauan Aru'];
		const asc = sortRows(
			names,
			(n) => n,
			'asc',
			() => 0
		);
		expect(asc).toEqual(['kab. aceh', 'Kab. Bandung', 'Kab. Bandung Barat', 'Kab. Kep. Aru', 'Kab. Kepulauan Aru', 'Kota Bandung']);
		expect(
			sortRows(
				names,
				(n) => n,
				'desc',
				() => 0
			)
		).toEqual([...asc].reverse());
	});
});
