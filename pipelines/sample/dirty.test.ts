import { beforeAll, describe, expect, it } from 'vitest';
import { DIRTY_KINDS, UNKNOWN_STATUSES } from './dirty';
import { generateComplaints, type SampleRow } from './generate';
import type { RegionRef } from './regions';
import { loadReference, locationResolver, TIMESTAMP, toSeconds } from './test-support';

const ROWS = 20_000;

describe('--dirty rows', () => {
	let refs: RegionRef[];
	let clean: SampleRow[];
	let dirty: SampleRow[];
	beforeAll(() => {
		refs = loadReference();
		clean = [...generateComplaints({ rows: ROWS, seed: 9, regions: refs })];
		dirty = [...generateComplaints({ rows: ROWS, seed: 9, dirty: 0.01, regions: refs })];
	}, 60_000);

	it('breaks exactly the requested share of rows, with every kind of fault', () => {
		expect(clean.filter((r) => r.meta.dirty)).toHaveLength(0);
		const broken = dirty.filter((r) => r.meta.dirty);
		expect(broken).toHaveLength(Math.round(ROWS * 0.01));
		expect(new Set(broken.map((r) => r.meta.dirty))).toEqual(new Set(DIRTY_KINDS));
		expect(dirty).toHaveLength(ROWS);
	});

	it('leaves the other rows exactly as in the clean sample', () => {
		dirty.forEach((r, i) => {
			if (!r.meta.dirty) expect(r).toEqual(clean[i]);
		});
	});

	it('breaks each row in the way its fault says', () => {
		const resolver = locationResolver(refs);
		const seenIds = new Set<string>();
		dirty.forEach((r, i) => {
			const before = clean[i]!;
			switch (r.meta.dirty) {
				case 'bad_date': {
					const v = r['Tanggal Laporan'];
					const parses =
						TIMESTAMP.test(v) && !Number.isNaN(toSeconds(v)) && new Date(toSeconds(v) * 1000).toISOString().slice(0, 10) === v.slice(0, 10);
					expect(parses, v).toBe(false);
					break;
				}
				case 'unknown_region':
					expect(resolver.resolve(r.Lokasi)).toEqual([]);
					expect(['', '99.99']).toContain(r['Kode Wilayah']);
					break;
				case 'ambiguous_region':
					expect(resolver.resolve(r.Lokasi).length).toBeGreaterThan(1);
					expect(r['Kode Wilayah']).toBe('');
					break;
				case 'empty_id':
					expect(r['ID Tracking']).toBe('');
					break;
				case 'duplicate_id':
					expect(seenIds.has(r['ID Tracking'])).toBe(true);
					break;
				case 'unknown_status':
					expect(UNKNOWN_STATUSES).toContain(r.Status);
					break;
			}
			seenIds.add(before['ID Tracking']);
		});
	});

	it('rejects rates outside 0..1', () => {
		expect(() => generateComplaints({ rows: 10, seed: 1, dirty: 1.5, regions: refs }).next()).toThrow(/dirty/);
	});
});
