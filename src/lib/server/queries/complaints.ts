// Queries behind /aduan: the filtered complaint list, 25 per page, newest first, optionally
// narrowed by a text search (core/search.ts: words in the title or body, never a confidential
// complaint's), and one complaint by tracking id (within the user's scope). Title and body are withheld in SQL (NULL) for confidential
// complaints (is_confidential, "Rahasia"), so no page or CSV can show them. The warehouse holds
// no reporter identity (only a salted hash, never selected here).
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { SEARCH_WHERE, searchParams, type SearchTerms } from '$lib/core/search';
import { query, queryStream } from '../db';
import { FILTER_WHERE, ROLLUP_FROM, SCOPE_WHERE, scopeParams, withFilters, withRollupFilters } from './filter-sql';

export const PAGE_SIZE = 25;
// Downloads stream (queryStream), so the cap is about file size, not server memory.
export const CSV_LIMIT = 100_000;

const COLUMNS = `tracking_id, strftime(created_at, '%Y-%m-%d %H:%M') AS created_at, category_top, channel, status,
	province_code, province_name, regency_code, regency_name, opd_type, agency_name, is_confidential,
	CASE WHEN is_confidential THEN NULL ELSE title END AS title`;

const LIST_SQL = `
	SELECT ${COLUMNS}
	FROM complaints WHERE ${FILTER_WHERE} AND ${SEARCH_WHERE}
	ORDER BY created_at DESC NULLS LAST, tracking_id
	LIMIT $limit OFFSET $offset`;

// The total for the pager: from the monthly rollup, whose slices cover every filter.
const COUNT_SQL = `SELECT coalesce(sum(n), 0)::INTEGER AS total FROM ${ROLLUP_FROM} WHERE grain = $grain AND ${FILTER_WHERE}`;

// A search reads every text once: the matching ids are kept (materialised), counted for the pager,
// and the page's rows fetched by id (half the time of a count and a list scanning the texts each).
const SEARCH_PAGE_SQL = `
	WITH m AS MATERIALIZED (SELECT tracking_id, created_at FROM complaints WHERE ${FILTER_WHERE} AND ${SEARCH_WHERE}),
	pg AS (SELECT tracking_id FROM m ORDER BY created_at DESC NULLS LAST, tracking_id LIMIT $limit OFFSET $offset)
	SELECT ${COLUMNS}, (SELECT count(*) FROM m)::INTEGER AS total
	FROM pg JOIN complaints USING (tracking_id)
	ORDER BY complaints.created_at DESC NULLS LAST, tracking_id`;
const SEARCH_COUNT_SQL = `SELECT count(*)::INTEGER AS total FROM complaints WHERE ${FILTER_WHERE} AND ${SEARCH_WHERE}`;

const ListRow = z.object({
	tracking_id: z.string(),
	created_at: z.string().nullable(),
	category_top: z.string().nullable(),
	channel: z.string(),
	status: z.string(),
	province_code: z.string().nullable(),
	province_name: z.string().nullable(),
	regency_code: z.string().nullable(),
	regency_name: z.string().nullable(),
	opd_type: z.string(),
	agency_name: z.string().nullable(),
	is_confidential: z.boolean(),
	title: z.string().nullable()
});
export type ComplaintListRow = z.infer<typeof ListRow>;

const Total = z.object({ total: z.number().int() });

/** One page of the list under the filters and the search `terms` (none: every complaint), with the total. */
export async function complaintPage(
	f: Partial<Filters>,
	page: number,
	terms: SearchTerms = []
): Promise<{ total: number; rows: ComplaintListRow[] }> {
	const at = { limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
	if (terms.length) {
		const found = await query(SEARCH_PAGE_SQL, withFilters(f, { ...at, ...searchParams(terms) }), ListRow.extend(Total.shape));
		// A page past the last one has no row to carry the total.
		const total = found[0]?.total ?? (await query(SEARCH_COUNT_SQL, withFilters(f, searchParams(terms)), Total))[0]!.total;
		return { total, rows: found.map(({ total: _t, ...r }) => r) };
	}
	const [countRow] = await query(COUNT_SQL, withRollupFilters(f, 'area'), Total);
	const rows = await query(LIST_SQL, withFilters(f, { ...at, ...searchParams([]) }), ListRow);
	return { total: countRow?.total ?? 0, rows: [...rows] };
}

/** Up to CSV_LIMIT complaints of the list (and search), newest first, in batches as DuckDB produces them. */
export function complaintCsvRows(f: Partial<Filters>, terms: SearchTerms = []): AsyncGenerator<ComplaintListRow[]> {
	return queryStream(LIST_SQL, withFilters(f, { limit: CSV_LIMIT, offset: 0, ...searchParams(terms) }), ListRow);
}

const DETAIL_SQL = `
	SELECT ${COLUMNS},
		CASE WHEN is_confidential THEN NULL ELSE body END AS body,
		category_path, classification, is_anonymous, district_name,
		strftime(verified_at, '%Y-%m-%d %H:%M') AS verified_at,
		strftime(dispositioned_at, '%Y-%m-%d %H:%M') AS dispositioned_at,
		strftime(first_response_at, '%Y-%m-%d %H:%M') AS first_response_at,
		strftime(closed_at, '%Y-%m-%d %H:%M') AS closed_at
	FROM complaints WHERE tracking_id = $id AND ${SCOPE_WHERE}
	LIMIT 1`;

const DetailRow = ListRow.extend({
	body: z.string().nullable(),
	category_path: z.string().nullable(),
	classification: z.string().nullable(),
	is_anonymous: z.boolean(),
	district_name: z.string().nullable(),
	verified_at: z.string().nullable(),
	dispositioned_at: z.string().nullable(),
	first_response_at: z.string().nullable(),
	closed_at: z.string().nullable()
});
export type ComplaintDetail = z.infer<typeof DetailRow>;

export async function complaintById(id: string): Promise<ComplaintDetail | undefined> {
	// Outside the user's scope the complaint does not exist for them (the page answers 404).
	return (await query(DETAIL_SQL, { id, ...scopeParams() }, DetailRow))[0];
}
