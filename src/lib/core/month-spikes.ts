// Which series spike in the briefing month: pure, over count series that end at that month
// (theme × kab/kota in src/lib/server/queries/briefing.ts). Scores with the topic pipeline's
// detector (pipelines/topics/spikes.ts), which only looks backwards, so a month's verdict does
// not depend on later data.
import { scorePeriods, type SpikeOptions } from './spikes.ts';

export interface EndSpike<K> {
	key: K;
	/** Index of the first period of the run of flagged periods that reaches the last one. */
	start: number;
	/** Count in the last period. */
	count: number;
	/** Expected level for the last period. */
	baseline: number;
}

/** The series flagged in their last period, largest excess over the expected level first. */
export function spikesAtEnd<K>(series: Iterable<{ key: K; counts: readonly number[] }>, options?: Partial<SpikeOptions>): EndSpike<K>[] {
	const out: EndSpike<K>[] = [];
	for (const s of series) {
		// A series without complaints in its last period cannot spike there: skip the scoring.
		if (!s.counts.length || s.counts[s.counts.length - 1] === 0) continue;
		const scores = scorePeriods(s.counts, options);
		const last = scores[scores.length - 1]!;
		if (!last.flagged) continue;
		let start = scores.length - 1;
		while (start > 0 && scores[start - 1]!.flagged) start--;
		out.push({ key: s.key, start, count: last.count, baseline: last.baseline! });
	}
	return out.sort((a, b) => b.count - b.baseline - (a.count - a.baseline));
}
