// The kecamatan of a kab/kota (the `region` filter, which must be one): the same rows as the table
// on /wilayah/[code], most complaints first, the complaints whose kecamatan matched none last.
import { error } from '@sveltejs/kit';
import { filterSuffix } from '$lib/filters';
import { translate } from '$lib/i18n';
import { download } from '$lib/server/export/download';
import { districtTable } from '$lib/server/export/tables';
import { byVolume, districtBreakdown } from '$lib/server/queries/districts';
import { filtersOr400 } from '$lib/server/request';

export const GET = download(districtTable, async (event, lang) => {
	const filters = filtersOr400(event.url, lang);
	const regency = filters.region;
	if (!regency?.includes('.')) error(400, { code: 'bad_filter', message: translate(lang, 'district.needsRegency') });
	const b = await districtBreakdown(filters, regency);
	const rows = byVolume(b.rows).map((r) => ({ ...r, unknown: b.districtKnown === 0 && r.code !== null }));
	return {
		filename: `${districtTable.name}${filterSuffix({ ...filters, district: null })}`,
		filters: { ...filters, district: null },
		rows
	};
});
