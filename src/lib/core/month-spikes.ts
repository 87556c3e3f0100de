// Which series rise in their last month (the briefing month): pure, over count series that end at
// that month (theme × kab/kota in src/lib/server/queries/briefing.ts and the recommendation
// engine). Scores with the topic pipeline's detector (spikes.ts), which only looks backwards, so
// a month's verdict does not depend on later data. A rise that comes back at the same time every
// year (PPDB in June) is seasonal: it is compared with the same month of the earlier years, and is
// an alarm only when it goes beyond them.
import {
	DEFAULT_SPIKE_OPTIONS,
	logPoissonUpperTail,
	scorePeriods,
	seasonalRise,
	spikeStrength,
	type PeriodScore,
	type SpikeOptions
} from './spikes.ts';

export interface EndVerdict {
	/** Count in the last period. */
	count: number;
	/** What it is compared with: the expected level, or for a seasonal rise the earlier years' same month. */
	baseline: number;
	/** An alarm: above the expected level and, when seasonal, above the earlier years' same month. */
	alarm: boolean;
	/** The same month of earlier years, most recent first, when the rise recurs every year; else null. */
	seasonal: number[] | null;
	/** Size and significance together, 0..1 (spikeStrength). */
	strength: number;
}

/** The verdict on a series' last period; null when it is no rise at all (or there is too little history). */
export function judgeEnd(counts: readonly number[], options?: Partial<SpikeOptions>): EndVerdict | null {
	// A series without complaints in its last period cannot rise there: skip the scoring.
	if (!counts.length || counts[counts.length - 1] === 0) return null;
	return verdict(counts, scorePeriods(counts, options), { ...DEFAULT_SPIKE_OPTIONS, ...options });
}

function verdict(counts: readonly number[], scores: readonly PeriodScore[], o: SpikeOptions): EndVerdict | null {
	const last = scores.at(-1)!;
	if (!last.flagged) return null;
	const seasonal = seasonalRise(counts, counts.length - 1, o);
	if (!seasonal)
		return {
			count: last.count,
			baseline: last.baseline!,
			alarm: true,
			seasonal: null,
			strength: spikeStrength(last.count, last.baseline!, o.minLambda)
		};
	const level = seasonal.level;
	const alarm =
		(last.count - level) / Math.max(Math.sqrt(level), 1) >= o.minZ &&
		last.count - level >= o.minExcess &&
		logPoissonUpperTail(last.count, Math.max(level, o.minLambda)) <= Math.log(o.maxPValue);
	return { count: last.count, baseline: level, alarm, seasonal: seasonal.earlier, strength: spikeStrength(last.count, level, o.minLambda) };
}

export interface EndSpike<K> extends EndVerdict {
	key: K;
	/** Index of the first period of the run of flagged periods that reaches the last one. */
	start: number;
}

/** The series that rise in their last period: alarms first, then by size and significance together (spikeStrength). */
export function spikesAtEnd<K>(series: Iterable<{ key: K; counts: readonly number[] }>, options?: Partial<SpikeOptions>): EndSpike<K>[] {
	const out: EndSpike<K>[] = [];
	const o = { ...DEFAULT_SPIKE_OPTIONS, ...options };
	for (const s of series) {
		if (!s.counts.length || s.counts[s.counts.length - 1] === 0) continue;
		const scores = scorePeriods(s.counts, o);
		const v = verdict(s.counts, scores, o);
		if (!v) continue;
		let start = scores.length - 1;
		while (start > 0 && scores[start - 1]!.flagged) start--;
		out.push({ key: s.key, start, ...v });
	}
	return out.sort((a, b) => Number(b.alarm) - Number(a.alarm) || b.strength - a.strength);
}
