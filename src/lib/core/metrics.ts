// Every figure the app shows, declared once: what it counts, the fields of the data it needs, how
// it is formatted, its label and CSV column, and which way is better. Queries build their SQL from
// these declarations (metricSums, metricCounts), pages, CSVs, the briefing and the rules read the
// result through `measured()`. A figure whose fields no complaint in view has is "tidak tersedia"
// (never 0 % or 100 %); one that only some have is computed over those and says over how many.
import { type Requirement, requirementSql } from './fields.ts';
import { OPEN_STATUSES } from './vocab.ts';

/** Counts a rate is made of, each one condition over a complaint (ROW_CONDITIONS) and one column of the rollup. */
export type CountName =
	'eligible' | 'followed_up' | 'completed' | 'due3' | 'breach3' | 'due5' | 'breach5' | 'old60' | 'unresolved60' | 'open';

type MetricKind = 'rate' | 'count' | 'median';
type MetricFormat = 'int' | 'pct' | 'days';

export interface MetricDef {
	kind: MetricKind;
	/** A rate's numerator and denominator, a count's count. */
	num?: CountName;
	den?: CountName;
	/** The fields a complaint must have to be counted (core/fields.ts). */
	requires: Requirement;
	/** Message keys (src/lib/i18n): the short label, and what it means. */
	label: string;
	/** Stable CSV column. */
	csv: string;
	format: MetricFormat;
	/** Which way is better, for change arrows and worst-first lists. */
	better: 'higher' | 'lower';
}

const DATED = 'created_at' as const;

export const METRICS = {
	followUpRate: {
		kind: 'rate',
		num: 'followed_up',
		den: 'eligible',
		requires: [['status'], ['first_response_at']],
		label: 'kpi.followUp',
		csv: 'follow_up_pct',
		format: 'pct',
		better: 'higher'
	},
	completionRate: {
		kind: 'rate',
		num: 'completed',
		den: 'eligible',
		requires: [['status'], ['closed_at']],
		label: 'kpi.completion',
		csv: 'completion_pct',
		format: 'pct',
		better: 'higher'
	},
	breach3Rate: {
		kind: 'rate',
		num: 'breach3',
		den: 'due3',
		requires: [[DATED, 'verified_at']],
		label: 'kpi.breach3',
		csv: 'breach_3wd_pct',
		format: 'pct',
		better: 'lower'
	},
	breach5Rate: {
		kind: 'rate',
		num: 'breach5',
		den: 'due5',
		requires: [[DATED, 'first_response_at']],
		label: 'kpi.breach5',
		csv: 'breach_5wd_pct',
		format: 'pct',
		better: 'lower'
	},
	unresolved60Rate: {
		kind: 'rate',
		num: 'unresolved60',
		den: 'old60',
		requires: [
			[DATED, 'status'],
			[DATED, 'closed_at']
		],
		label: 'agencies.unresolved60',
		csv: 'unresolved_60d_pct',
		format: 'pct',
		better: 'lower'
	},
	backlog: {
		kind: 'count',
		num: 'open',
		requires: [['status']],
		label: 'kpi.backlog',
		csv: 'backlog',
		format: 'int',
		better: 'lower'
	},
	medianResponseDays: {
		kind: 'median',
		requires: [[DATED, 'first_response_at']],
		label: 'kpi.medianResponse',
		csv: 'median_days_to_response',
		format: 'days',
		better: 'lower'
	},
	closeMedianDays: {
		kind: 'median',
		requires: [[DATED, 'closed_at']],
		label: 'agencies.closeMedian',
		csv: 'median_days_to_close',
		format: 'days',
		better: 'lower'
	}
} as const satisfies Record<string, MetricDef>;

export type MetricId = keyof typeof METRICS;

/** A figure with what it was computed over: `known` of the `of` complaints in view have its fields. */
export interface Measured {
	value: number | null;
	known: number;
	of: number;
	/** A rate's denominator (the complaints due, eligible, older than 60 days). */
	den?: number;
}

export type Availability = 'full' | 'partial' | 'absent';

/** absent: complaints are in view but none has the fields (show "tidak tersedia"); partial: some have. */
export function availability(m: Measured): Availability {
	if (m.of > 0 && m.known === 0) return 'absent';
	return m.known < m.of ? 'partial' : 'full';
}

/** SQL column names a metric's counts are read under. */
export const col = (id: MetricId, part: 'num' | 'den' | 'known') => `${id}_${part}`;

/** Each count as the rollup holds it (a column, or the sum of the backlog's open-status columns). */
const ROLLUP_COUNT: Record<CountName, string> = {
	eligible: 'eligible',
	followed_up: 'followed_up',
	completed: 'completed',
	due3: 'due3',
	breach3: 'breach3',
	due5: 'due5',
	breach5: 'breach5',
	old60: 'old60',
	unresolved60: 'unresolved60',
	open: `(${OPEN_STATUSES.map((s) => `open_${s}`).join(' + ')})`
};

/**
 * SELECT items over rollup rows (summed counts per CountName): each metric's numerator and
 * denominator over the complaints that have its fields, how many do, and all of them (n).
 */
export function metricSums(ids: readonly MetricId[]): string {
	const items = ['coalesce(sum(n), 0)::INTEGER AS n'];
	for (const id of ids) {
		const m: MetricDef = METRICS[id];
		const known = requirementSql(m.requires);
		if (m.num) items.push(`coalesce(sum(${ROLLUP_COUNT[m.num]}) FILTER (WHERE ${known}), 0)::INTEGER AS ${col(id, 'num')}`);
		if (m.den) items.push(`coalesce(sum(${ROLLUP_COUNT[m.den]}) FILTER (WHERE ${known}), 0)::INTEGER AS ${col(id, 'den')}`);
		items.push(`coalesce(sum(n) FILTER (WHERE ${known}), 0)::INTEGER AS ${col(id, 'known')}`);
	}
	return items.join(',\n\t\t');
}

/**
 * The same over complaint rows (a SELECT that groups them), given each count's condition over one
 * complaint (`conditions`); medians from `medianOf` (seconds) in days.
 */
export function metricCounts(
	ids: readonly MetricId[],
	conditions: Readonly<Record<CountName, string>>,
	medianOf: Partial<Record<MetricId, string>> = {}
): string {
	const items = ['count(*)::INTEGER AS n'];
	for (const id of ids) {
		const m: MetricDef = METRICS[id];
		const known = requirementSql(m.requires);
		if (m.kind === 'median') items.push(`(median(${medianOf[id]}) FILTER (WHERE ${known}) / 86400.0)::DOUBLE AS ${id}`);
		if (m.num) items.push(`count(*) FILTER (WHERE ${known} AND ${conditions[m.num]})::INTEGER AS ${col(id, 'num')}`);
		if (m.den) items.push(`count(*) FILTER (WHERE ${known} AND ${conditions[m.den]})::INTEGER AS ${col(id, 'den')}`);
		items.push(`count(*) FILTER (WHERE ${known})::INTEGER AS ${col(id, 'known')}`);
	}
	return items.join(',\n\t\t');
}

/** A metric's value from a row of metricSums / metricCounts (a median read as `id`). */
export function measured(id: MetricId, row: Readonly<Record<string, unknown>>): Measured {
	const m: MetricDef = METRICS[id];
	const num = (k: string) => Number(row[k] ?? 0);
	const known = num(col(id, 'known'));
	const of = num('n');
	let value: number | null;
	if (m.kind === 'rate') value = num(col(id, 'den')) ? num(col(id, 'num')) / num(col(id, 'den')) : null;
	else if (m.kind === 'count') value = known ? num(col(id, 'num')) : null;
	else value = row[id] === null || row[id] === undefined ? null : Number(row[id]);
	const out: Measured = { value: known ? value : null, known, of };
	if (m.kind === 'rate') out.den = num(col(id, 'den'));
	return out;
}

/** 1 − a rate: compliance from a breach rate, over the same complaints. */
export const complement = (m: Measured): Measured => ({ ...m, value: m.value === null ? null : 1 - m.value });

/** The measure of no complaint at all. */
export const NOTHING: Measured = Object.freeze({ value: null, known: 0, of: 0 });
