// How a complaint ends (its tier) and when each step happened. Tiers are drawn from per-year urns
// so the published yearly shares hold to the row; the draw is tilted by channel and agency so the
// slow and fast OPDs differ, and the urn still empties exactly by the end of the year.

import type { OpdType } from '../../src/lib/core/vocab';
import {
	COVID_VERIFY_FACTOR,
	DINSOS_COVID_SLOWDOWN,
	FOLLOWUP_MEDIAN_WORKDAYS,
	TANGSEL_SPEEDUP,
	TIERS,
	VERIFY_MEDIAN_WORKDAYS,
	YEAR_TIER_SHARES,
	type Tier
} from './anchors';
import { addWorkdays, END_TIME, FIRST_YEAR } from './calendar';
import type { Rng } from './rng';

export const TIER_INDEX = Object.fromEntries(TIERS.map((t, i) => [t, i])) as Record<Tier, number>;
const T = TIER_INDEX;
const TIER_COUNT = TIERS.length;

export const MASK_ALL = (1 << TIER_COUNT) - 1;
export const MASK_FOLLOWED = (1 << T.ditindaklanjuti) | (1 << T.ditanggapi_pelapor) | (1 << T.selesai);
export const MASK_NOT_FOLLOWED = (1 << T.belum_terverifikasi) | (1 << T.terverifikasi) | (1 << T.terdisposisi);

/** Splits n into integer counts per tier by largest remainder (exact total). */
export function tierCounts(n: number, shares: Readonly<Record<Tier, number>>): Int32Array {
	const out = new Int32Array(TIER_COUNT);
	const frac: [number, number][] = [];
	let used = 0;
	TIERS.forEach((t, i) => {
		const x = n * shares[t];
		out[i] = Math.floor(x);
		used += out[i]!;
		frac.push([x - out[i]!, i]);
	});
	frac.sort((a, b) => b[0] - a[0] || a[1] - b[1]);
	for (let k = 0; used < n; k++, used++) out[frac[k % TIER_COUNT]![1]]!++;
	return out;
}

/** Draw without replacement; weights are remaining count times a per-row tilt. */
class TierUrn {
	private readonly left: Int32Array;
	constructor(counts: Int32Array) {
		this.left = Int32Array.from(counts);
	}
	draw(rng: Rng, tilt: Float64Array, mask = MASK_ALL): number {
		let total = 0;
		for (let i = 0; i < TIER_COUNT; i++) if (mask & (1 << i)) total += this.left[i]! * tilt[i]!;
		// An empty or fully tilted-away choice falls back to the plain remaining counts.
		if (total <= 0) return this.drawPlain(rng, mask) ?? this.drawPlain(rng, MASK_ALL) ?? TIER_COUNT - 1;
		let x = rng.float() * total;
		for (let i = 0; i < TIER_COUNT; i++) {
			if (!(mask & (1 << i))) continue;
			x -= this.left[i]! * tilt[i]!;
			if (x < 0 && this.left[i]! > 0) return this.take(i);
		}
		return this.drawPlain(rng, mask) ?? TIER_COUNT - 1;
	}
	private drawPlain(rng: Rng, mask: number): number | undefined {
		let total = 0;
		for (let i = 0; i < TIER_COUNT; i++) if (mask & (1 << i)) total += this.left[i]!;
		if (total === 0) return undefined;
		let x = rng.int(total);
		for (let i = 0; i < TIER_COUNT; i++) {
			if (!(mask & (1 << i))) continue;
			x -= this.left[i]!;
			if (x < 0) return this.take(i);
		}
		return undefined;
	}
	private take(i: number): number {
		this.left[i]!--;
		return i;
	}
}

export const yearUrns = (yearRows: readonly number[]) =>
	yearRows.map((n, y) => new TierUrn(tierCounts(n, YEAR_TIER_SHARES[FIRST_YEAR + y]!)));

/** Sequential exact selection: `hits` of the next `rows` draws return true. */
export class Quota {
	constructor(
		private rows: number,
		private hits: number
	) {}
	next(rng: Rng): boolean {
		const hit = this.rows > 0 && rng.int(this.rows) < this.hits;
		this.rows--;
		if (hit) this.hits--;
		return hit;
	}
}

export interface RowTraits {
	channel: string;
	opd: OpdType;
	covid: boolean;
	dinsosSurge: boolean;
}

const SLOW: ReadonlySet<OpdType> = new Set(['pupr', 'bpn', 'inspektorat', 'kementerian', 'kepolisian']);

/** Per-row tilt of the tier draw (1 = neutral). Reused buffer: read before the next call. */
export function tierTilt(t: RowTraits, out: Float64Array): Float64Array {
	out.fill(1);
	if (t.channel === 'SMS 1708' || t.channel === 'Twitter') {
		out[T.dihapus] = 1.6;
		out[T.belum_terverifikasi] = 1.2;
	}
	if (t.covid) out[T.dihapus]! *= 0.6;
	if (t.opd === 'disdukcapil') {
		out[T.selesai]! *= 1.2;
		out[T.terdisposisi]! *= 0.5;
		out[T.terverifikasi]! *= 0.5;
	} else if (SLOW.has(t.opd)) {
		out[T.selesai]! *= 0.85;
		out[T.terdisposisi]! *= 1.6;
		out[T.ditindaklanjuti]! *= 1.4;
	}
	if (t.dinsosSurge) {
		out[T.terdisposisi]! *= 1.5;
		out[T.ditindaklanjuti]! *= 1.3;
	}
	return out;
}

export interface Timeline {
	tier: number;
	verified: number; // -1 when the step did not happen
	disposed: number;
	followed: number;
	closed: number;
}

export interface TimingContext {
	created: number;
	year: number;
	opd: OpdType;
	covid: boolean;
	dinsosSurge: boolean;
	fastRegion: boolean;
	/** The row must end up followed up even when the export date cuts the chain short. */
	mustFollow: boolean;
}

const HAS_VERIFY = new Set<number>([
	T.bukan_wewenang,
	T.arsip,
	T.terverifikasi,
	T.terdisposisi,
	T.ditindaklanjuti,
	T.ditanggapi_pelapor,
	T.selesai
]);
const HAS_DISPOSE = new Set<number>([T.bukan_wewenang, T.terdisposisi, T.ditindaklanjuti, T.ditanggapi_pelapor, T.selesai]);

/**
 * Timestamps for a tier. A step that would fall after the export date did not happen yet, so the
 * tier is cut back to the last step reached - except for rows that must be followed up, whose
 * chain is compressed to fit instead.
 */
export function timeline(tier: number, c: TimingContext, rng: Rng): Timeline {
	const yi = c.year - FIRST_YEAR;
	const followMedian = FOLLOWUP_MEDIAN_WORKDAYS[c.opd] ?? FOLLOWUP_MEDIAN_WORKDAYS.lainnya!;
	// Fast OPDs are also verified and routed quickly: admins forward routine Dukcapil cases at once.
	const speed = Math.sqrt(followMedian / 3);
	const yearPace = [1.4, 1.2, 1.1, 1, 0.95, 0.9, 0.85][yi] ?? 1;
	const regionPace = c.fastRegion ? TANGSEL_SPEEDUP : 1;
	const out: Timeline = { tier, verified: -1, disposed: -1, followed: -1, closed: -1 };
	if (!HAS_VERIFY.has(tier)) return out;

	const verifyWd = Math.min(30, rng.lognormal(VERIFY_MEDIAN_WORKDAYS[yi]! * (c.covid ? COVID_VERIFY_FACTOR : 1) * speed * regionPace, 1));
	const disposeWd = Math.min(10, rng.lognormal(0.2 * speed * regionPace, 1.2));
	const followWd = Math.min(90, rng.lognormal(followMedian * yearPace * (c.dinsosSurge ? DINSOS_COVID_SLOWDOWN : 1) * regionPace, 0.9));
	const closeWd = rng.chance(0.6) ? 10 + rng.lognormal(0.3, 0.8) : Math.min(120, rng.lognormal(5, 1));

	let verified = addWorkdays(c.created, verifyWd);
	let disposed = HAS_DISPOSE.has(tier) ? addWorkdays(verified, disposeWd) : -1;
	let followed = tier >= T.ditindaklanjuti ? addWorkdays(disposed, followWd) : -1;
	if (c.mustFollow && followed > END_TIME) {
		// Squeeze the chain into the time left before the export.
		const room = Math.max(3, END_TIME - c.created);
		const span = followed - c.created;
		const squeeze = (t: number) => c.created + Math.max(1, Math.floor(((t - c.created) / span) * room));
		verified = squeeze(verified);
		disposed = Math.max(verified + 1, squeeze(disposed));
		followed = Math.min(END_TIME, Math.max(disposed + 1, squeeze(followed)));
	}
	const closed = tier === T.selesai ? addWorkdays(followed, closeWd) : -1;

	if (verified > END_TIME) return { ...out, tier: T.belum_terverifikasi };
	out.verified = verified;
	if (disposed < 0) return out;
	if (disposed > END_TIME) return { ...out, tier: T.terverifikasi };
	out.disposed = disposed;
	if (followed < 0) return out;
	if (followed > END_TIME) return { ...out, tier: T.terdisposisi };
	out.followed = followed;
	if (closed < 0) return out;
	if (closed > END_TIME) return { ...out, tier: T.ditindaklanjuti };
	out.closed = closed;
	return out;
}

const LABEL: Record<Tier, string> = {
	dihapus: 'Dihapus',
	ditunda: 'Ditunda',
	bukan_wewenang: 'Bukan Wewenang',
	arsip: 'Diarsipkan',
	belum_terverifikasi: 'Belum Terverifikasi',
	terverifikasi: 'Terverifikasi',
	terdisposisi: 'Terdisposisi ke ',
	ditindaklanjuti: 'Ditindaklanjuti oleh Instansi',
	ditanggapi_pelapor: 'Ditanggapi oleh Pelapor',
	selesai: 'Selesai'
};

/** The Status column as LAPOR! writes it, now and then in other capitalisation. */
export function statusLabel(tier: number, agency: string, rng: Rng): string {
	const t = TIERS[tier]!;
	const label = t === 'terdisposisi' ? LABEL[t] + agency : LABEL[t];
	const x = rng.float();
	if (x < 0.03) return label.toUpperCase();
	if (x < 0.045) return label.toLowerCase();
	return label;
}
