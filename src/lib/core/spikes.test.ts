import { beforeAll, describe, expect, it } from 'vitest';
import { BANSOS_SURGE_REGIONS, DEFAULT_ROWS, DEFAULT_SEED } from '../../../pipelines/sample/anchors';
import { generateComplaints } from '../../../pipelines/sample/generate';
import type { RegionRef } from '../../../pipelines/sample/regions';
import { loadReference, locationResolver } from '../../../pipelines/sample/test-support';
import { rng } from '../../../pipelines/topics/model';
import {
	detectSpikes,
	detectSpikesInSeries,
	logPoissonUpperTail,
	median,
	monthRange,
	scorePeriods,
	seasonalRise,
	spikeStrength
} from './spikes';

/** Knuth's Poisson sampler (fine for λ < 100). */
function poisson(rand: () => number, lambda: number): number {
	const l = Math.exp(-lambda);
	let k = 0;
	let p = 1;
	do {
		k++;
		p *= rand();
	} while (p > l);
	return k - 1;
}

describe('logPoissonUpperTail', () => {
	it('matches direct sums and stays finite far in the tail', () => {
		// P(X >= 3 | 1) = 1 - e^-1 (1 + 1 + 1/2)
		expect(Math.exp(logPoissonUpperTail(3, 1))).toBeCloseTo(1 - Math.exp(-1) * 2.5, 12);
		// P(X >= 2 | 4) = 1 - e^-4 (1 + 4)
		expect(Math.exp(logPoissonUpperTail(2, 4))).toBeCloseTo(1 - Math.exp(-4) * 5, 12);
		expect(logPoissonUpperTail(0, 3)).toBe(0);
		expect(logPoissonUpperTail(5, 0)).toBe(-Infinity);
		// 200 events against λ = 0.5: about -200 ln 400 ... far below double range, still finite.
		const deep = logPoissonUpperTail(200, 0.5);
		expect(Number.isFinite(deep)).toBe(true);
		expect(deep).toBeLessThan(-800);
	});

	it('median', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
	});
});

describe('detectSpikes on hand-made series', () => {
	it('flat series: no spike', () => {
		expect(detectSpikes(Array(36).fill(10))).toEqual([]);
		expect(detectSpikes(Array(36).fill(0))).toEqual([]);
	});

	it('a surge is not flagged again a year later', () => {
		const year = [0, 0, 2, 40, 60, 30, 10, 5, 2, 1, 0, 0];
		const counts = [...Array(24).fill(0), ...year, ...year];
		const spikes = detectSpikes(counts);
		expect(spikes.map((s) => s.start)).toEqual([27]);
	});

	it('a step: one spike starting at the step, with its size', () => {
		const counts = [...Array(24).fill(10), ...Array(24).fill(30)];
		const spikes = detectSpikes(counts);
		expect(spikes).toHaveLength(1);
		const [s] = spikes;
		expect(s!.start).toBe(24);
		expect(s!.baseline).toBe(10);
		expect(s!.peakCount).toBe(30);
		expect(s!.peakExcess).toBe(20);
		expect(s!.ratio).toBe(3);
		// The rolling median absorbs the new level after half a window: the spike ends.
		expect(s!.end).toBeLessThan(24 + 12);
	});

	it('a pulse from zero: start, peak, total excess', () => {
		const counts = [...Array(20).fill(0), 12, 40, 25, 0, 0, 0];
		const [s, ...rest] = detectSpikes(counts);
		expect(rest).toEqual([]);
		expect(s).toMatchObject({ start: 20, end: 22, peak: 21, peakCount: 40, baseline: 0, peakExcess: 40, excess: 77, ratio: 40 });
	});

	it('low counts with a single outlier (0,0,1,0,3): no alarm', () => {
		const counts = [0, 0, 1, 0, 3, 0, 0, 1, 0, 3, 0, 0, 1, 0, 3, 0, 0, 4, 0, 1];
		expect(detectSpikes(counts)).toEqual([]);
		expect(detectSpikes([0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 3])).toEqual([]);
	});

	it('seasonal-ish Poisson noise: no alarm (20 seeded series of 7 years, ±25 % by month, slow growth)', () => {
		let alarms = 0;
		let alarmsWithoutSeason = 0;
		for (let seed = 1; seed <= 20; seed++) {
			const rand = rng(seed);
			const level = 5 + seed * 3; // 8 .. 65 a month
			const counts = Array.from({ length: 84 }, (_, t) =>
				poisson(rand, level * (1 + 0.25 * Math.sin((2 * Math.PI * t) / 12)) * (1 + t / 200))
			);
			alarms += detectSpikes(counts).length;
			alarmsWithoutSeason += detectSpikes(counts, { season: 0 }).length;
		}
		expect(alarms).toBe(0);
		// The seasonal term (last year's same month ±1) is what silences the yearly peaks here.
		expect(alarmsWithoutSeason).toBeGreaterThan(0);
	});

	it('too little history: no decision', () => {
		const scores = scorePeriods([0, 0, 0, 0, 0, 100]);
		expect(scores.every((s) => s.baseline === null && !s.flagged)).toBe(true);
	});

	it('options and series keys', () => {
		const counts = [...Array(10).fill(2), 6];
		expect(detectSpikes(counts)).toEqual([]);
		expect(detectSpikes(counts, { minExcess: 3, minZ: 2.5, maxPValue: 0.05 })).toHaveLength(1);
		const keyed = detectSpikesInSeries([
			{ key: 'a', counts: Array(12).fill(1) },
			{ key: 'b', counts: [...Array(12).fill(1), 30] }
		]);
		expect(keyed.map((s) => [s.key, s.start])).toEqual([['b', 12]]);
		expect(() => detectSpikes([1], { minHistory: 13 })).toThrow();
		expect(monthRange('2019-11', '2020-02')).toEqual(['2019-11', '2019-12', '2020-01', '2020-02']);
	});
});

describe('the 2020 bansos surge in the generated sample (300,000 rows)', () => {
	const months = monthRange('2018-01', '2024-12');
	const monthIndex = new Map(months.map((m, i) => [m, i]));
	let refs: RegionRef[];
	const series = new Map<string, number[]>();
	let unresolved = 0;
	let bansos = 0;

	beforeAll(() => {
		refs = loadReference();
		expect(refs).toHaveLength(514);
		for (const r of refs) series.set(r.code, Array(months.length).fill(0));
		const resolver = locationResolver(refs);
		for (const row of generateComplaints({ rows: DEFAULT_ROWS, seed: DEFAULT_SEED, regions: refs })) {
			if (!row.Kategori.startsWith('Corona Virus > Bantuan Sosial')) continue;
			bansos++;
			// From the columns only: the region code when exported, else the Lokasi text.
			let code = row['Kode Wilayah'];
			if (!code) {
				const codes = resolver.resolve(row.Lokasi);
				code = codes.length === 1 ? codes[0]! : '';
			}
			const s = series.get(code);
			if (!s) {
				unresolved++;
				continue;
			}
			s[monthIndex.get(row['Tanggal Laporan'].slice(0, 7))!]!++;
		}
	}, 180_000);

	it('flags the surge regions (start Mar-May 2020) and few others', () => {
		expect(unresolved / bansos).toBeLessThan(0.01);
		const spikes = detectSpikesInSeries([...series].map(([key, counts]) => ({ key, counts })));
		const surge = new Set<string>(BANSOS_SURGE_REGIONS);
		const inWindow = (i: number) => months[i]! >= '2020-03' && months[i]! <= '2020-05';
		const flagged = new Set(spikes.filter((s) => inWindow(s.start)).map((s) => s.key));
		const anySpike = new Set(spikes.map((s) => s.key));
		const hits = [...surge].filter((c) => flagged.has(c)).length;
		const others = refs.filter((r) => !surge.has(r.code));
		const falseAlarms = others.filter((r) => anySpike.has(r.code)).length;
		const falseDetail = spikes
			.filter((s) => !surge.has(s.key))
			.map((s) => `${s.key} ${months[s.start]} peak ${s.peakCount} vs ${s.peakBaseline}`);
		console.log(`false alarms: ${falseDetail.join('; ')}`);
		const starts = spikes.filter((s) => surge.has(s.key)).map((s) => months[s.start]);
		console.log(
			`bansos spikes: ${hits}/${surge.size} surge regions flagged (start Mar-May 2020), ` +
				`${falseAlarms}/${others.length} other regions with any spike; bansos rows ${bansos}, unresolved ${unresolved}; ` +
				`surge starts ${JSON.stringify(Object.fromEntries(starts.map((m) => [m, starts.filter((x) => x === m).length])))}`
		);
		expect(hits / surge.size).toBeGreaterThanOrEqual(0.9);
		expect(falseAlarms / others.length).toBeLessThanOrEqual(0.02);
	});
});

describe('spikeStrength', () => {
	it('weighs size and significance together', () => {
		const bansos = spikeStrength(322, 2);
		const ktp = spikeStrength(26, 1);
		const wide = spikeStrength(500, 300);
		expect(bansos).toBeCloseTo(0.88, 2);
		expect(ktp).toBeCloseTo(0.48, 2);
		expect(wide).toBeCloseTo(0.62, 2);
		expect(bansos).toBeGreaterThan(wide);
		expect(wide).toBeGreaterThan(ktp);
		expect(spikeStrength(3, 5)).toBe(0);
		expect(spikeStrength(1e6, 1)).toBe(1);
	});
});

describe('seasonalRise', () => {
	const base = (n: number, v = 5) => Array<number>(n).fill(v);
	it('finds a rise that came in the same month of every earlier year in the series', () => {
		const counts = base(26);
		counts[1] = 40;
		counts[13] = 45;
		counts[25] = 44;
		expect(seasonalRise(counts, 25)).toEqual({ earlier: [45, 40], level: 45 });
	});

	it('is not seasonal when one earlier year with data had no rise, or there is no earlier year', () => {
		const counts = base(26);
		counts[13] = 45; // only last year (a one-off surge, like bansos in 2020)
		counts[25] = 44;
		expect(seasonalRise(counts, 25)).toBeNull();
		expect(seasonalRise([...base(11), 44], 11)).toBeNull();
		expect(seasonalRise(counts, 25, { season: 0 })).toBeNull();
	});

	it('skips an earlier year without any data (before the export began)', () => {
		const counts = [...base(12, 0), ...base(14)];
		counts[13] = 45;
		counts[25] = 44;
		expect(seasonalRise(counts, 25)).toEqual({ earlier: [45], level: 45 });
	});
});
