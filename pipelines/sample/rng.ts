// A small seeded PRNG (sfc32, seeded through splitmix32) so the sample is byte-identical for a
// given seed on every machine and Node version. Math.random is never used in this module tree.

/** 32-bit FNV-1a of a string: turns a stream label into seed material. */
function hashString(s: string): number {
	let h = 0x811c9dc5;
	for (let i = 0; i < s.length; i++) {
		h ^= s.charCodeAt(i);
		h = Math.imul(h, 0x01000193);
	}
	return h >>> 0;
}

/** Mixes integers into one well-spread 32-bit value (used for stateless per-key draws). */
export function mix32(...parts: number[]): number {
	let h = 0x9e3779b9;
	for (const p of parts) {
		h = Math.imul(h ^ (p >>> 0), 0x85ebca6b);
		h ^= h >>> 13;
		h = Math.imul(h, 0xc2b2ae35);
		h ^= h >>> 16;
	}
	return h >>> 0;
}

export class Rng {
	private a: number;
	private b: number;
	private c: number;
	private d: number;

	/** Independent streams per label, so changing how one part draws does not shift the others. */
	constructor(seed: number, stream = '') {
		let s = (mix32(seed >>> 0, Math.floor(seed / 2 ** 32), hashString(stream)) || 1) >>> 0;
		const next = () => {
			s = (s + 0x9e3779b9) >>> 0;
			let z = s;
			z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
			z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
			return (z ^ (z >>> 16)) >>> 0;
		};
		this.a = next();
		this.b = next();
		this.c = next();
		this.d = next();
		for (let i = 0; i < 12; i++) this.u32();
	}

	u32(): number {
		const t = (((this.a + this.b) | 0) + this.d) | 0;
		this.d = (this.d + 1) | 0;
		this.a = this.b ^ (this.b >>> 9);
		this.b = (this.c + (this.c << 3)) | 0;
		this.c = (this.c << 21) | (this.c >>> 11);
		this.c = (this.c + t) | 0;
		return t >>> 0;
	}

	/** Uniform in [0, 1). */
	float(): number {
		return this.u32() / 4294967296;
	}

	/** Uniform integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.float() * n);
	}

	/** Uniform integer in [lo, hi]. */
	range(lo: number, hi: number): number {
		return lo + this.int(hi - lo + 1);
	}

	chance(p: number): boolean {
		return this.float() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)] as T;
	}

	normal(): number {
		// Box-Muller; 1 - u keeps the log argument away from zero.
		const u = 1 - this.float();
		const v = this.float();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
	}

	/** Log-normal with the given median and log-space sigma. */
	lognormal(median: number, sigma: number): number {
		return median * Math.exp(sigma * this.normal());
	}
}

/** Cumulative weights for fast weighted picks with {@link pickCumulative}. */
export function cumulative(weights: readonly number[]): Float64Array {
	const cum = new Float64Array(weights.length);
	let acc = 0;
	for (let i = 0; i < weights.length; i++) {
		acc += Math.max(0, weights[i] as number);
		cum[i] = acc;
	}
	return cum;
}

/** Index i with cum[i-1] <= x < cum[i] for x uniform over the total weight. */
export function pickCumulative(rng: Rng, cum: Float64Array, lo = 0, hi = cum.length): number {
	const base = lo > 0 ? (cum[lo - 1] as number) : 0;
	const x = base + rng.float() * ((cum[hi - 1] as number) - base);
	let a = lo;
	let b = hi - 1;
	while (a < b) {
		const m = (a + b) >>> 1;
		if ((cum[m] as number) > x) b = m;
		else a = m + 1;
	}
	return a;
}

/** A weighted choice table over arbitrary items. */
export class Weighted<T> {
	readonly items: readonly T[];
	private readonly cum: Float64Array;
	constructor(entries: readonly (readonly [T, number])[]) {
		const kept = entries.filter(([, w]) => w > 0);
		if (kept.length === 0) throw new Error('Weighted: no positive weights');
		this.items = kept.map(([item]) => item);
		this.cum = cumulative(kept.map(([, w]) => w));
	}
	pick(rng: Rng): T {
		return this.items[pickCumulative(rng, this.cum)] as T;
	}
}
