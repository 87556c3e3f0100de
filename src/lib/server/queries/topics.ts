// Queries behind /topik, over the tables `npm run topics` writes (pipelines/topics/README.md):
// topic clusters with their volume, monthly trend and example complaints; the policy themes; a
// topic × region heatmap; and the stored theme × kab/kota spikes (topic_spikes).
// - Every count is over complaints under the global filters, deleted ones (`dihapus`) left out, as in
//   the fit. Shares are of the complaints with a topic under the same filters.
// - Examples: never a confidential complaint (excluded here in SQL, not only at fit time); the
//   fit's closest-to-centroid examples first, then the best-scoring ones within the filters.
//   Only title, a body snippet, date and region are selected: nothing about the reporter.
// - Spikes were scored over all complaints; only the period and region filters apply to them.
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import type { Lang } from '$lib/i18n';
import { monthsBetween } from '$lib/core/month';
import { TOPIC_TABLES } from '$lib/core/tables';
import type { RegionLevel } from '$lib/core/vocab';
import { query } from '../db';
import { FILTER_WHERE, withFilters } from './filter-sql';
import { isFineCell, MIN_SHOWN_COUNT, suppressSmall, topicCellCount } from '../../core/privacy';

const LIVE = `SELECT * FROM complaints WHERE status <> 'dihapus' AND ${FILTER_WHERE}`;

const TABLES_SQL = `
	SELECT count(*)::INTEGER AS n FROM information_schema.tables
	WHERE table_schema = 'main' AND table_name IN (${TOPIC_TABLES.map((t) => `'${t}'`).join(', ')})`;
const FIT_SQL = `SELECT strftime(fitted_at, '%Y-%m-%d') AS fitted_at, k, documents::INTEGER AS documents FROM topic_fit`;
const FitRow = z.object({ fitted_at: z.string(), k: z.number().int(), documents: z.number().int() });
export type TopicFit = z.infer<typeof FitRow>;

/** The stored fit, or null when the warehouse has no (complete) topic model. */
export async function topicFit(): Promise<TopicFit | null> {
	const [t] = await query(TABLES_SQL, {}, z.object({ n: z.number().int() }));
	if (t?.n !== TOPIC_TABLES.length) return null;
	return (await query(FIT_SQL, {}, FitRow))[0] ?? null;
}

const CLUSTERS_SQL = `
	WITH n AS (
		SELECT ct.cluster_id, count(*) AS n FROM complaint_topics ct JOIN (${LIVE}) c USING (tracking_id) GROUP BY 1
	)
	SELECT t.cluster_id, t.label, t.label_en, t.top_terms::VARCHAR AS top_terms, coalesce(n.n, 0)::INTEGER AS n
	FROM topic_clusters t LEFT JOIN n USING (cluster_id)
	ORDER BY n DESC, t.cluster_id`;
const ClusterRow = z.object({
	cluster_id: z.number().int(),
	label: z.string(),
	label_en: z.string().nullable(),
	top_terms: z.string(),
	n: z.number().int()
});

const CLUSTER_MONTHLY_SQL = `
	SELECT ct.cluster_id AS key, strftime(c.created_at, '%Y-%m') AS month, count(*)::INTEGER AS n
	FROM complaint_topics ct JOIN (${LIVE}) c USING (tracking_id)
	WHERE c.created_at IS NOT NULL GROUP BY ALL`;
const THEME_MONTHLY_SQL = `
	SELECT t.theme AS key, strftime(c.created_at, '%Y-%m') AS month, count(*)::INTEGER AS n
	FROM complaint_themes t JOIN (${LIVE}) c USING (tracking_id)
	WHERE c.created_at IS NOT NULL GROUP BY ALL`;

// Ranked over ids only, then joined for the texts: sorting narrow rows is ~2x faster than sorting
// rows that carry title and body (300k sample).
const EXAMPLES_SQL = `
	WITH r AS (
		SELECT ct.cluster_id, ct.tracking_id,
			row_number() OVER (PARTITION BY ct.cluster_id ORDER BY e.rank NULLS LAST, ct.score DESC, ct.tracking_id) AS rk
		FROM complaint_topics ct
		JOIN (SELECT tracking_id FROM (${LIVE}) WHERE NOT is_confidential) c USING (tracking_id)
		LEFT JOIN topic_examples e ON e.cluster_id = ct.cluster_id AND e.tracking_id = ct.tracking_id
		QUALIFY rk <= $per
	)
	SELECT r.cluster_id, c.tracking_id, c.title, left(c.body, 240) AS snippet, coalesce(length(c.body) > 240, false) AS cut,
		strftime(c.created_at, '%Y-%m-%d') AS created_at, coalesce(c.regency_name, c.province_name) AS region
	FROM r JOIN complaints c USING (tracking_id)
	WHERE NOT c.is_confidential
	ORDER BY r.cluster_id, r.rk`;
const ExampleRow = z.object({
	cluster_id: z.number().int(),
	tracking_id: z.string(),
	title: z.string().nullable(),
	snippet: z.string().nullable(),
	cut: z.boolean(),
	created_at: z.string().nullable(),
	region: z.string().nullable()
});
type TopicExample = Omit<z.infer<typeof ExampleRow>, 'cluster_id'>;

const EXAMPLES_PER_TOPIC = 3;

const THEMES_SQL = `
	SELECT t.theme, count(*)::INTEGER AS n FROM complaint_themes t JOIN (${LIVE}) c USING (tracking_id)
	GROUP BY 1 ORDER BY n DESC, 1`;
const TOTAL_SQL = `SELECT count(*)::INTEGER AS n FROM (${LIVE})`;

export interface TopicRow {
	clusterId: number;
	label: string;
	/** Top terms of the centroid, most weighted first. */
	terms: string[];
	/** null when suppressed: 1–4 complaints of the topic in one kab/kota (privacy.ts) */
	n: number | null;
	/** n / complaints with a topic under the filters; null when n is suppressed. */
	share: number | null;
	/** Complaints per month over `months` (empty months 0); empty when n is suppressed. */
	monthly: number[];
	/** None when n is suppressed. */
	examples: TopicExample[];
}

export interface ThemeRow {
	theme: string;
	/** null when suppressed, as TopicRow.n */
	n: number | null;
	/** n / all complaints under the filters (a complaint can carry several themes). */
	share: number | null;
	monthly: number[];
}

type MonthRow = { key: string | number; month: string; n: number };
const MonthRowSchema = z.object({ key: z.union([z.string(), z.number()]), month: z.string(), n: z.number().int() });

/** Month span of the rows and each key's dense series over it. */
function densify(rows: readonly MonthRow[]): { months: string[]; series: Map<string, number[]> } {
	if (rows.length === 0) return { months: [], series: new Map() };
	const sorted = rows.map((r) => r.month).sort();
	const months = monthsBetween(sorted[0]!, sorted.at(-1)!);
	const index = new Map(months.map((m, i) => [m, i]));
	const series = new Map<string, number[]>();
	for (const r of rows) {
		const key = String(r.key);
		let s = series.get(key);
		if (!s) series.set(key, (s = Array(months.length).fill(0)));
		s[index.get(r.month)!] = r.n;
	}
	return { months, series };
}

/** The clusters under the filters, largest first, with trend and examples; labels in `lang` (a theme's name is translated). */
export async function topicClusters(
	f: Partial<Filters>,
	lang: Lang = 'id'
): Promise<{ months: string[]; assigned: number; rows: TopicRow[] }> {
	const p = withFilters(f);
	const [clusters, monthly, examples] = await Promise.all([
		query(CLUSTERS_SQL, p, ClusterRow),
		query(CLUSTER_MONTHLY_SQL, p, MonthRowSchema),
		query(EXAMPLES_SQL, withFilters(f, { per: EXAMPLES_PER_TOPIC }), ExampleRow)
	]);
	const { months, series } = densify(monthly);
	const assigned = clusters.reduce((s, c) => s + c.n, 0);
	const byCluster = new Map<number, TopicExample[]>();
	for (const { cluster_id, ...e } of examples) byCluster.set(cluster_id, [...(byCluster.get(cluster_id) ?? []), e]);
	const rows = clusters.map((c) => {
		const n = topicCellCount(c.n, f);
		return {
			clusterId: c.cluster_id,
			label: lang === 'en' && c.label_en ? c.label_en : c.label,
			terms: (JSON.parse(c.top_terms) as { term: string }[]).map((t) => t.term),
			n,
			share: n !== null && assigned ? n / assigned : null,
			monthly: n === null ? [] : (series.get(String(c.cluster_id)) ?? Array(months.length).fill(0)),
			examples: n === null ? [] : (byCluster.get(c.cluster_id) ?? [])
		};
	});
	return { months, assigned, rows };
}

/** The policy themes under the filters, most frequent first, with their monthly trend. */
export async function topicThemes(f: Partial<Filters>): Promise<{ months: string[]; total: number; rows: ThemeRow[] }> {
	const p = withFilters(f);
	const [themes, monthly, [total]] = await Promise.all([
		query(THEMES_SQL, p, z.object({ theme: z.string(), n: z.number().int() })),
		query(THEME_MONTHLY_SQL, p, MonthRowSchema),
		query(TOTAL_SQL, p, z.object({ n: z.number().int() }))
	]);
	const { months, series } = densify(monthly);
	const n = total?.n ?? 0;
	return {
		months,
		total: n,
		rows: themes.map((t) => {
			const shown = topicCellCount(t.n, f);
			return {
				theme: t.theme,
				n: shown,
				share: shown !== null && n ? shown / n : null,
				monthly: shown === null ? [] : (series.get(t.theme) ?? Array(months.length).fill(0))
			};
		})
	};
}

// Regions by volume of complaints with a topic; provinces, or kab/kota when a region is selected.
const HEATMAP_SQL = `
	WITH j AS (
		SELECT CASE WHEN $byRegency THEN c.regency_code ELSE c.province_code END AS code, ct.cluster_id
		FROM complaint_topics ct JOIN (${LIVE}) c USING (tracking_id)
	),
	top AS (
		SELECT code, count(*) AS total FROM j WHERE code IS NOT NULL GROUP BY code ORDER BY total DESC, code LIMIT $top
	)
	SELECT top.code, coalesce(r.short_name, top.code) AS name, top.total::INTEGER AS total, j.cluster_id, count(*)::INTEGER AS n
	FROM j JOIN top USING (code) LEFT JOIN regions r ON r.code = top.code
	GROUP BY ALL ORDER BY total DESC, code, cluster_id`;
const HeatRow = z.object({
	code: z.string(),
	name: z.string(),
	total: z.number().int(),
	cluster_id: z.number().int(),
	n: z.number().int()
});

const HEATMAP_REGIONS = 15;

export interface HeatmapCell {
	code: string;
	name: string;
	clusterId: number;
	/** null when suppressed: 1–4 complaints of a topic in one kab/kota (privacy.ts) */
	n: number | null;
	/** n / the region's complaints with a topic; null when n is suppressed. */
	share: number | null;
}

/** Topic × region counts: the top regions by volume (provinces; kab/kota inside a selected region), every topic. */
export async function topicHeatmap(
	f: Partial<Filters>,
	clusterIds: readonly number[]
): Promise<{ level: RegionLevel; regions: { code: string; name: string; total: number }[]; cells: HeatmapCell[] }> {
	const level: RegionLevel = f.region ? 'regency' : 'province';
	const rows = await query(HEATMAP_SQL, withFilters(f, { byRegency: level === 'regency', top: HEATMAP_REGIONS }), HeatRow);
	const regions = [...new Map(rows.map((r) => [r.code, { code: r.code, name: r.name, total: r.total }])).values()];
	const count = new Map(rows.map((r) => [`${r.code}|${r.cluster_id}`, r.n]));
	const cells = regions.flatMap((g) =>
		clusterIds.map((id) => {
			const n = count.get(`${g.code}|${id}`) ?? 0;
			// kab/kota cells of 1–4 could point at a person; province cells are coarse enough, unless a
			// kecamatan or agency filter makes every cell finer.
			const shown = level === 'regency' || isFineCell(f) ? suppressSmall(n) : n;
			return { code: g.code, name: g.name, clusterId: id, n: shown, share: shown === null ? null : n / g.total };
		})
	);
	return { level, regions, cells };
}

const SPIKES_SQL = `
	WITH latest AS (SELECT date_trunc('month', max(created_at)) AS m FROM complaints WHERE status <> 'dihapus')
	SELECT s.theme, s.regency_code, coalesce(r.short_name, s.regency_code) AS regency_name, p.short_name AS province_name,
		strftime(s.start_month, '%Y-%m') AS start, strftime(s.peak_month, '%Y-%m') AS peak, strftime(s.end_month, '%Y-%m') AS "end",
		s.peak_count, s.peak_baseline, s.ratio, s.excess, s.end_month >= latest.m AS ongoing
	FROM topic_spikes s CROSS JOIN latest
	LEFT JOIN regions r ON r.code = s.regency_code
	LEFT JOIN regions p ON p.code = r.province_code
	WHERE ($region IS NULL OR s.regency_code = $region OR r.province_code = $region)
		AND ($scope IS NULL OR s.regency_code = $scope OR r.province_code = $scope)
		AND ($start IS NULL OR s.end_month >= date_trunc('month', $start::TIMESTAMP))
		AND ($end IS NULL OR s.start_month < $end::TIMESTAMP)
	ORDER BY s.excess DESC, s.start_month DESC, s.theme, s.regency_code`;
const SpikeRow = z.object({
	theme: z.string(),
	regency_code: z.string(),
	regency_name: z.string(),
	province_name: z.string().nullable(),
	start: z.string(),
	peak: z.string(),
	end: z.string(),
	peak_count: z.number().int(),
	peak_baseline: z.number(),
	ratio: z.number(),
	excess: z.number(),
	ongoing: z.boolean().nullable()
});
export type SpikeRow = z.infer<typeof SpikeRow>;

/**
 * Stored theme × kab/kota spikes overlapping the period, in the region; largest excess first (the
 * story, not the latest blip). A spike whose peak is a small kab/kota cell (core/privacy.ts) is
 * left out: it would show the count.
 */
export async function topicSpikes(f: Partial<Filters>): Promise<readonly SpikeRow[]> {
	const { start, end, region, scope } = withFilters(f);
	const rows = await query(SPIKES_SQL, { start: start ?? null, end: end ?? null, region: region ?? null, scope: scope ?? null }, SpikeRow);
	return rows.filter((s) => s.peak_count >= MIN_SHOWN_COUNT);
}
