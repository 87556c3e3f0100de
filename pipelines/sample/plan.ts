// The volume plan: how many complaints of each kind fall on each (day, kab/kota) cell. Counts are
// fixed up front with exact integer apportionment so the calibration anchors hold to the row,
// and the rows themselves can then be produced day by day without holding them in memory.

import {
	BANSOS_SURGE_REGIONS,
	BANSOS_SURGE_SHARE,
	COVID_BANSOS,
	COVID_MONTHS_BANSOS_MILD,
	COVID_MONTHS_BANSOS_SURGE,
	COVID_MONTHS_OTHER,
	COVID_TAIL,
	COVID_TAIL_MONTHS,
	COVID_TOTAL,
	COVID_WINDOW,
	GROWTH_SIGMA,
	HIGH_PARTICIPATION_FACTOR,
	HIGH_PARTICIPATION_PROVINCES,
	HOLIDAY_VOLUME,
	KOTA_FACTOR,
	MONTH_VOLUME,
	PROPENSITY_SIGMA,
	QUOTA_REGIONS,
	scaleCount,
	TANGSEL_CODE,
	TANGSEL_FOLLOWUP_RATE,
	TANGSEL_LAUNCH,
	WEEKDAY_VOLUME,
	YEAR_VOLUME
} from './anchors';
import { DAY_COUNT, DAY_HOLIDAY, DAY_MONTH, DAY_WEEKDAY, dayOf, YEAR_START, YEARS } from './calendar';
import type { RegionInfo } from './regions';
import { cumulative, pickCumulative, type Rng } from './rng';

/** Kinds of planned rows; a cell holds a count per kind. */
export const KIND_NORMAL = 0;
export const KIND_BANSOS = 1;
export const KIND_COVID_OTHER = 2;
export type Kind = typeof KIND_NORMAL | typeof KIND_BANSOS | typeof KIND_COVID_OTHER;

/** A stretch of days in one region where an exact number of rows must be followed up. */
interface ForcedWindow {
	region: number;
	fromDay: number;
	toDay: number;
	rows: number;
	followed: number;
}

export interface VolumePlan {
	rows: number;
	regionCount: number;
	/** Counts per cell, index day * regionCount + region, one array per kind. */
	cells: readonly [Uint32Array, Uint32Array, Uint32Array];
	/** Rows per calendar year of the period (all kinds). */
	yearRows: number[];
	/** Rows per region over the whole period. */
	regionRows: Uint32Array;
	forced: ForcedWindow[];
}

/**
 * Splits `total` into integers proportional to `weights`, never above `caps`, with `floor` for
 * every region of positive weight first. Remainders are placed by systematic sampling, so no
 * region is favoured by rounding run after run and the sum is exact.
 */
export function apportion(total: number, weights: ArrayLike<number>, rng: Rng, caps?: ArrayLike<number>, floor = 0): Int32Array {
	const n = weights.length;
	const out = new Int32Array(n);
	const cap = (i: number) => (caps ? (caps[i] as number) : Infinity);
	let left = total;
	if (floor > 0)
		for (let i = 0; i < n; i++)
			if ((weights[i] as number) > 0) {
				out[i] = Math.min(floor, cap(i));
				left -= out[i]!;
			}
	if (left < 0) throw new Error(`apportion: floor ${floor} needs more than ${total} rows`);
	const active = new Uint8Array(n);
	for (let i = 0; i < n; i++) active[i] = (weights[i] as number) > 0 && out[i]! < cap(i) ? 1 : 0;
	const ideal = new Float64Array(n);
	// Fill capped entries first, then share what is left among the rest.
	for (;;) {
		let w = 0;
		for (let i = 0; i < n; i++) if (active[i]) w += weights[i] as number;
		if (left === 0) break;
		if (w <= 0) throw new Error(`apportion: ${left} rows left and no capacity`);
		let capped = false;
		for (let i = 0; i < n; i++) {
			if (!active[i]) continue;
			ideal[i] = (left * (weights[i] as number)) / w;
			if (out[i]! + ideal[i]! >= cap(i)) {
				left -= cap(i) - out[i]!;
				out[i] = cap(i);
				active[i] = 0;
				capped = true;
			}
		}
		if (capped) continue;
		let floors = 0;
		for (let i = 0; i < n; i++) if (active[i]) floors += Math.floor(ideal[i]!);
		let extra = left - floors;
		const u = rng.float();
		let acc = 0;
		let next = u;
		for (let i = 0; i < n; i++) {
			if (!active[i]) continue;
			const f = Math.floor(ideal[i]!);
			acc += ideal[i]! - f;
			let add = 0;
			if (extra > 0 && acc > next) {
				add = 1;
				next += 1;
				extra--;
			}
			out[i] = out[i]! + f + add;
		}
		// Floating-point slack can leave one unit unplaced; give it to the largest ideal share.
		for (; extra > 0; extra--) {
			let best = -1;
			for (let i = 0; i < n; i++) if (active[i] && out[i]! < cap(i) && (best < 0 || ideal[i]! > ideal[best]!)) best = i;
			out[best] = out[best]! + 1;
		}
		break;
	}
	return out;
}

/** Daily weight of ordinary complaints: yearly trend, season, weekday, holidays. */
function baselineDayWeights(): Float64Array {
	const w = new Float64Array(DAY_COUNT);
	for (let d = 0; d < DAY_COUNT; d++) {
		const m = DAY_MONTH[d]!;
		w[d] =
			YEAR_VOLUME[Math.floor(m / 12)]! * MONTH_VOLUME[m % 12]! * WEEKDAY_VOLUME[DAY_WEEKDAY[d]!]! * (DAY_HOLIDAY[d] ? HOLIDAY_VOLUME : 1);
	}
	return w;
}

/** Cumulative day weights over [from, to] shaped by monthly shares (one per month from `from`). */
function monthShapedCdf(from: number, to: number, monthShares: readonly number[]): Float64Array {
	const firstMonth = DAY_MONTH[from]!;
	const dayFactor = (d: number) => WEEKDAY_VOLUME[DAY_WEEKDAY[d]!]! * (DAY_HOLIDAY[d] ? HOLIDAY_VOLUME : 1);
	const monthMass = new Float64Array(monthShares.length);
	for (let d = from; d <= to; d++) monthMass[DAY_MONTH[d]! - firstMonth]! += dayFactor(d);
	const weights: number[] = [];
	for (let d = from; d <= to; d++) {
		const k = DAY_MONTH[d]! - firstMonth;
		weights.push(((monthShares[k] ?? 0) * dayFactor(d)) / monthMass[k]!);
	}
	return cumulative(weights);
}

interface QuotaSegment {
	fromDay: number;
	toDay: number;
	total: number;
}

export function planVolume(rows: number, regions: readonly RegionInfo[], rng: Rng): VolumePlan {
	const R = regions.length;
	const cells: [Uint32Array, Uint32Array, Uint32Array] = [
		new Uint32Array(DAY_COUNT * R),
		new Uint32Array(DAY_COUNT * R),
		new Uint32Array(DAY_COUNT * R)
	];
	const regionRows = new Uint32Array(R);
	const yearRows = new Array<number>(YEARS).fill(0);
	const place = (kind: Kind, day: number, r: number) => {
		cells[kind][day * R + r]!++;
		regionRows[r]!++;
		yearRows[Math.floor(DAY_MONTH[day]! / 12)]!++;
	};

	// Per-region propensity (lognormal, seeded) on top of population and the province effect.
	const knownPops = regions.map((r) => r.population).filter((p) => p > 0);
	const fallbackPop = knownPops.length ? Math.min(...knownPops) : 1;
	const high = new Set<string>(HIGH_PARTICIPATION_PROVINCES);
	const base = regions.map(
		(r) =>
			(r.population > 0 ? r.population : fallbackPop) *
			Math.exp(PROPENSITY_SIGMA * rng.normal()) *
			(high.has(r.provinceCode) ? HIGH_PARTICIPATION_FACTOR : 1) *
			(r.isKota ? KOTA_FACTOR : 1)
	);
	const slope = regions.map(() => GROWTH_SIGMA * rng.normal());

	const quota: (QuotaSegment[] | null)[] = regions.map((r) => {
		const segs = QUOTA_REGIONS[r.code];
		return segs ? segs.map((s) => ({ fromDay: dayOf(s.from), toDay: dayOf(s.to), total: scaleCount(s.total, rows) })) : null;
	});

	// --- COVID rows: exact totals, bansos concentrated in the surge regions -------------------
	const winFrom = dayOf(COVID_WINDOW.from);
	const winTo = dayOf(COVID_WINDOW.to);
	const covidTotal = scaleCount(COVID_TOTAL, rows);
	const bansosTotal = scaleCount(COVID_BANSOS, rows);
	const surgeTotal = Math.round(bansosTotal * BANSOS_SURGE_SHARE);
	// A quota region takes COVID rows only when one of its segments spans the whole window, and
	// then at most 60% of that segment, so its own exact counts stay reachable.
	const covidCap = regions.map((_, i) => {
		const seg = quota[i]?.find((s) => s.fromDay <= winFrom && s.toDay >= winTo);
		if (quota[i] && !seg) return 0;
		return seg ? Math.floor(seg.total * 0.6) : Infinity;
	});
	// COVID rows follow each region's ordinary volume: population-based for most, the quota rate of
	// the segment spanning the window for the quota regions (else Tangsel, quiet before its own
	// launch, would see an outsized COVID bump).
	const baseSum = base.reduce((s, w) => s + w, 0);
	const perBasePerDay = Math.max(1e-12, (rows - covidTotal) / DAY_COUNT / baseSum);
	const covidWeight = base.map((w, i) => {
		const seg = quota[i]?.find((s) => s.fromDay <= winFrom && s.toDay >= winTo);
		if (!quota[i]) return w;
		return seg ? seg.total / (seg.toDay - seg.fromDay + 1) / perBasePerDay : 0;
	});
	const surge = new Set<string>(BANSOS_SURGE_REGIONS);
	const isSurge = regions.map((r) => surge.has(r.code));
	const bansosSurge = apportion(
		surgeTotal,
		covidWeight.map((w, i) => (isSurge[i] ? w : 0)),
		rng,
		covidCap
	);
	const bansosMild = apportion(
		bansosTotal - surgeTotal,
		covidWeight.map((w, i) => (isSurge[i] ? 0 : w)),
		rng,
		covidCap
	);
	const otherCap = covidCap.map((c, i) => c - bansosSurge[i]! - bansosMild[i]!);
	const covidOther = apportion(covidTotal - bansosTotal, covidWeight, rng, otherCap);
	const tailFrom = dayOf(COVID_TAIL.from);
	const tailTo = dayOf(COVID_TAIL.to);
	const tail = apportion(
		scaleCount(COVID_TAIL.total, rows),
		base.map((w, i) => (quota[i] ? 0 : w)),
		rng
	);

	const cdfSurge = monthShapedCdf(winFrom, winTo, COVID_MONTHS_BANSOS_SURGE);
	const cdfMild = monthShapedCdf(winFrom, winTo, COVID_MONTHS_BANSOS_MILD);
	const cdfOther = monthShapedCdf(winFrom, winTo, COVID_MONTHS_OTHER);
	const cdfTail = monthShapedCdf(tailFrom, tailTo, COVID_TAIL_MONTHS);
	for (let r = 0; r < R; r++) {
		for (let k = 0; k < bansosSurge[r]!; k++) place(KIND_BANSOS, winFrom + pickCumulative(rng, cdfSurge), r);
		for (let k = 0; k < bansosMild[r]!; k++) place(KIND_BANSOS, winFrom + pickCumulative(rng, cdfMild), r);
		for (let k = 0; k < covidOther[r]!; k++) place(KIND_COVID_OTHER, winFrom + pickCumulative(rng, cdfOther), r);
		for (let k = 0; k < tail[r]!; k++) place(KIND_COVID_OTHER, tailFrom + pickCumulative(rng, cdfTail), r);
	}

	// --- Ordinary rows ---------------------------------------------------------------------
	const dayWeight = baselineDayWeights();
	const dayCdf = cumulative(Array.from(dayWeight));
	const yearMass = Array.from({ length: YEARS }, (_, y) => {
		let m = 0;
		for (let d = YEAR_START[y]!; d < YEAR_START[y + 1]!; d++) m += dayWeight[d]!;
		return m;
	});
	const growth = (r: number, y: number) => Math.exp(slope[r]! * (y - 3));
	const regionYearCdf = regions.map((_, r) => cumulative(yearMass.map((m, y) => m * growth(r, y))));

	let quotaRows = 0;
	for (let r = 0; r < R; r++) {
		const segs = quota[r];
		if (!segs) continue;
		const covidHere = bansosSurge[r]! + bansosMild[r]! + covidOther[r]!;
		for (const s of segs) {
			quotaRows += s.total;
			const covid = s.fromDay <= winFrom && s.toDay >= winTo ? covidHere : 0;
			const normal = s.total - covid;
			if (normal < 0) throw new Error(`plan: region ${regions[r]!.code} has more COVID rows than its quota`);
			for (let k = 0; k < normal; k++) place(KIND_NORMAL, pickCumulative(rng, dayCdf, s.fromDay, s.toDay + 1), r);
		}
	}
	let covidElsewhere = 0;
	for (let r = 0; r < R; r++) if (!quota[r]) covidElsewhere += bansosSurge[r]! + bansosMild[r]! + covidOther[r]! + tail[r]!;
	const normalTotal = rows - quotaRows - covidElsewhere;
	if (normalTotal < 0) throw new Error(`plan: ${rows} rows cannot hold the calibrated quotas`);
	const free = regions.map((_, r) => (quota[r] ? 0 : base[r]! * regionYearCdf[r]![YEARS - 1]!));
	const freeCount = free.filter((w) => w > 0).length;
	// Every kab/kota appears at least once when the sample is big enough for that to be natural.
	const normalRows = apportion(normalTotal, free, rng, undefined, normalTotal >= 10 * freeCount ? 1 : 0);
	for (let r = 0; r < R; r++) {
		const cdf = regionYearCdf[r]!;
		for (let k = 0; k < normalRows[r]!; k++) {
			const y = pickCumulative(rng, cdf);
			place(KIND_NORMAL, pickCumulative(rng, dayCdf, YEAR_START[y]!, YEAR_START[y + 1]!), r);
		}
	}

	// --- Tangsel after its launch: an exact number of rows followed up per window ---------
	const forced: ForcedWindow[] = [];
	const tangsel = regions.findIndex((r) => r.code === TANGSEL_CODE);
	const launch = dayOf(TANGSEL_LAUNCH);
	if (tangsel >= 0)
		for (const s of quota[tangsel] ?? [])
			if (s.fromDay >= launch)
				forced.push({
					region: tangsel,
					fromDay: s.fromDay,
					toDay: s.toDay,
					rows: s.total,
					followed: Math.round(s.total * TANGSEL_FOLLOWUP_RATE)
				});

	return { rows, regionCount: R, cells, yearRows, regionRows, forced };
}
