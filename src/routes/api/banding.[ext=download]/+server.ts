// /banding's tables with the page's filters and selection (`?table=figures|monthly|themes`, default
// figures): one row per subject with its figures and those of the year-on-year periods; per subject
// and month; per subject and policy theme. Fewer than two subjects: no rows.
import { COMPARE_MIN, compareFilters, SUBJECT_PARAMS } from '$lib/compare';
import { themeName } from '$lib/core/themes';
import { filterSuffix } from '$lib/filters';
import type { Lang } from '$lib/i18n';
import { opdLabel } from '$lib/labels';
import { download, downloadOneOf, type DownloadEvent } from '$lib/server/export/download';
import { compareMonthlyTable, compareTable, compareThemesTable, type CompareLine } from '$lib/server/export/tables';
import { compare, subjectsOr4xx, type Comparison } from '$lib/server/queries/compare';
import { warehouseFacts } from '$lib/server/queries/overview';
import { filtersOr400, selectionOr400 } from '$lib/server/request';

/** The request's comparison (null under two subjects), its filters and file name. */
async function read(event: DownloadEvent, lang: Lang, stem: string) {
	const selection = selectionOr400(event.url, lang);
	const filters = compareFilters(filtersOr400(event.url, lang), selection);
	const subjects = (await subjectsOr4xx(selection, filters, lang)).map((s) => ({
		...s,
		name: s.kind === 'opd' ? opdLabel(lang, s.key) : s.name
	}));
	const codes = subjects.map((s) => s.key.replace(/[^\w.]+/g, '-').slice(0, 24)).join('_');
	const c: Comparison | null = subjects.length >= COMPARE_MIN ? await compare(subjects, filters, await warehouseFacts()) : null;
	return {
		c,
		filters,
		filename: `${stem}${subjects[0] ? `-${SUBJECT_PARAMS[subjects[0].kind]}_${codes}` : ''}${filterSuffix(filters)}`,
		params: { [selection ? SUBJECT_PARAMS[selection.kind] : 'r']: selection?.keys.join(' ') ?? null }
	};
}

export const GET = downloadOneOf<'figures' | 'monthly' | 'themes'>(
	'table',
	{
		figures: download(compareTable, async (event, lang) => {
			const { c, ...rest } = await read(event, lang, compareTable.name);
			const rows: CompareLine[] = (c?.subjects ?? []).map((s) => ({
				subject: s,
				figures: s.figures,
				yoy: c?.yoy && s.yoy ? { ...c.yoy, ...s.yoy } : null
			}));
			return { ...rest, rows };
		}),
		monthly: download(compareMonthlyTable, async (event, lang) => {
			const { c, ...rest } = await read(event, lang, compareMonthlyTable.name);
			const rows = (c?.subjects ?? []).flatMap((s) =>
				c!.months.map((month, i) => {
					const n = s.monthly[i] ?? 0;
					return { subject: s, month, n, per100k: s.figures.population ? (n / s.figures.population) * 100_000 : null };
				})
			);
			return { ...rest, rows };
		}),
		themes: download(compareThemesTable, async (event, lang) => {
			const { c, ...rest } = await read(event, lang, compareThemesTable.name);
			const rows = (c?.subjects ?? []).flatMap((s) =>
				(c!.themes ?? []).map((theme) => ({
					subject: s,
					theme,
					theme_label: themeName(theme, lang),
					share: s.themes?.get(theme) ?? { n: 0, share: 0 }
				}))
			);
			return { ...rest, rows };
		})
	},
	'figures'
);
