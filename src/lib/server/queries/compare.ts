// Queries behind /banding: the same figures for 2–6 subjects side by side (regions, OPD types or
// agencies; $lib/compare.ts), each as the page that lists it computes them, so a column equals the
// row it was picked from:
// - a region as /wilayah and the overview: counts from the monthly rollup with the region as the
//   region filter (undated complaints count when no period is chosen), the median from the
//   complaints, per 100k over the covered population (core/coverage.ts);
// - an OPD type or an agency as /instansi: over the complaints under the filters (region included)
//   of that type or name.
// Every figure is a core/metrics.ts declaration ("tidak tersedia" when the data lacks its fields).
// Also per subject: complaints per month, the same figures a year earlier (change.ts), and the
// policy-theme mix with small kab/kota cells suppressed (core/privacy.ts).
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import type { Selection, SubjectKind } from '$lib/compare';
import { yearOnYear, type MonthPeriod } from '$lib/change';
import { complement, measured, metricCounts, metricSums, NOTHING, type Measured, type MetricId } from '$lib/core/metrics';
import { monthsBetween } from '$lib/core/month';
import { topicCellCount } from '$lib/core/privacy';
import { ROW_CONDITIONS } from '$lib/core/rollup.server';
import type { Filters } from '$lib/filters';
import { translate, type Lang } from '$lib/i18n';
import { currentScope } from '../auth/context';
import { covers } from '../auth/scope';
import { query } from '../db';
import { DEADLINE_CTE } from './agencies';
import { FILTER_WHERE, ROLLUP_FROM, scopeParams, withFilters, withRollupFilters } from './filter-sql';
import { regionList } from './options';
import { comparisonPeriods, type WarehouseFacts } from './overview';
import { topicFit } from './topics';

const RATES = [
	'followUpRate',
	'completionRate',
	'breach3Rate',
	'breach5Rate',
	'unresolved60Rate',
	'backlog'
] as const satisfies readonly MetricId[];

// Per month (bucket 'YYYY-MM'; NULL for undated complaints) and for the whole period (bucket 'all').
const bucket = (col: string) => `CASE WHEN grouping(${col}) = 1 THEN 'all' ELSE strftime(${col}, '%Y-%m') END AS bucket`;

const REGION_SQL = `
	SELECT ${bucket('created_at')}, ${metricSums(RATES)},
		(SELECT sum(population)::DOUBLE FROM coverage WHERE code = $region) AS population
	FROM ${ROLLUP_FROM} WHERE grain = $grain AND ${FILTER_WHERE}
	GROUP BY GROUPING SETS ((created_at), ())`;

const REGION_MEDIAN_SQL = `
	SELECT ${metricCounts(['medianResponseDays'], ROW_CONDITIONS, { medianResponseDays: 'response_s' })}
	FROM complaints WHERE created_at IS NOT NULL AND ${FILTER_WHERE}`;

/** An OPD type ($subject_opd) or an agency ($subject_agency), the other NULL. */
const AGENCY_WHERE = `($subject_opd::VARCHAR IS NULL OR opd_type = $subject_opd) AND ($subject_agency::VARCHAR IS NULL OR agency_name = $subject_agency)`;

const AGENCY_SQL = `
	WITH ${DEADLINE_CTE}
	SELECT ${bucket('m')}, ${metricCounts([...RATES, 'medianResponseDays'], ROW_CONDITIONS, { medianResponseDays: 'response_s' })},
		NULL::DOUBLE AS population
	FROM (SELECT *, date_trunc('month', created_at) AS m FROM f WHERE ${AGENCY_WHERE})
	GROUP BY GROUPING SETS ((m), ())`;

const FigureRow = z
	.object({ bucket: z.string().nullable(), n: z.number().int(), population: z.number().nullable() })
	.catchall(z.number().nullable());

/** One subject's figures over a period. */
export interface Figures {
	total: number;
	/** Covered population (regions only; null when the region is not covered or for agencies). */
	population: number | null;
	per100k: number | null;
	followUpRate: Measured;
	completionRate: Measured;
	medianResponseDays: Measured;
	breach3Rate: Measured;
	breach5Rate: Measured;
	/** 1 − the breach rates: deadline compliance, as /wilayah shows it. */
	comply3: Measured;
	comply5: Measured;
	unresolved60Rate: Measured;
	backlog: Measured;
}

export interface Subject {
	kind: SubjectKind;
	key: string;
	/** Display name: a region's short name, an agency's name; an OPD type's code (the page labels it). */
	name: string;
}

/** The subject's own condition: the region as the region filter, else an OPD type or agency name. */
const subjectOf = (s: Subject) => ({
	subject_opd: s.kind === 'opd' ? s.key : null,
	subject_agency: s.kind === 'agency' ? s.key : null
});

const subjectParams = (s: Subject, f: Partial<Filters>) =>
	s.kind === 'region' ? withRollupFilters({ ...f, region: s.key }, 'area') : withFilters(f, subjectOf(s));

/** The subject's figures for the period of `f`, and its complaints per month. */
async function figuresOf(s: Subject, f: Partial<Filters>): Promise<{ figures: Figures; months: Map<string, number> }> {
	const p = subjectParams(s, f);
	const [rows, median] = await Promise.all([
		query(s.kind === 'region' ? REGION_SQL : AGENCY_SQL, p, FigureRow),
		s.kind === 'region'
			? query(REGION_MEDIAN_SQL, withFilters({ ...f, region: s.key }), FigureRow.omit({ bucket: true, population: true }))
			: null
	]);
	const whole = rows.find((r) => r.bucket === 'all') ?? { bucket: 'all', n: 0, population: null };
	const months = new Map(rows.filter((r) => r.bucket !== 'all' && r.bucket !== null).map((r) => [r.bucket!, r.n]));
	const total = whole.n;
	const population = s.kind === 'region' ? (rows[0]?.population ?? null) : null;
	const breach3Rate = measured('breach3Rate', whole);
	const breach5Rate = measured('breach5Rate', whole);
	const medianRow = median ? median[0] : whole;
	return {
		months,
		figures: {
			total,
			population,
			per100k: population ? (total / population) * 100_000 : null,
			followUpRate: measured('followUpRate', whole),
			completionRate: measured('completionRate', whole),
			// Over the dated complaints, of all the subject's complaints in view.
			medianResponseDays: medianRow ? { ...measured('medianResponseDays', medianRow), of: total } : { ...NOTHING, of: total },
			breach3Rate,
			breach5Rate,
			comply3: complement(breach3Rate),
			comply5: complement(breach5Rate),
			unresolved60Rate: measured('unresolved60Rate', whole),
			backlog: measured('backlog', whole)
		}
	};
}

const THEMES_SQL = `
	WITH c AS (
		SELECT tracking_id FROM complaints WHERE status <> 'dihapus' AND ${FILTER_WHERE} AND ${AGENCY_WHERE}
	)
	SELECT NULL::VARCHAR AS theme, count(*)::INTEGER AS n FROM c
	UNION ALL
	SELECT t.theme, count(*)::INTEGER FROM complaint_themes t JOIN c USING (tracking_id) GROUP BY 1`;

export interface ThemeShare {
	/** null when suppressed: 1–4 complaints of a theme inside one kab/kota (core/privacy.ts). */
	n: number | null;
	/** n / the subject's complaints (not deleted); null when n is suppressed. */
	share: number | null;
}

/**
 * The subject's policy themes (as /topik counts them: deleted complaints left out). A count inside
 * one kab/kota or finer may point at a person (core/privacy.ts isFineCell): a kab/kota, an OPD
 * type under a kab/kota, kecamatan or agency filter, and an agency get the small-count rule.
 */
async function themesOf(s: Subject, f: Partial<Filters>): Promise<Map<string, ThemeShare>> {
	const region = s.kind === 'region' ? s.key : (f.region ?? null);
	const p = withFilters({ ...f, region }, subjectOf(s));
	const rows = await query(THEMES_SQL, p, z.object({ theme: z.string().nullable(), n: z.number().int() }));
	const total = rows.find((r) => r.theme === null)?.n ?? 0;
	const cell = { region, district: f.district ?? null, agency: s.kind === 'agency' ? s.key : (f.agency ?? null) };
	const shown = (n: number) => topicCellCount(n, cell);
	return new Map(
		rows
			.filter((r) => r.theme !== null)
			.map((r) => {
				const n = shown(r.n);
				return [r.theme!, { n, share: n !== null && total ? n / total : null }];
			})
	);
}

interface ComparedSubject extends Subject {
	figures: Figures;
	/** Complaints per month of `Comparison.months` (0 where none). */
	monthly: number[];
	/** The figures of `Comparison.yoy`'s two periods. */
	yoy: { now: Figures; before: Figures } | null;
	/** Theme → count and share; null without a topic model. */
	themes: Map<string, ThemeShare> | null;
}

export interface Comparison {
	kind: SubjectKind;
	subjects: ComparedSubject[];
	/** Every month from the first with a complaint of any subject to the last. */
	months: string[];
	/** The periods a year-on-year change compares (the overview's current period and a year before); null for a period over 12 months. */
	yoy: { current: MonthPeriod; previous: MonthPeriod } | null;
	/** The themes to show, most frequent over the subjects first; null without a topic model. */
	themes: string[] | null;
}

/** The figures of every subject, side by side, under the filters `f`. */
export async function compare(
	subjects: readonly Subject[],
	f: Partial<Filters>,
	data: Pick<WarehouseFacts, 'last_month' | 'complete_month'>
): Promise<Comparison> {
	const periods = comparisonPeriods({ from: f.from ?? null, to: f.to ?? null }, data);
	const yoy = periods && yearOnYear(periods.current);
	const fit = await topicFit();
	const rows = [];
	// One subject after another: the connection runs one query at a time anyway.
	for (const s of subjects) {
		const whole = await figuresOf(s, f);
		const yoyFigures = yoy
			? {
					now: periods?.selected ? whole.figures : (await figuresOf(s, { ...f, ...yoy.current })).figures,
					before: (await figuresOf(s, { ...f, ...yoy.previous })).figures
				}
			: null;
		rows.push({ ...s, whole, yoy: yoyFigures, themes: fit ? await themesOf(s, f) : null });
	}
	const present = rows.flatMap((r) => [...r.whole.months.keys()]).sort();
	const months = present.length ? monthsBetween(present[0]!, present.at(-1)!) : [];
	let themes: string[] | null = null;
	if (fit) {
		const weight = new Map<string, number>();
		for (const r of rows) for (const [t, v] of r.themes!) weight.set(t, (weight.get(t) ?? 0) + (v.share ?? 0));
		themes = [...weight].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t);
	}
	return {
		kind: subjects[0]?.kind ?? 'region',
		subjects: rows.map((r) => ({
			kind: r.kind,
			key: r.key,
			name: r.name,
			figures: r.whole.figures,
			monthly: months.map((m) => r.whole.months.get(m) ?? 0),
			yoy: r.yoy,
			themes: r.themes
		})),
		months,
		yoy,
		themes
	};
}

const AGENCY_EXISTS_SQL = `
	SELECT count(*)::INTEGER AS n FROM complaints
	WHERE agency_name = $agency AND ($region IS NULL OR province_code = $region OR regency_code = $region)
		AND ($scope IS NULL OR province_code = $scope OR regency_code = $scope)`;

/**
 * The selected subjects with their names, or the answer other routes give: 400 for a region code
 * no region has, 403 for a region outside the user's scope (auth/scope.ts), 404 for an agency with
 * no complaint in the user's scope and the region filter.
 */
export async function subjectsOr4xx(sel: Selection | null, f: Partial<Filters>, lang: Lang): Promise<Subject[]> {
	if (!sel) return [];
	if (sel.kind === 'region') {
		const regions = new Map((await regionList()).map((r) => [r.code, r]));
		const scope = currentScope();
		return sel.keys.map((code) => {
			const r = regions.get(code);
			if (!r) error(400, { code: 'bad_filter', message: translate(lang, 'filter.badValue', { param: 'r', value: code }) });
			if (!covers(scope, code)) error(403, { code: 'region_out_of_scope', message: translate(lang, 'auth.outOfScope') });
			return { kind: 'region', key: code, name: r.short_name };
		});
	}
	if (sel.kind === 'opd') return sel.keys.map((key) => ({ kind: 'opd', key, name: key }));
	const out: Subject[] = [];
	for (const name of sel.keys) {
		const [row] = await query(
			AGENCY_EXISTS_SQL,
			{ agency: name, region: f.region ?? null, ...scopeParams() },
			z.object({ n: z.number().int() })
		);
		if (!row?.n) error(404, { code: 'not_found', message: translate(lang, 'compare.agencyNotFound', { name: name.slice(0, 80) }) });
		out.push({ kind: 'agency', key: name, name });
	}
	return out;
}
