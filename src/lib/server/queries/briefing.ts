// Briefing-only SQL (/briefing/[region]/[month]): the policy themes, topic clusters and theme
// spikes of one month in one area, from the tables `npm run topics` writes (pipelines/topics/
// README.md). Those tables are optional: without a (complete) topic model, `topicFit()` of /topik
// is null and so are these functions' results (the briefing says so), never an error. Everything else in the briefing reuses the dashboard's query modules.
// Counts leave out deleted complaints (dihapus), as the topic pipeline does.
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import { MonthSchema, NATIONAL_PARAM, RegionParamSchema } from '$lib/core/briefing';
import { translate, type Lang } from '$lib/i18n';
import { spikesAtEnd } from '$lib/core/month-spikes';
import { monthAfter, monthIndex, monthsBetween, shiftMonth } from '$lib/core/month';
import { themeName } from '$lib/core/themes';
import { query } from '../db';
import { SCOPE_WHERE, scopeParams } from './filter-sql';
import { regionByCode, type RegionOption } from './options';
import { warehouseFacts, type WarehouseFacts } from './overview';
import { topicFit } from './topics';
import { MIN_SHOWN_COUNT, topicCellCount } from '../../core/privacy';

/**
 * The briefing's area and month from the route parameters: 400 when malformed, 404 for an
 * unknown region or a month outside the data. `region` is null for 'nasional'. Shared by the
 * page and the PDF endpoint, which answers these before it starts a browser.
 */
export async function briefingScopeOr4xx(
	regionParam: string,
	monthParam: string,
	lang: Lang
): Promise<{ region: RegionOption | null; month: string; facts: WarehouseFacts }> {
	if (!RegionParamSchema.safeParse(regionParam).success) {
		error(400, { code: 'bad_region', message: translate(lang, 'briefing.badRegion', { value: regionParam.slice(0, 40) }) });
	}
	if (!MonthSchema.safeParse(monthParam).success) {
		error(400, { code: 'bad_month', message: translate(lang, 'briefing.badMonth', { value: monthParam.slice(0, 40) }) });
	}
	const facts = await warehouseFacts();
	if (
		!facts.first_month ||
		!facts.last_month ||
		monthIndex(monthParam) < monthIndex(facts.first_month) ||
		monthIndex(monthParam) > monthIndex(facts.last_month)
	) {
		error(404, {
			code: 'not_found',
			message: translate(lang, 'briefing.monthOutside', { month: monthParam, from: facts.first_month ?? '–', to: facts.last_month ?? '–' })
		});
	}
	const region = regionParam === NATIONAL_PARAM ? null : ((await regionByCode(regionParam)) ?? null);
	if (regionParam !== NATIONAL_PARAM && !region) {
		error(404, { code: 'not_found', message: translate(lang, 'region.notFound', { code: regionParam }) });
	}
	return { region, month: monthParam, facts };
}

/** The area and month window as bound parameters: complaints of [from, to] months in $region (NULL = nation). */
const windowParams = (region: string | null, from: string, to: string) => ({
	...scopeParams(),
	region,
	start: `${from}-01`,
	end: monthAfter(to)
});

const IN_WINDOW = `created_at >= $start::TIMESTAMP AND created_at < $end::TIMESTAMP AND status <> 'dihapus'
	AND ($region IS NULL OR province_code = $region OR regency_code = $region) AND ${SCOPE_WHERE}`;

const THEME_SQL = `
	WITH c AS (SELECT tracking_id, created_at FROM complaints WHERE ${IN_WINDOW})
	SELECT t.theme,
		count(*) FILTER (WHERE c.created_at >= $month::TIMESTAMP)::INTEGER AS n,
		count(*) FILTER (WHERE c.created_at < $month::TIMESTAMP)::INTEGER AS prev
	FROM complaint_themes t JOIN c USING (tracking_id)
	GROUP BY t.theme
	HAVING count(*) FILTER (WHERE c.created_at >= $month::TIMESTAMP) > 0
	ORDER BY n DESC, t.theme`;

export interface ThemeCount {
	theme: string;
	label: string;
	/** null when suppressed: a small kab/kota cell (privacy.ts) */
	n: number | null;
	/** The month before; null when suppressed. */
	prev: number | null;
}

/** Policy themes tagged in the month's complaints of the area, most frequent first, with last month's count. */
export async function monthThemes(region: string | null, month: string, lang: Lang): Promise<ThemeCount[] | null> {
	if (!(await topicFit())) return null;
	const rows = await query(
		THEME_SQL,
		{ ...windowParams(region, shiftMonth(month, -1), month), month: `${month}-01` },
		z.object({ theme: z.string(), n: z.number().int(), prev: z.number().int() })
	);
	return rows.map((r) => ({
		...r,
		n: topicCellCount(r.n, { region }),
		prev: topicCellCount(r.prev, { region }),
		label: themeName(r.theme, lang)
	}));
}

// Cluster labels are the clusters' top TF-IDF terms (words shared by many complaints, document
// frequency ≥ 3), not text of any one complaint.
const TOPIC_SQL = `
	WITH c AS (SELECT tracking_id FROM complaints WHERE ${IN_WINDOW})
	SELECT k.cluster_id::INTEGER AS cluster_id, k.label, count(*)::INTEGER AS n
	FROM complaint_topics t JOIN c USING (tracking_id) JOIN topic_clusters k USING (cluster_id)
	GROUP BY ALL
	ORDER BY n DESC, cluster_id
	LIMIT $limit`;

const TopicRow = z.object({ cluster_id: z.number().int(), label: z.string(), n: z.number().int() });
export type TopicCount = Omit<z.infer<typeof TopicRow>, 'n'> & { /** null when suppressed (privacy.ts) */ n: number | null };

/** The month's largest topic clusters in the area. */
export async function monthTopics(region: string | null, month: string, limit = 6): Promise<readonly TopicCount[] | null> {
	if (!(await topicFit())) return null;
	const rows = await query(TOPIC_SQL, { ...windowParams(region, month, month), limit }, TopicRow);
	return rows.map((r) => ({ ...r, n: topicCellCount(r.n, { region }) }));
}

// Theme × kab/kota monthly counts over the months the detector looks back on (12 of history, one
// season earlier ±1), ending at the briefing month: a spike is scored only on what was known then.
const SPIKE_HISTORY_MONTHS = 26;
const SERIES_SQL = `
	WITH c AS (SELECT tracking_id, regency_code, created_at FROM complaints WHERE ${IN_WINDOW} AND regency_code IS NOT NULL)
	SELECT t.theme, c.regency_code, r.short_name AS regency_name, strftime(date_trunc('month', c.created_at), '%Y-%m') AS month,
		count(*)::INTEGER AS n
	FROM complaint_themes t JOIN c USING (tracking_id)
	LEFT JOIN regions r ON r.code = c.regency_code AND r.level = 'regency'
	GROUP BY ALL
	ORDER BY t.theme, c.regency_code, month`;

const SeriesRow = z.object({
	theme: z.string(),
	regency_code: z.string(),
	regency_name: z.string().nullable(),
	month: z.string(),
	n: z.number().int()
});

export interface MonthSpike {
	theme: string;
	label: string;
	regencyCode: string;
	regencyName: string;
	/** First month of the run of flagged months ('YYYY-MM'). */
	start: string;
	/** Complaints with the theme in the briefing month. */
	count: number;
	/** Expected level for the briefing month (rolling median, seasonal floor), or for a seasonal rise the earlier years' same month. */
	baseline: number;
	/** The rise recurs in this month every year (month-spikes.ts)… */
	seasonal: boolean;
	/** …and, if so, goes beyond the earlier years (an alarm) or not. */
	alarm: boolean;
}

/**
 * Theme × kab/kota series of the area flagged in the briefing month by the spike detector
 * (pipelines/topics/spikes.ts, default thresholds), with the month the run of flagged months
 * began; alarms first, then by size and significance together, seasonal rises labelled (core/month-spikes.ts). Scored here from the monthly series rather
 * than read from topic_spikes, which keeps only each run's start, peak and end, not the briefing
 * month's count and expected level; the detector looks only backwards, so the flagged months agree.
 */
export async function monthSpikes(region: string | null, month: string, lang: Lang, limit = 8): Promise<MonthSpike[] | null> {
	if (!(await topicFit())) return null;
	const from = shiftMonth(month, -(SPIKE_HISTORY_MONTHS - 1));
	const rows = await query(SERIES_SQL, windowParams(region, from, month), SeriesRow);
	const months = monthsBetween(from, month);
	const index = new Map(months.map((m, i) => [m, i]));
	const series = new Map<string, { theme: string; code: string; name: string; counts: number[] }>();
	for (const r of rows) {
		const key = `${r.theme}\u0000${r.regency_code}`;
		let s = series.get(key);
		if (!s)
			series.set(
				key,
				(s = { theme: r.theme, code: r.regency_code, name: r.regency_name ?? r.regency_code, counts: Array(months.length).fill(0) })
			);
		s.counts[index.get(r.month)!] = r.n;
	}
	return (
		spikesAtEnd([...series.values()].map((x) => ({ key: x, counts: x.counts })))
			// A spike to a small kab/kota cell would show its count (privacy.ts): not reported.
			.filter((s) => s.count >= MIN_SHOWN_COUNT)
			.slice(0, limit)
			.map(({ key: x, start, count, baseline, seasonal, alarm }) => ({
				theme: x.theme,
				label: themeName(x.theme, lang),
				regencyCode: x.code,
				regencyName: x.name,
				start: months[start]!,
				count,
				baseline,
				seasonal: seasonal !== null,
				alarm
			}))
	);
}
