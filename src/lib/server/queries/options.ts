// Choices for the global filter bar: regions (provinces and their kab/kota) and the top-level
// categories present in the warehouse, independent of the filters themselves; and, for a chosen
// kab/kota, its kecamatan (when the loaded files give them) and the agencies its complaints went to.
import { z } from 'zod';
import { REGION_LEVELS } from '$lib/core/vocab';
import { query } from '../db';
import { SCOPE_WHERE, scopeParams } from './filter-sql';

const RegionRow = z.object({
	code: z.string(),
	level: z.enum(REGION_LEVELS),
	short_name: z.string(),
	province_code: z.string(),
	population: z.number().nullable()
});
export type RegionOption = z.infer<typeof RegionRow>;

export function regionList(): Promise<readonly RegionOption[]> {
	return query(
		`SELECT code, level, short_name, province_code, population::DOUBLE AS population FROM regions ORDER BY province_code, level DESC, code`,
		{},
		RegionRow
	);
}

/**
 * Distinct as the browser sees them: two stored values that differ only by a character the
 * DuckDB client drops (a leading U+FEFF, in warehouses loaded before the ETL removed them)
 * arrive equal, and two equal keys break the filter bar on every page.
 */
export function categoryList(): Promise<readonly string[]> {
	return query(
		`SELECT /* unscoped: the category vocabulary, no counts */ DISTINCT category_top AS c FROM monthly_rollup WHERE grain = 'category' AND nullif(trim(category_top), '') IS NOT NULL ORDER BY 1`,
		{},
		z.object({ c: z.string() })
	).then((rows) => [...new Set(rows.map((r) => r.c))]);
}

/** The region with this code, or undefined. */
export async function regionByCode(code: string): Promise<RegionOption | undefined> {
	return (await regionList()).find((r) => r.code === code);
}

/**
 * The canonical agency names of the complaints of kab/kota `regency` the user may see, by name,
 * and whether any of them has a kecamatan: the filter bar's agency and kecamatan choices.
 */
export async function regencyChoices(regency: string): Promise<{ agencies: readonly string[]; hasDistricts: boolean }> {
	const rows = await query(
		`SELECT agency_name AS name, bool_or(district_code IS NOT NULL) AS d FROM complaints
		WHERE regency_code = $regency AND ${SCOPE_WHERE} GROUP BY 1 ORDER BY 1 NULLS LAST`,
		{ regency, ...scopeParams() },
		z.object({ name: z.string().nullable(), d: z.boolean() })
	);
	return { agencies: rows.flatMap((r) => (r.name ? [r.name] : [])), hasDistricts: rows.some((r) => r.d) };
}
