// The global filters shared by every page, all in the URL so every view is a shareable link:
// the period (`?from=YYYY-MM&to=YYYY-MM`, see period.ts) plus `region` (a province code '36'
// or a kab/kota code '36.03'), `category` (category_top as stored), `channel` and `status`
// (warehouse vocabularies). Parsed with one zod schema; a bad value is reported, never ignored.
// SQL applies them through one constant WHERE fragment with bound parameters
// (src/lib/server/queries/filter-sql.ts).
import { z } from 'zod';
import { CHANNELS, LIFECYCLE } from '$lib/core/vocab';
import { parsePeriod, periodBounds, type Period, type PeriodProblem } from './period';

export const FILTER_KEYS = ['from', 'to', 'region', 'category', 'channel', 'status'] as const;

export interface Filters extends Period {
	region: string | null;
	category: string | null;
	channel: (typeof CHANNELS)[number] | null;
	status: (typeof LIFECYCLE)[number] | null;
}

export const NO_FILTERS: Filters = { from: null, to: null, region: null, category: null, channel: null, status: null };

const blank = (s: string) => (s.trim() === '' ? null : s.trim());
const opt = <T extends z.ZodType<string, string>>(inner: T) =>
	z
		.string()
		.transform(blank)
		.pipe(inner.nullable() as unknown as z.ZodType<z.output<T> | null, string | null>)
		.nullable();

const filterSchema = z.object({
	region: opt(z.string().regex(/^\d{2}(\.\d{2})?$/)),
	category: opt(z.string().max(120)),
	channel: opt(z.enum(CHANNELS)),
	status: opt(z.enum(LIFECYCLE))
});

type FilterProblem = PeriodProblem | { kind: 'value'; param: 'region' | 'category' | 'channel' | 'status'; value: string };
export type FilterResult = { ok: true; filters: Filters } | { ok: false; problem: FilterProblem };

export function parseFilters(params: URLSearchParams): FilterResult {
	const period = parsePeriod(params);
	if (!period.ok) return period;
	const raw = {
		region: params.get('region'),
		category: params.get('category'),
		channel: params.get('channel'),
		status: params.get('status')
	};
	const parsed = filterSchema.safeParse(raw);
	if (!parsed.success) {
		const param = (parsed.error.issues[0]?.path[0] ?? 'region') as 'region' | 'category' | 'channel' | 'status';
		return { ok: false, problem: { kind: 'value', param, value: raw[param] ?? '' } };
	}
	return { ok: true, filters: { ...period.period, ...parsed.data } };
}

/** Bound parameters for the WHERE fragment: every key always present (NULL = no filter). */
export function filterParams(f: Partial<Filters>): Record<string, string | null> {
	const { start, end } = periodBounds({ from: f.from ?? null, to: f.to ?? null });
	return {
		start,
		end,
		region: f.region ?? null,
		category: f.category ?? null,
		channel: f.channel ?? null,
		status: f.status ?? null
	};
}

/** True when any filter is set. */
export function isFiltered(f: Partial<Filters>): boolean {
	return FILTER_KEYS.some((k) => f[k] != null);
}

/** Query string keeping the filters (and optionally other params), e.g. for links and CSV hrefs. */
export function filterQuery(f: Partial<Filters>, extra: Record<string, string | null | undefined> = {}): string {
	const q = new URLSearchParams();
	for (const k of FILTER_KEYS) {
		const v = f[k];
		if (v) q.set(k, v);
	}
	for (const [k, v] of Object.entries(extra)) if (v) q.set(k, v);
	const s = q.toString();
	return s ? `?${s}` : '';
}

/** Short file-name suffix describing the filters, e.g. '_2020-01_2020-12_36'. Safe characters only. */
export function filterSuffix(f: Partial<Filters>): string {
	const parts: string[] = [];
	if (f.from || f.to) parts.push(f.from ?? 'awal', f.to ?? 'akhir');
	for (const k of ['region', 'channel', 'status'] as const) if (f[k]) parts.push(f[k]!);
	if (f.category)
		parts.push(
			f.category
				.toLowerCase()
				.replace(/[^a-z0-9]+/g, '-')
				.replace(/^-|-$/g, '')
				.slice(0, 30)
		);
	return parts.length ? `_${parts.join('_')}` : '';
}
