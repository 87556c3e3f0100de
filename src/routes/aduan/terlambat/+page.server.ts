import { filterQuery } from '$lib/filters';
import { requestLang } from '$lib/server/lang';
import { warehouseAsOfEvent } from '$lib/server/queries/asof';
import { CSV_LIMIT } from '$lib/server/queries/complaints';
import { lateGroups, lateList, lateSummary } from '$lib/server/queries/late';
import { filtersOr400 } from '$lib/server/request';
import type { PageServerLoad } from './$types';

// The OPDs with the most late complaints first; the list shows the oldest of the first ones, or,
// for one agency, up to LIST_ONE of its own. The CSV holds every late complaint.
const GROUPS_SHOWN = 50;
const LIST_GROUPS = 20;
const LIST_PER_GROUP = 10;
const LIST_ONE = 500;

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const filters = filtersOr400(event.url, lang);
	const one = filters.agency !== null;
	const [summary, groups, rows, asOf] = await Promise.all([
		lateSummary(filters),
		lateGroups(filters, GROUPS_SHOWN),
		lateList(filters, one ? 1 : LIST_GROUPS, one ? LIST_ONE : LIST_PER_GROUP),
		warehouseAsOfEvent()
	]);
	return {
		lang,
		filters,
		summary,
		groups: groups.map((g) => ({ ...g, href: g.agency ? `/aduan/terlambat${filterQuery({ ...filters, agency: g.agency })}` : null })),
		rows,
		asOf,
		csvLimit: CSV_LIMIT,
		perGroup: one ? LIST_ONE : LIST_PER_GROUP,
		listGroups: one ? 1 : LIST_GROUPS,
		allHref: `/aduan${filterQuery(filters)}`,
		csvHref: `/api/terlambat.csv${filterQuery(filters)}`,
		detailQuery: filterQuery(filters)
	};
};
