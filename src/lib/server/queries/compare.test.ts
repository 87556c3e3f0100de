// /banding's figures against the pages they are picked from, on the db tier's shared sample
// warehouse with a topic model: a region's column is its /wilayah row (and the overview's median), an OPD type's
// and an agency's are their /instansi rows; the year-earlier figures are the same query a year
// back; small theme counts of an agency are suppressed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/filters';
import { sampleWarehouse } from '../../../../pipelines/ingest/test-support';
import { closeDb } from '../db';
import { agencyLeague } from './agencies';
import { compare, type Figures } from './compare';
import { kpis } from './overview';
import { regionRanking } from './regions';

const DATA = { last_month: '2024-12', complete_month: '2024-12' };
const YEAR = { ...NO_FILTERS, from: '2023-01', to: '2023-12' };

beforeAll(() => {
	process.env.TELAAH_DB = sampleWarehouse();
});

afterAll(async () => {
	await closeDb();
	delete process.env.TELAAH_DB;
});

const rate = (f: Figures, k: 'followUpRate' | 'comply3' | 'comply5' | 'breach5Rate' | 'unresolved60Rate') => f[k].value;

describe('a comparison', () => {
	it('gives each region the figures of its /wilayah row and the overview', async () => {
		const [ranking, provinces] = await Promise.all([regionRanking(YEAR, 'regency'), regionRanking(YEAR, 'province')]);
		const kab = ranking.filter((r) => r.n > 0).slice(0, 2);
		const prov = provinces.find((p) => p.code === kab[0]!.province_code)!;
		const c = await compare(
			[...kab, prov].map((r) => ({ kind: 'region' as const, key: r.code, name: r.name })),
			YEAR,
			DATA
		);
		expect(c.subjects.map((x) => x.key)).toEqual([kab[0]!.code, kab[1]!.code, prov.code]);
		for (const [i, row] of [...kab, prov].entries()) {
			const f = c.subjects[i]!.figures;
			expect([f.total, f.per100k, rate(f, 'followUpRate'), rate(f, 'comply3'), rate(f, 'comply5')]).toEqual([
				row.n,
				row.per100k,
				row.followUpRate.value,
				row.comply3.value,
				row.comply5.value
			]);
			expect(f.medianResponseDays.value).toBe((await kpis({ ...YEAR, region: row.code })).medianResponseDays.value);
			expect(c.subjects[i]!.monthly.reduce((a, b) => a + b, 0)).toBe(row.n);
		}
		// The year earlier: the same query for 2022.
		const before = await regionRanking({ ...NO_FILTERS, from: '2022-01', to: '2022-12' }, 'regency');
		expect(c.yoy).toEqual({ current: { from: '2023-01', to: '2023-12' }, previous: { from: '2022-01', to: '2022-12' } });
		expect(c.subjects[0]!.yoy!.before.total).toBe(before.find((r) => r.code === kab[0]!.code)!.n);
		expect(c.subjects[0]!.yoy!.now).toEqual(c.subjects[0]!.figures);
		expect(c.months[0]).toBe('2023-01');
		expect(c.themes!.length).toBeGreaterThan(0);
	});

	it('gives OPD types and agencies the figures of their /instansi rows', async () => {
		const league = await agencyLeague(NO_FILTERS);
		const types = league.slice(0, 3);
		const c = await compare(
			types.map((t) => ({ kind: 'opd' as const, key: t.opd_type, name: t.opd_type })),
			NO_FILTERS,
			DATA
		);
		for (const [i, t] of types.entries()) {
			const f = c.subjects[i]!.figures;
			expect([f.total, f.medianResponseDays.value, rate(f, 'breach5Rate'), rate(f, 'unresolved60Rate'), f.population]).toEqual([
				t.n,
				t.medianResponseDays.value,
				t.breach5Rate.value,
				t.unresolved60Rate.value,
				null
			]);
		}
		// No period: the year-on-year change compares the last complete month with a year before it.
		expect(c.yoy).toEqual({ current: { from: '2024-12', to: '2024-12' }, previous: { from: '2023-12', to: '2023-12' } });

		const region = (await regionRanking(NO_FILTERS, 'regency')).sort((a, b) => b.n - a.n)[0]!.code;
		const agencies = (await agencyLeague({ ...NO_FILTERS, region })).filter((a) => a.agency).slice(0, 2);
		const ca = await compare(
			agencies.map((a) => ({ kind: 'agency' as const, key: a.agency!, name: a.agency! })),
			{ ...NO_FILTERS, region },
			DATA
		);
		expect(ca.subjects.map((x) => [x.figures.total, rate(x.figures, 'breach5Rate')])).toEqual(
			agencies.map((a) => [a.n, a.breach5Rate.value])
		);
		// An agency serves one region: its theme counts of 1–4 are withheld.
		const counts = ca.subjects.flatMap((x) => [...x.themes!.values()].map((t) => t.n));
		expect(counts.some((n) => n !== null && n > 0 && n < 5)).toBe(false);
		expect(counts).toContain(null);
	});
});
