import type { AreaLevel, Authority, RegionLevel } from '../core/vocab';

// What the rules read: plain rows gathered by src/lib/server/queries/recommend-inputs.ts for one
// area and one month. Counts are of complaints *filed* in the stated window.
interface AreaInfo {
	level: AreaLevel;
	code: string | null;
	name: string;
}

/** One province or kab/kota over the 12 months ending with the month (all 552 in every input). */
export interface RegionStat {
	code: string;
	level: RegionLevel;
	name: string;
	provinceCode: string;
	/** Population quartile among regions of the same level (1 = smallest): the peer group. */
	band: number;
	population: number | null;
	/** Filed in the 12 months ending with the month. */
	n12: number;
	/** Filed from January of the month's year to the month. */
	nYtd: number;
	/** Annual target (region_targets) for the month's year. */
	target: number | null;
	/** Of n12: deleted or archived without ever being verified. */
	removedUnverified: number;
}

/** Complaints per channel and region, same 12 months. */
interface ChannelCount {
	code: string;
	channel: string;
	n: number;
}

/**
 * Working-day deadline facts of the complaints filed in the month, per OPD type and authority of
 * the canonical agency they were sent to; opdType null = the whole area (authority null then too).
 */
export interface DeadlineRow {
	opdType: string | null;
	/** Whom the agencies answer to (vocab.ts AUTHORITIES); null: no agency recorded. */
	authority: Authority | null;
	due3: number;
	breach3: number;
	due5: number;
	breach5: number;
}

interface BacklogFacts {
	/** Filed in the 12 months ending with the month and more than 60 days before its end. */
	old60: number;
	/** Of old60: not closed by the month's end (and not deleted/archived). */
	unresolved60: number;
	/** Open at the month's end among those filed in the 12 months before it. */
	openNow: number;
	/** The same, `lookbackMonths` earlier. */
	openBefore: number;
}

/** Monthly counts (aligned with `RecommendInputs.months`) of one theme, or of all complaints when theme is null, in one kab/kota. */
export interface ThemeSeries {
	theme: string | null;
	regencyCode: string;
	counts: number[];
}

export interface RecommendInputs {
	area: AreaInfo;
	/** 'YYYY-MM'. */
	month: string;
	/** First month of the 12-month window ending with `month`. */
	from12: string;
	/** Months of the theme series, oldest first, ending with `month`. */
	months: string[];
	regions: RegionStat[];
	channels: ChannelCount[];
	deadlines: DeadlineRow[];
	backlog: BacklogFacts;
	/** Theme × kab/kota series in the area plus the all-complaints series (theme null); null when the warehouse has no topic tables. */
	themes: ThemeSeries[] | null;
}
