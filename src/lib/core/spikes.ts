// Spike detection on count series (topic or theme × region × month/week). Pure functions, no I/O.
//
// For each period the expected level is the median of the previous `window` periods (at least
// `minHistory` of them), raised to the median of the same period ±1 one season earlier when that is
// higher (a light seasonal term: a regular yearly peak is not news, and a surge is not flagged again a
// year later). The spread is the scaled MAD of the rolling window with a floor
// max(1.4826·MAD, sqrt(expected), 1), so that sparse series (zeros with the odd 1 or 3) never alarm.
// A period is flagged when ALL of these hold:
//   - robust z = (count − median) / spread ≥ minZ,
//   - count − median ≥ minExcess (absolute),
//   - the Poisson upper tail P(X ≥ count | λ = max(median, minLambda)) ≤ maxPValue (log space).
// Consecutive flagged periods merge into one spike.

export interface SpikeOptions {
	/** Periods of history in the rolling baseline (12 for months, e.g. 26 for weeks). */
	window: number;
	/** Fewer periods of history than this: no decision for the period. */
	minHistory: number;
	/** Robust z-score threshold. */
	minZ: number;
	/** Minimum absolute excess over the baseline, in counts. */
	minExcess: number;
	/** Poisson upper-tail probability threshold. */
	maxPValue: number;
	/** λ floor for the Poisson test when the baseline median is 0. */
	minLambda: number;
	/** Season length in periods (12 for months, 52 for weeks); 0 turns the seasonal term off. */
	season: number;
}

export const DEFAULT_SPIKE_OPTIONS: Readonly<SpikeOptions> = {
	window: 12,
	minHistory: 6,
	minZ: 4,
	minExcess: 5,
	maxPValue: 1e-4,
	minLambda: 0.5,
	season: 12
};

/** One period's verdict. `baseline`/`spread` are null when there is too little history. */
export interface PeriodScore {
	index: number;
	count: number;
	baseline: number | null;
	spread: number | null;
	z: number | null;
	/** Natural log of the Poisson upper tail P(X ≥ count | λ). */
	logP: number | null;
	flagged: boolean;
}

export interface Spike {
	/** Index of the first flagged period. */
	start: number;
	/** Index of the last flagged period of the run. */
	end: number;
	/** Index of the period with the largest excess. */
	peak: number;
	/** Count at the peak. */
	peakCount: number;
	/** Expected level (rolling median) at the start. */
	baseline: number;
	/** Expected level at the peak. */
	peakBaseline: number;
	/** Size of the jump: peakCount / max(peakBaseline, 1) (finite when the baseline is 0). */
	ratio: number;
	/** Count above the baseline at the peak. */
	peakExcess: number;
	/** Sum over the run of count − baseline. */
	excess: number;
	/** Smallest log Poisson tail probability in the run. */
	minLogP: number;
	/** Largest robust z in the run. */
	maxZ: number;
}

const MAD_SCALE = 1.4826;

export function median(values: readonly number[]): number {
	if (values.length === 0) return NaN;
	const s = [...values].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

// Lanczos approximation (g = 7, n = 9) of ln Γ(x), x > 0.
const LANCZOS = [
	0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
	-0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7
];
function logGamma(x: number): number {
	if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
	x -= 1;
	let a = LANCZOS[0]!;
	const t = x + 7.5;
	for (let i = 1; i < 9; i++) a += LANCZOS[i]! / (x + i);
	return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
}

const logPmf = (j: number, lambda: number) => -lambda + j * Math.log(lambda) - logGamma(j + 1);

const logAddExp = (a: number, b: number) => {
	if (a === -Infinity) return b;
	if (b === -Infinity) return a;
	const m = Math.max(a, b);
	return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
};

/** ln P(X ≥ k) for X ~ Poisson(λ), computed in log space (no underflow for large k). */
export function logPoissonUpperTail(k: number, lambda: number): number {
	if (k <= 0) return 0;
	if (lambda <= 0) return -Infinity;
	k = Math.ceil(k);
	if (k > lambda) {
		// Sum the upper terms: they shrink at least geometrically once j + 1 > λ.
		let sum = -Infinity;
		let term = logPmf(k, lambda);
		for (let j = k; j < k + 100_000; j++) {
			sum = logAddExp(sum, term);
			term += Math.log(lambda) - Math.log(j + 1);
			if (term - sum < -40) break;
		}
		return Math.min(0, sum);
	}
	// k ≤ λ: 1 − P(X < k), the lower sum is the smaller side.
	let lower = -Infinity;
	for (let j = 0; j < k; j++) lower = logAddExp(lower, logPmf(j, lambda));
	return Math.log1p(-Math.min(Math.exp(lower), 1));
}

function resolve(opts: Partial<SpikeOptions> | undefined): SpikeOptions {
	const o = { ...DEFAULT_SPIKE_OPTIONS, ...opts };
	if (!(o.window >= 1) || !(o.minHistory >= 1) || o.minHistory > o.window || !(o.season >= 0)) {
		throw new Error(`spike options: need 1 <= minHistory <= window, got ${o.minHistory} / ${o.window}`);
	}
	return o;
}

/** Scores every period of one series against its rolling baseline. */
export function scorePeriods(counts: readonly number[], options?: Partial<SpikeOptions>): PeriodScore[] {
	const o = resolve(options);
	return counts.map((count, index) => {
		const history = counts.slice(Math.max(0, index - o.window), index);
		if (history.length < o.minHistory) return { index, count, baseline: null, spread: null, z: null, logP: null, flagged: false };
		const rolling = median(history);
		const mad = median(history.map((v) => Math.abs(v - rolling)));
		const lastSeason =
			o.season > 0
				? [index - o.season - 1, index - o.season, index - o.season + 1].filter((j) => j >= 0 && j < index).map((j) => counts[j]!)
				: [];
		const baseline = lastSeason.length > 0 ? Math.max(rolling, median(lastSeason)) : rolling;
		const spread = Math.max(MAD_SCALE * mad, Math.sqrt(baseline), 1);
		const z = (count - baseline) / spread;
		const logP = logPoissonUpperTail(count, Math.max(baseline, o.minLambda));
		const flagged = z >= o.minZ && count - baseline >= o.minExcess && logP <= Math.log(o.maxPValue);
		return { index, count, baseline, spread, z, logP, flagged };
	});
}

/** Spikes of one series: runs of consecutive flagged periods. */
export function detectSpikes(counts: readonly number[], options?: Partial<SpikeOptions>): Spike[] {
	const scores = scorePeriods(counts, options);
	const spikes: Spike[] = [];
	let run: PeriodScore[] = [];
	const close = () => {
		if (run.length === 0) return;
		const excessOf = (s: PeriodScore) => s.count - s.baseline!;
		const peak = run.reduce((best, s) => (excessOf(s) > excessOf(best) ? s : best));
		spikes.push({
			start: run[0]!.index,
			end: run[run.length - 1]!.index,
			peak: peak.index,
			peakCount: peak.count,
			baseline: run[0]!.baseline!,
			peakBaseline: peak.baseline!,
			ratio: peak.count / Math.max(peak.baseline!, 1),
			peakExcess: excessOf(peak),
			excess: run.reduce((s, p) => s + excessOf(p), 0),
			minLogP: Math.min(...run.map((s) => s.logP!)),
			maxZ: Math.max(...run.map((s) => s.z!))
		});
		run = [];
	};
	for (const s of scores) {
		if (s.flagged) run.push(s);
		else close();
	}
	close();
	return spikes;
}

/**
 * How much a rise matters, 0..1, from its size and its significance together: the mean of
 * log10(1 + excess) and log10(1 + surprise), each over 3 and capped at 1, where excess = count −
 * expected and surprise = −log10 of the Poisson tail P(X ≥ count | expected). A surge of 322 on
 * an expected 2 (0.88) outranks 26 on an expected 1 (0.48), which the ratio alone (161 against 26,
 * both beyond any cap) could not tell apart; 500 on 300 (0.62) is large but less surprising.
 */
export function spikeStrength(count: number, expected: number, minLambda = DEFAULT_SPIKE_OPTIONS.minLambda): number {
	const excess = count - expected;
	if (excess <= 0) return 0;
	const surprise = -logPoissonUpperTail(count, Math.max(expected, minLambda)) / Math.LN10;
	const part = (v: number) => Math.min(1, Math.log10(1 + Math.max(0, v)) / 3);
	return (part(excess) + part(surprise)) / 2;
}

/** A rise that comes back at the same time every year, and the level it reached before. */
export interface SeasonalRise {
	/** The same period in earlier seasons, most recent first. */
	earlier: number[];
	/** What the rise is compared with: the highest of those. */
	level: number;
}

// An earlier same-season period "rose" when it stood out from the periods around it (half a
// season either side, its own neighbours left out) by a moderate margin: a rise, not an alarm.
const RISE_Z = 2;

/**
 * Whether the rise at `index` recurs at the same season: in every earlier season the series covers
 * (index − season·k, with data around it), that period also rose above the periods around it, and
 * at least one such season exists. Looks only at periods before `index`. Null when not seasonal.
 */
export function seasonalRise(counts: readonly number[], index: number, options?: Partial<SpikeOptions>): SeasonalRise | null {
	const o = resolve(options);
	if (o.season <= 0) return null;
	const half = Math.floor(o.season / 2);
	const earlier: number[] = [];
	for (let j = index - o.season; j >= 0; j -= o.season) {
		const around: number[] = [];
		for (let i = Math.max(0, j - half); i <= Math.min(index - 1, j + half); i++) if (Math.abs(i - j) > 1) around.push(counts[i]!);
		if (around.length < 4 || counts[j]! + around.reduce((a, b) => a + b, 0) === 0) continue; // no data then
		const base = median(around);
		const rose = counts[j]! - base >= o.minExcess && (counts[j]! - base) / Math.max(Math.sqrt(base), 1) >= RISE_Z;
		if (!rose) return null;
		earlier.push(counts[j]!);
	}
	return earlier.length ? { earlier, level: Math.max(...earlier) } : null;
}

export interface CountSeries<K> {
	key: K;
	counts: readonly number[];
}

export type KeyedSpike<K> = Spike & { key: K };

/** Runs `detectSpikes` over many series (e.g. theme × region); spikes ordered by series, then start. */
export function detectSpikesInSeries<K>(series: Iterable<CountSeries<K>>, options?: Partial<SpikeOptions>): KeyedSpike<K>[] {
	const out: KeyedSpike<K>[] = [];
	for (const s of series) for (const spike of detectSpikes(s.counts, options)) out.push({ ...spike, key: s.key });
	return out;
}

/** Month labels 'YYYY-MM' from `from` to `to` inclusive (both 'YYYY-MM'), for indexing series. */
export function monthRange(from: string, to: string): string[] {
	const out: string[] = [];
	let y = Number(from.slice(0, 4));
	let m = Number(from.slice(5, 7));
	const endY = Number(to.slice(0, 4));
	const endM = Number(to.slice(5, 7));
	while (y < endY || (y === endY && m <= endM)) {
		out.push(`${y}-${String(m).padStart(2, '0')}`);
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	return out;
}
