// The kecamatan of a kab/kota (the `region` filter, which must be one): the same rows as the table
// on /wilayah/[code], the complaints whose kecamatan matched none last. Per 100k is "tidak
// tersedia" (the reference data hold no kecamatan population); when no loaded file gives a
// kecamatan, each kecamatan's figures are "tidak tersedia" (not 0) and the unmatched row still
// counts the complaints.
import { error } from '@sveltejs/kit';
import { filterSuffix } from '$lib/filters';
import { translate } from '$lib/i18n';
import { download } from '$lib/server/export/download';
import { districtTable } from '$lib/server/export/tables';
import { districtBreakdown } from '$lib/server/queries/districts';
import { filtersOr400 } from '$lib/server/request';

export const GET = download(districtTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	const regency = filters.region;
	if (!regency?.includes('.')) error(400, { code: 'bad_filter', message: translate(lang, 'district.needsRegency') });
	const b = await districtBreakdown(filters, regency);
	const rows = [...b.rows].sort(
		(x, y) => +(x.code === null) - +(y.code === null) || y.n - x.n || (x.name ?? '').localeCompare(y.name ?? '')
	);
	return {
		filename: `${districtTable.name}${filterSuffix({ ...filters, district: null })}`,
		filters: { ...filters, district: null },
		rows: rows.map((row) => ({ row, unknown: b.districtKnown === 0 }))
	};
});
