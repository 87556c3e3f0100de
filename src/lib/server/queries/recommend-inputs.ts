// The rows the recommendation rules read (src/lib/recommend/inputs.ts) for one area and month.
// Each query is bounded by a date window (the month, 12 or 24 months, or the theme series' 26).
// Region statistics, channel counts, deadline facts and the backlog are computed for every area
// at once and depend only on the month, so a briefing batch over all 552 regions runs them once
// per month (query() memoises); only the theme series are queried per area.
import { z } from 'zod';
import type { RecommendInputs, ThemeSeries } from '$lib/recommend/inputs';
import { monthAfter, monthsBetween, shiftMonth } from '$lib/core/month';
import { query, queryOne } from '../db';
import { requirementSql } from '$lib/core/fields';
import { col, metricCounts, METRICS } from '$lib/core/metrics';
import { ROW_CONDITIONS } from '$lib/core/rollup.server';
import { AREA_LEVELS, AUTHORITIES, REGION_LEVELS, type Area, type Authority } from '$lib/core/vocab';
import { DEADLINE_CTE } from './agencies';
import { RESOLVED_SQL, SCOPE_WHERE, scopeParams, withFilters } from './filter-sql';

/** Months in the theme series: the spike baseline (up to 12, config.ts) plus last season ±1 (13) and the month. */
export const SERIES_MONTHS = 26;

const AREA_WHERE = `($region IS NULL OR province_code = $region OR regency_code = $region)`;

// Unscoped for every role: the peer medians a region's own recommendations compare with. Only
// the area's own figures and one median per peer band reach a page (rules/low-reporting.ts).
// Only regions the sources cover (core/coverage.ts): an uncovered region is no finding and no peer.
const REGIONS_SQL = `/* unscoped: peer baselines, no other region is shown */
	WITH c AS (
		SELECT province_code, regency_code, created_at, status, verified_at
		FROM complaints WHERE created_at >= $start::TIMESTAMP AND created_at < $end::TIMESTAMP
	),
	agg AS (
		SELECT CASE WHEN grouping(regency_code) = 0 THEN regency_code ELSE province_code END AS code,
			count(*)::INTEGER AS n12,
			count(*) FILTER (WHERE created_at >= $ystart::TIMESTAMP)::INTEGER AS n_ytd,
			count(*) FILTER (WHERE status IN ('dihapus', 'arsip') AND verified_at IS NULL)::INTEGER AS removed
		FROM c GROUP BY GROUPING SETS ((province_code), (regency_code))
	)
	SELECT r.code, r.level, r.short_name AS name, r.province_code,
		ntile(4) OVER (PARTITION BY r.level ORDER BY cov.population NULLS FIRST, r.code)::INTEGER AS band,
		cov.population AS population,
		coalesce(agg.n12, 0)::INTEGER AS n12, coalesce(agg.n_ytd, 0)::INTEGER AS n_ytd,
		coalesce(agg.removed, 0)::INTEGER AS removed, t.target::INTEGER AS target
	FROM regions r
	JOIN coverage cov ON cov.code = r.code AND (cov.level = 'regency' OR cov.whole)
	LEFT JOIN agg ON agg.code = r.code
	LEFT JOIN region_targets t ON t.region_code = r.code AND t.year = $year
	ORDER BY r.code`;

const RegionRow = z.object({
	code: z.string(),
	level: z.enum(REGION_LEVELS),
	name: z.string(),
	province_code: z.string(),
	band: z.number().int(),
	population: z.number().nullable(),
	n12: z.number().int(),
	n_ytd: z.number().int(),
	removed: z.number().int(),
	target: z.number().int().nullable()
});

const CHANNELS_SQL = `/* unscoped: the national channel mix the area's is compared with */
	SELECT CASE WHEN grouping(regency_code) = 0 THEN regency_code ELSE province_code END AS code, channel, sum(n)::INTEGER AS n
	FROM monthly_rollup WHERE grain = 'channel' AND created_at >= $start::TIMESTAMP AND created_at < $end::TIMESTAMP
	GROUP BY GROUPING SETS ((province_code, channel), (regency_code, channel))
	HAVING code IS NOT NULL
	ORDER BY code, channel`;

const ChannelRow = z.object({ code: z.string(), channel: z.string(), n: z.number().int() });

// Rows per area level of the month-wide queries below (code NULL for the nation). Every area's
// figures come from one query per month, shared (memoised by query()) by all 552 areas of a
// briefing batch.
const LEVEL_OF_ROW = `CASE WHEN grouping(regency_code) = 0 THEN 'regency' WHEN grouping(province_code) = 0 THEN 'province' ELSE 'national' END`;
const CODE_OF_ROW = `CASE WHEN grouping(regency_code) = 0 THEN regency_code WHEN grouping(province_code) = 0 THEN province_code END`;
// Complaints without a province or kab/kota belong to no such area (only to the nation).
const KNOWN_AREA = `lvl = 'national' OR code IS NOT NULL`;

// Complaints filed in the month, per area, OPD type and authority, and per area in total. From the
// complaints, not the rollup: the rollup's OPD slice has no authority. One month of complaints. Each
// deadline over the complaints whose files provide its dates (core/metrics.ts), so a source without
// them yields nothing due, and no finding.
const DEADLINES_SQL = `
	WITH ${DEADLINE_CTE}
	SELECT ${LEVEL_OF_ROW} AS lvl, ${CODE_OF_ROW} AS code, grouping(opd_type) = 1 AS total, opd_type, agency_authority AS authority,
		${metricCounts(['breach3Rate', 'breach5Rate'], ROW_CONDITIONS)}
	FROM f GROUP BY GROUPING SETS ((opd_type, agency_authority), (), (province_code, opd_type, agency_authority), (province_code),
		(regency_code, opd_type, agency_authority), (regency_code))
	HAVING ${KNOWN_AREA}`;

const DeadlineRow = z
	.object({
		lvl: z.enum(AREA_LEVELS),
		code: z.string().nullable(),
		total: z.boolean(),
		opd_type: z.string().nullable(),
		authority: z.enum(Object.keys(AUTHORITIES) as [Authority, ...Authority[]]).nullable()
	})
	.catchall(z.number());

// "Resolved by time T": closed before T, or a closing status without a closing date. Never NULL,
// so NOT resolvedBy(...) keeps the open ones.
const resolvedBy = (t: string) => `(CASE WHEN closed_at IS NULL THEN ${RESOLVED_SQL} ELSE closed_at < ${t} END)`;
const OPEN_AT = (t: string) => `status NOT IN ('dihapus', 'arsip') AND NOT ${resolvedBy(t)}`;

const BACKLOG_SQL = `
	WITH c AS (
		SELECT province_code, regency_code, created_at, closed_at, status FROM complaints
		WHERE created_at >= $before_start::TIMESTAMP AND created_at < $end::TIMESTAMP AND ${SCOPE_WHERE}
			-- Open or closed is only known where the status or the closing date is in the data.
			AND ${requirementSql(METRICS.unresolved60Rate.requires)}
	)
	SELECT ${LEVEL_OF_ROW} AS lvl, ${CODE_OF_ROW} AS code,
		count(*) FILTER (WHERE created_at >= $start::TIMESTAMP AND created_at < $end::TIMESTAMP - INTERVAL 60 DAY)::INTEGER AS old60,
		count(*) FILTER (WHERE created_at >= $start::TIMESTAMP AND created_at < $end::TIMESTAMP - INTERVAL 60 DAY
			AND ${OPEN_AT('$end::TIMESTAMP')})::INTEGER AS unresolved60,
		count(*) FILTER (WHERE created_at >= $start::TIMESTAMP AND ${OPEN_AT('$end::TIMESTAMP')})::INTEGER AS open_now,
		count(*) FILTER (WHERE created_at < $before_end::TIMESTAMP AND ${OPEN_AT('$before_end::TIMESTAMP')})::INTEGER AS open_before
	FROM c GROUP BY GROUPING SETS ((), (province_code), (regency_code))
	HAVING ${KNOWN_AREA}`;

const BacklogRow = z.object({
	lvl: z.enum(AREA_LEVELS),
	code: z.string().nullable(),
	old60: z.number().int(),
	unresolved60: z.number().int(),
	open_now: z.number().int(),
	open_before: z.number().int()
});

const HAS_THEMES_SQL = `SELECT count(*)::INTEGER AS n FROM duckdb_tables() WHERE table_name = 'complaint_themes'`;

// Theme × kab/kota × month, plus every complaint per kab/kota × month (theme NULL) as the share's
// denominator. Deleted complaints are left out, as in the topic pipeline.
const THEMES_SQL = `
	WITH c AS (
		SELECT tracking_id, regency_code, strftime(created_at, '%Y-%m') AS month FROM complaints
		WHERE status <> 'dihapus' AND regency_code IS NOT NULL
			AND created_at >= $start::TIMESTAMP AND created_at < $end::TIMESTAMP AND ${AREA_WHERE} AND ${SCOPE_WHERE}
	)
	SELECT t.theme, c.regency_code, c.month, count(*)::INTEGER AS n
	FROM complaint_themes t JOIN c USING (tracking_id) GROUP BY ALL
	UNION ALL
	SELECT NULL, regency_code, month, count(*)::INTEGER FROM c GROUP BY ALL`;

const ThemeRow = z.object({ theme: z.string().nullable(), regency_code: z.string(), month: z.string(), n: z.number().int() });

const AREA_NAME_SQL = `SELECT short_name AS name, level FROM regions WHERE code = $code`;

/** The area's display name and level; null for an unknown region code. */
export async function areaInfo(area: Area, nationalName: string): Promise<RecommendInputs['area'] | null> {
	if (area.level === 'national') return { level: 'national', code: null, name: nationalName };
	const rows = await query(AREA_NAME_SQL, { code: area.code }, z.object({ name: z.string(), level: z.enum(REGION_LEVELS) }));
	const r = rows[0];
	if (!r) return null;
	return { level: r.level, code: area.code, name: r.name };
}

/**
 * Everything the rules need for `area` (already resolved by areaInfo) and `month` ('YYYY-MM');
 * the backlog is compared with `lookbackMonths` earlier (thresholds.json backlog.lookbackMonths).
 */
export async function recommendInputs(area: RecommendInputs['area'], month: string, lookbackMonths = 3): Promise<RecommendInputs> {
	const from12 = shiftMonth(month, -11);
	const end = monthAfter(month);
	const region = area.code;
	const lookback = shiftMonth(month, -lookbackMonths);
	const seriesFrom = shiftMonth(month, -(SERIES_MONTHS - 1));
	const window = { start: `${from12}-01`, end };
	const [regions, channels, deadlines, backlog, hasThemes] = await Promise.all([
		query(REGIONS_SQL, { ...window, ystart: `${month.slice(0, 4)}-01-01`, year: Number(month.slice(0, 4)) }, RegionRow),
		query(CHANNELS_SQL, window, ChannelRow),
		query(DEADLINES_SQL, withFilters({ from: month, to: month }), DeadlineRow),
		query(
			BACKLOG_SQL,
			{ ...window, before_start: `${shiftMonth(lookback, -11)}-01`, before_end: monthAfter(lookback), ...scopeParams() },
			BacklogRow
		),
		queryOne(HAS_THEMES_SQL, {}, z.object({ n: z.number().int() }))
	]);
	const mine = (r: { lvl: string; code: string | null }) =>
		region === null ? r.lvl === 'national' : r.lvl !== 'national' && r.code === region;
	const b = backlog.find(mine) ?? { old60: 0, unresolved60: 0, open_now: 0, open_before: 0 };
	const months = monthsBetween(seriesFrom, month);
	let themes: ThemeSeries[] | null = null;
	if (hasThemes.n > 0) {
		const rows = await query(THEMES_SQL, { start: `${seriesFrom}-01`, end, region, ...scopeParams() }, ThemeRow);
		const index = new Map(months.map((m, i) => [m, i]));
		const series = new Map<string, ThemeSeries>();
		for (const r of rows) {
			const key = `${r.theme ?? ''}\u0000${r.regency_code}`;
			let s = series.get(key);
			if (!s) series.set(key, (s = { theme: r.theme, regencyCode: r.regency_code, counts: months.map(() => 0) }));
			s.counts[index.get(r.month)!] = r.n;
		}
		themes = [...series.values()];
	}
	return {
		area,
		month,
		from12,
		months,
		regions: regions.map((r) => ({
			code: r.code,
			level: r.level,
			name: r.name,
			provinceCode: r.province_code,
			band: r.band,
			population: r.population,
			n12: r.n12,
			nYtd: r.n_ytd,
			target: r.target,
			removedUnverified: r.removed
		})),
		channels: [...channels],
		deadlines: deadlines.filter(mine).map((d) => ({
			opdType: d.total ? null : d.opd_type,
			authority: d.total ? null : d.authority,
			due3: d[col('breach3Rate', 'den')]!,
			breach3: d[col('breach3Rate', 'num')]!,
			due5: d[col('breach5Rate', 'den')]!,
			breach5: d[col('breach5Rate', 'num')]!
		})),
		backlog: { old60: b.old60, unresolved60: b.unresolved60, openNow: b.open_now, openBefore: b.open_before },
		themes
	};
}
