// Queries behind the kecamatan breakdown of a kab/kota page (/wilayah/[code]), its CSV and the
// filter bar's kecamatan choice: every kecamatan of the kab/kota (data/reference/districts.csv,
// Kemendagri codes) and, apart, the complaints whose kecamatan matched none, with their volume, the
// response and deadline figures declared in core/metrics.ts (each over the complaints whose files
// provide its fields, "tidak tersedia" where none does) and their most frequent policy themes
// (when the warehouse has a topic model; counts of 1–4 suppressed, core/privacy.ts). The reference
// data hold no kecamatan population, so there is no per-capita figure. Whether the loaded files
// give a kecamatan at all is the `district` field (core/fields.ts): none (the LAPOR! sample) is
// "tidak tersedia", never 31 kecamatan with 0 complaints.
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { requirementSql } from '$lib/core/fields';
import { measured, metricCounts, type Measured, type MetricId } from '$lib/core/metrics';
import { ROW_CONDITIONS } from '$lib/core/rollup.server';
import { topicCellCount } from '$lib/core/privacy';
import { query } from '../db';
import { FILTER_WHERE, withFilters } from './filter-sql';
import { topicFit } from './topics';

export const DISTRICT_METRICS = ['followUpRate', 'medianResponseDays', 'breach3Rate', 'breach5Rate'] as const satisfies readonly MetricId[];

const DISTRICT_KNOWN = requirementSql([['district']]);

// $regency is the page's kab/kota; the region filter is the same code (FILTER_WHERE binds both).
const BREAKDOWN_SQL = `
	WITH c AS (
		SELECT c.district_code, c.created_at, c.verified_at, c.first_response_at, c.status, c.wd_created, c.verify_wd, c.response_wd,
			c.response_s, c.fields, snap.wd AS wd_now, snap.t AS asof_t, c.status IN ('dihapus', 'arsip') AS removed
		FROM complaints c CROSS JOIN snapshot snap
		WHERE ${FILTER_WHERE}
	), agg AS (
		SELECT district_code, ${metricCounts(DISTRICT_METRICS, ROW_CONDITIONS, { medianResponseDays: 'response_s' })},
			count(*) FILTER (WHERE ${DISTRICT_KNOWN})::INTEGER AS district_known
		FROM c GROUP BY district_code
	)
	SELECT d.code, d.name, agg.* EXCLUDE (district_code)
	FROM districts d LEFT JOIN agg ON agg.district_code = d.code
	WHERE d.regency_code = $regency
	UNION ALL
	SELECT NULL, NULL, agg.* EXCLUDE (district_code) FROM agg WHERE district_code IS NULL
	ORDER BY 1 NULLS LAST`;

// Themes per kecamatan over the complaints the topic model reads (deleted ones left out, as on /topik).
const THEMES_SQL = `
	SELECT c.district_code AS code, t.theme, count(*)::INTEGER AS n
	FROM complaint_themes t
	JOIN (SELECT tracking_id, district_code FROM complaints WHERE status <> 'dihapus' AND district_code IS NOT NULL AND ${FILTER_WHERE}) c USING (tracking_id)
	GROUP BY ALL
	ORDER BY code, n DESC, theme`;

const Row = z
	.object({
		code: z.string().nullable(),
		name: z.string().nullable(),
		n: z.number().int().nullable(),
		district_known: z.number().int().nullable()
	})
	.catchall(z.number().nullable());

/** How many themes a kecamatan row names. */
const TOP_THEMES = 3;

export interface DistrictRow {
	/** null: the complaints whose kecamatan matched none of the kab/kota's (or was not given). */
	code: string | null;
	name: string | null;
	n: number;
	followUpRate: Measured;
	medianResponseDays: Measured;
	breach3Rate: Measured;
	breach5Rate: Measured;
	/** The most frequent policy themes (id and count, null when 1–4); null without a topic model. */
	themes: { theme: string; n: number | null }[] | null;
}

export interface DistrictBreakdown {
	/** Complaints of the kab/kota under the filters, and how many of them come from files that give a kecamatan. */
	total: number;
	districtKnown: number;
	/** Every kecamatan of the kab/kota, then the unmatched complaints (when there are any). */
	rows: DistrictRow[];
}

/** The kecamatan of kab/kota `regency` under the filters (the kecamatan filter itself left out: every one is listed). */
export async function districtBreakdown(f: Partial<Filters>, regency: string): Promise<DistrictBreakdown> {
	const within = { ...f, region: regency, district: null };
	const p = withFilters(within, { regency });
	const [rows, themes] = await Promise.all([
		query(BREAKDOWN_SQL, p, Row),
		topicFit().then((fit) =>
			fit ? query(THEMES_SQL, withFilters(within), z.object({ code: z.string(), theme: z.string(), n: z.number().int() })) : null
		)
	]);
	const byCode = new Map<string, { theme: string; n: number | null }[]>();
	for (const t of themes ?? []) {
		const list = byCode.get(t.code) ?? [];
		if (list.length < TOP_THEMES) list.push({ theme: t.theme, n: topicCellCount(t.n, { district: t.code }) });
		byCode.set(t.code, list);
	}
	const out = rows
		.filter((r) => r.code !== null || (r.n ?? 0) > 0)
		.map((r) => ({
			code: r.code,
			name: r.name,
			n: r.n ?? 0,
			followUpRate: measured('followUpRate', r),
			medianResponseDays: measured('medianResponseDays', r),
			breach3Rate: measured('breach3Rate', r),
			breach5Rate: measured('breach5Rate', r),
			themes: themes ? (r.code ? (byCode.get(r.code) ?? []) : []) : null
		}));
	return {
		total: out.reduce((s, r) => s + r.n, 0),
		districtKnown: rows.reduce((s, r) => s + (r.district_known ?? 0), 0),
		rows: out
	};
}

/** The kecamatan of a kab/kota (reference data), by name: the filter bar's choices. */
export function districtList(regency: string): Promise<readonly { code: string; name: string }[]> {
	return query(
		`SELECT code, name FROM districts WHERE regency_code = $regency ORDER BY name`,
		{ regency },
		z.object({ code: z.string(), name: z.string() })
	);
}
