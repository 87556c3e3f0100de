// The kecamatan of a kab/kota (the `region` filter, which must be one) as CSV: the same rows as the
// table on /wilayah/[code], the complaints whose kecamatan matched none last. Per 100k reads "tidak
// tersedia": the reference data hold no kecamatan population. Themes are ids (core/themes.ts), small
// counts "<5" as on the page. When no loaded file gives a kecamatan, each kecamatan's figures are
// "tidak tersedia" (not 0); the unmatched row still counts the complaints.
import { error } from '@sveltejs/kit';
import { filterSuffix } from '$lib/filters';
import { METRICS } from '$lib/core/metrics';
import { SUPPRESSED } from '$lib/core/privacy';
import { translate } from '$lib/i18n';
import { csvResponse, metricCell } from '$lib/server/csv-response';
import { requestLang } from '$lib/server/lang';
import { DISTRICT_METRICS, districtBreakdown } from '$lib/server/queries/districts';
import { filtersOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const regency = filters.region;
		if (!regency?.includes('.')) error(400, { code: 'bad_filter', message: translate(lang, 'district.needsRegency') });
		const b = await districtBreakdown(filters, regency);
		const rows = [...b.rows].sort(
			(x, y) => +(x.code === null) - +(y.code === null) || y.n - x.n || (x.name ?? '').localeCompare(y.name ?? '')
		);
		const absent = translate(lang, 'metric.absent');
		return {
			filename: `telaah-kecamatan${filterSuffix({ ...filters, district: null })}.csv`,
			header: ['district_code', 'district', 'complaints', 'per_100k', ...DISTRICT_METRICS.map((id) => METRICS[id].csv), 'top_themes'],
			rows: rows.map((r) =>
				b.districtKnown === 0 && r.code !== null
					? [r.code, r.name, absent, absent, ...DISTRICT_METRICS.map(() => absent), absent]
					: [
							r.code,
							r.name,
							r.n,
							absent,
							...DISTRICT_METRICS.map((id) => metricCell(id, r[id], lang)),
							r.themes === null ? absent : r.themes.map((t) => `${t.theme} (${t.n === null ? SUPPRESSED : t.n})`).join('; ')
						]
			)
		};
	});
