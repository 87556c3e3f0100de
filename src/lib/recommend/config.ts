// The recommendation thresholds: thresholds.json, validated with zod when this module loads, so a
// bad file stops the server (and the briefing CLI) at start with zod's message instead of quietly
// producing wrong advice. Rules never hard-code a threshold; they take `Thresholds`.
import { z } from 'zod';
import RAW from './thresholds.json';

const share = z.number().min(0).max(1);
const count = z.number().int().min(0);
const positive = z.number().positive();

const ThresholdsSchema = z
	.object({
		/** Recommendations shown per area. */
		limit: z.number().int().min(1).max(50),
		/** At most this many from one rule, so one kind of finding cannot fill the list. */
		maxPerRule: z.number().int().min(1),
		deadline_breach: z.strictObject({
			minDue: count,
			share5: share,
			share3: share,
			high5: share,
			opdMinDue: count,
			opdMax: z.number().int().min(0)
		}),
		backlog: z.strictObject({
			minOld: count,
			share60: share,
			high60: share,
			risingRatio: positive,
			risingMin: count,
			lookbackMonths: z.number().int().min(1).max(12)
		}),
		theme_spike: z.strictObject({
			minZ: positive,
			minExcess: count,
			maxPValue: share,
			window: z.number().int().min(3).max(12),
			minHistory: z.number().int().min(1),
			highRatio: positive,
			highExcess: count
		}),
		low_reporting: z.strictObject({
			ratioToPeers: share,
			minExpected: count,
			highRatio: share,
			targetShare: share,
			minMonthsIntoYear: z.number().int().min(1).max(12)
		}),
		// The theme series hold 26 months (recommend-inputs.ts SERIES_MONTHS): window ≤ 12 plus last season ±1.
		recurring: z.strictObject({
			months: z.number().int().min(3).max(24),
			minMonthsPresent: z.number().int().min(1),
			minShare: share,
			minPerMonth: count
		}),
		channel_mix: z.strictObject({ minComplaints: count, minGap: share }),
		removed_unverified: z.strictObject({ minComplaints: count, share, high: share, peerFactor: positive })
	})
	.refine((t) => t.recurring.minMonthsPresent <= t.recurring.months, { message: 'recurring.minMonthsPresent must be ≤ recurring.months' })
	.refine((t) => t.theme_spike.minHistory <= t.theme_spike.window, { message: 'theme_spike.minHistory must be ≤ theme_spike.window' });

export type Thresholds = z.infer<typeof ThresholdsSchema>;

/** Validates a thresholds object; throws an Error carrying zod's readable message. */
export function parseThresholds(input: unknown, source = 'thresholds.json'): Thresholds {
	const { _comment: _, ...rest } = (input ?? {}) as Record<string, unknown>;
	const r = ThresholdsSchema.safeParse(rest);
	if (!r.success) throw new Error(`Invalid recommendation thresholds in ${source}:\n${z.prettifyError(r.error)}`);
	return r.data;
}

export const THRESHOLDS: Thresholds = parseThresholds(RAW);
