// /banding as CSV, with the page's filters and selection: `table=figures` (default; one row per
// subject, its figures and those of the year-on-year periods), `monthly` (complaints and per 100k
// per subject and month) or `themes` (per subject and theme, small kab/kota cells as "<5").
import { COMPARE_MIN, SUBJECT_PARAMS } from '$lib/compare';
import { METRICS, type MetricId } from '$lib/core/metrics';
import { SUPPRESSED } from '$lib/core/privacy';
import { themeName } from '$lib/core/themes';
import { filterSuffix } from '$lib/filters';
import { translate, type Lang } from '$lib/i18n';
import { opdLabel } from '$lib/labels';
import { csvResponse, metricCell, pct, r2 } from '$lib/server/csv-response';
import type { Cell } from '$lib/server/csv';
import { requestLang } from '$lib/server/lang';
import { compare, subjectsOr4xx, type Figures } from '$lib/server/queries/compare';
import { warehouseFacts } from '$lib/server/queries/overview';
import { choiceOr400, filtersOr400, selectionOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

const TABLES = ['figures', 'monthly', 'themes'] as const;
const FIGURE_METRICS = [
	'followUpRate',
	'completionRate',
	'medianResponseDays',
	'breach3Rate',
	'breach5Rate',
	'unresolved60Rate',
	'backlog'
] as const satisfies readonly MetricId[];

/** The figures' cells: complaints, then each metric in its CSV format ("tidak tersedia" when absent). */
const figureCells = (f: Figures, lang: Lang): Cell[] => [f.total, ...FIGURE_METRICS.map((id) => metricCell(id, f[id], lang))];
const figureHeader = (suffix: string) => [`complaints${suffix}`, ...FIGURE_METRICS.map((id) => `${METRICS[id].csv}${suffix}`)];

const HEADERS: Record<(typeof TABLES)[number], string[]> = {
	figures: [
		'kind',
		'code',
		'name',
		'population',
		'per_100k',
		...figureHeader(''),
		'yoy_from',
		'yoy_to',
		'yoy_previous_from',
		'yoy_previous_to',
		...figureHeader('_yoy'),
		...figureHeader('_yoy_previous')
	],
	monthly: ['kind', 'code', 'name', 'month', 'complaints', 'per_100k'],
	themes: ['kind', 'code', 'name', 'theme', 'theme_name', 'complaints', 'share_pct']
};

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const filters = filtersOr400(event.url, lang);
		const table = choiceOr400(event.url, lang, 'table', TABLES, 'figures');
		const selection = selectionOr400(event.url, lang);
		const subjects = await subjectsOr4xx(selection, filters, lang);
		const named = subjects.map((s) => ({ ...s, name: s.kind === 'opd' ? opdLabel(lang, s.key) : s.name }));
		const codes = named.map((s) => s.key.replace(/[^\w.]+/g, '-').slice(0, 24)).join('_');
		const filename = `telaah-banding-${table}${named[0] ? `-${SUBJECT_PARAMS[named[0].kind]}_${codes}` : ''}${filterSuffix(filters)}.csv`;
		const header = HEADERS[table];
		if (named.length < COMPARE_MIN) return { filename, header, rows: [] };
		const c = await compare(named, filters, await warehouseFacts());
		const id = (s: (typeof c.subjects)[number]): Cell[] => [s.kind, s.key, s.name];
		if (table === 'monthly')
			return {
				filename,
				header,
				rows: c.subjects.flatMap((s) =>
					c.months.map((m, i) => {
						const n = s.monthly[i] ?? 0;
						return [...id(s), m, n, s.figures.population ? r2((n / s.figures.population) * 100_000) : null];
					})
				)
			};
		if (table === 'themes')
			return {
				filename,
				header,
				rows: c.subjects.flatMap((s) =>
					(c.themes ?? []).map((t) => {
						const v = s.themes?.get(t) ?? { n: 0, share: 0 };
						return [...id(s), t, themeName(t, lang), v.n === null ? SUPPRESSED : v.n, pct(v.share)];
					})
				)
			};
		return {
			filename,
			header,
			rows: c.subjects.map((s) => [
				...id(s),
				s.figures.population,
				s.kind === 'region' && s.figures.population === null ? translate(lang, 'metric.notCovered') : r2(s.figures.per100k),
				...figureCells(s.figures, lang),
				c.yoy?.current.from,
				c.yoy?.current.to,
				c.yoy?.previous.from,
				c.yoy?.previous.to,
				...(s.yoy ? [...figureCells(s.yoy.now, lang), ...figureCells(s.yoy.before, lang)] : figureHeader('').flatMap(() => [null, null]))
			])
		};
	});
