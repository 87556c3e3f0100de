import { COMPARE_MIN, compareFilters, compareHref, SUBJECT_PARAMS, without } from '$lib/compare';
import { OPD_TYPES } from '$lib/core/vocab';
import { FILTER_KEYS, filterQuery } from '$lib/filters';
import { i18n, type I18n } from '$lib/i18n';
import { opdLabel } from '$lib/labels';
import { Lru, memo } from '$lib/server/cache';
import { compareChart } from '$lib/server/charts';
import { requestLang } from '$lib/server/lang';
import { compare, subjectsOr4xx, type Comparison } from '$lib/server/queries/compare';
import { warehouseFacts } from '$lib/server/queries/overview';
import { filtersOr400, selectionOr400 } from '$lib/server/request';
import type { SafeSvg } from '$lib/svg';
import type { PageServerLoad } from './$types';

const charts = new Lru<Promise<{ counts: SafeSvg; per100k: SafeSvg | null }>>(100);

function drawCharts(c: Comparison, L: I18n) {
	const names = c.subjects.map((s) => s.name);
	const span = c.months.length ? { from: L.monthLong(c.months[0]!), to: L.monthLong(c.months.at(-1)!) } : { from: '', to: '' };
	const summary = (values: (number | null)[][], format: (v: number) => string) =>
		L.t('compare.chartSummary', {
			...span,
			list: names
				.map((n, i) => {
					const v = values[i]!.filter((x): x is number => x !== null);
					return v.length ? `${n} ${format(Math.max(...v))}` : `${n} –`;
				})
				.join('; ')
		});
	const counts = c.subjects.map((s) => s.monthly);
	// Per 100k needs every subject's covered population: regions only.
	const rates = c.subjects.every((s) => s.figures.population)
		? c.subjects.map((s) => s.monthly.map((n) => (n / s.figures.population!) * 100_000))
		: null;
	const series = (values: (number | null)[][]) => names.map((name, i) => ({ name, values: values[i]! }));
	return {
		counts: compareChart(c.months, series(counts), L, {
			ariaLabel: L.t('compare.countsChart'),
			ariaDescription: summary(counts, L.int),
			yLabel: L.t('trend.yLabel'),
			format: L.int
		}),
		per100k: rates
			? compareChart(c.months, series(rates), L, {
					ariaLabel: L.t('compare.per100kChart'),
					ariaDescription: summary(rates, L.dec1),
					yLabel: L.t('compare.per100kAxis'),
					format: (v) => (v < 10 ? L.dec1(v) : L.int(v))
				})
			: null
	};
}

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const asked = filtersOr400(event.url, lang);
	const selection = selectionOr400(event.url, lang);
	// What the subjects replace does not apply (a region comparison ignores the region filter).
	const filters = compareFilters(asked, selection);
	const subjects = await subjectsOr4xx(selection, filters, lang);
	const L = i18n(lang);
	const named = subjects.map((s) => ({ ...s, name: s.kind === 'opd' ? opdLabel(lang, s.key) : s.name }));
	const comparison = named.length >= COMPARE_MIN ? await compare(named, filters, await warehouseFacts()) : null;
	const drawn =
		comparison &&
		(await memo(charts, `${lang}|${JSON.stringify(filters)}|${JSON.stringify(selection)}`, async () => drawCharts(comparison, L)));
	const hidden = (skip: readonly string[]) =>
		FILTER_KEYS.filter((k) => !skip.includes(k) && asked[k]).map((k) => [k, asked[k]!] as [string, string]);
	return {
		lang,
		filters: asked,
		/** The filters the comparison does not apply, named on the page. */
		ignored: FILTER_KEYS.filter((k) => asked[k] && !filters[k]),
		selection,
		subjects: named.map((s) => ({ ...s, removeHref: compareHref('/banding', filters, without(selection!, s.key)) })),
		comparison,
		charts: drawn,
		// The picker's hidden fields: the filters that apply to what it picks (not the region, for regions).
		pickerFilters: { region: hidden(['region', 'district']), opd: hidden([]) },
		opdTypes: Object.keys(OPD_TYPES).map((code) => ({ code, label: opdLabel(lang, code) })),
		params: SUBJECT_PARAMS,
		agenciesHref: `/instansi${filterQuery(asked)}`,
		downloadHrefs: selection
			? {
					figures: compareHref('/api/banding', filters, selection, { lang }),
					monthly: compareHref('/api/banding', filters, selection, { table: 'monthly', lang }),
					themes: compareHref('/api/banding', filters, selection, { table: 'themes', lang })
				}
			: null
	};
};

// Links and GET forms only: no client-side JS, so the charts are not shipped twice.
export const csr = false;
