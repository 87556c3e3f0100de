// The global filters shared by every page, all in the URL so every view is a shareable link:
// the period (`?from=YYYY-MM&to=YYYY-MM`, see period.ts) plus `region` (a province code '36'
// or a kab/kota code '36.03'), `category` (category_top as stored), `channel` and `status`
// (warehouse vocabularies), `district` (a kecamatan code '35.78.01', inside the region: it
// implies its kab/kota when no region is given) and `agency` (the canonical agency_name).
// Parsed with one zod schema; a bad value is reported, never ignored.
// SQL applies them through one constant WHERE fragment with bound parameters
// (src/lib/server/queries/filter-sql.ts).
import { z } from 'zod';
import { CHANNELS, LIFECYCLE, REGION_CODE } from '$lib/core/vocab';
import { parsePeriod, periodBounds, type Period, type PeriodProblem } from './period';

export const FILTER_KEYS = ['from', 'to', 'region', 'category', 'channel', 'status', 'district', 'agency'] as const;

export interface Filters extends Period {
	region: string | null;
	category: string | null;
	channel: (typeof CHANNELS)[number] | null;
	status: (typeof LIFECYCLE)[number] | null;
	/** A kecamatan of the region's kab/kota. */
	district: string | null;
	/** A canonical agency name (complaints.agency_name). */
	agency: string | null;
}

/** The filter bar's hidden field naming the kab/kota its kecamatan and agency choices belong to. */
export const CHOICES_FOR = 'choices_for';

export const NO_FILTERS: Filters = {
	from: null,
	to: null,
	region: null,
	category: null,
	channel: null,
	status: null,
	district: null,
	agency: null
};

const blank = (s: string) => (s.trim() === '' ? null : s.trim());
const opt = <T extends z.ZodType<string, string>>(inner: T) =>
	z
		.string()
		.transform(blank)
		.pipe(inner.nullable() as unknown as z.ZodType<z.output<T> | null, string | null>)
		.nullable();

const filterSchema = z.object({
	region: opt(z.string().regex(REGION_CODE)),
	category: opt(z.string().max(120)),
	channel: opt(z.enum(CHANNELS)),
	status: opt(z.enum(LIFECYCLE)),
	district: opt(z.string().regex(/^\d{2}\.\d{2}\.\d{2}$/)),
	// As stored: one line of printable text.
	agency: opt(
		z
			.string()
			.max(200)
			.regex(/^[^\p{Cc}]*$/u)
	)
});

type FilterParam = 'region' | 'category' | 'channel' | 'status' | 'district' | 'agency';
type FilterProblem = PeriodProblem | { kind: 'value'; param: FilterParam; value: string };
export type FilterResult = { ok: true; filters: Filters } | { ok: false; problem: FilterProblem };

export function parseFilters(params: URLSearchParams): FilterResult {
	const period = parsePeriod(params);
	if (!period.ok) return period;
	// The filter bar sends the kab/kota its kecamatan and agency lists were made for: when the region
	// was changed there, the old kecamatan and agency no longer apply and are dropped, not a 400.
	const madeFor = params.get(CHOICES_FOR);
	const changed = madeFor !== null && (params.get('region') ?? '').trim() !== madeFor;
	const raw = {
		region: params.get('region'),
		category: params.get('category'),
		channel: params.get('channel'),
		status: params.get('status'),
		district: changed ? null : params.get('district'),
		agency: changed ? null : params.get('agency')
	};
	const parsed = filterSchema.safeParse(raw);
	if (!parsed.success) {
		const param = (parsed.error.issues[0]?.path[0] ?? 'region') as FilterParam;
		return { ok: false, problem: { kind: 'value', param, value: raw[param] ?? '' } };
	}
	const f = parsed.data;
	// A kecamatan lies in one kab/kota: it is that region, and no other.
	const regency = f.district?.slice(0, 5) ?? null;
	if (regency && f.region && f.region !== regency) return { ok: false, problem: { kind: 'value', param: 'district', value: f.district! } };
	return { ok: true, filters: { ...period.period, ...f, region: f.region ?? regency } };
}

/** Whether `district` may be combined with `region` (a kecamatan of that kab/kota, or none). */
export const districtWithin = (district: string | null, region: string | null): boolean =>
	district === null || (region !== null && district.startsWith(`${region}.`) && region.includes('.'));

/** Bound parameters for the WHERE fragment: every key always present (NULL = no filter). */
export function filterParams(f: Partial<Filters>): Record<string, string | null> {
	const { start, end } = periodBounds({ from: f.from ?? null, to: f.to ?? null });
	return {
		start,
		end,
		region: f.region ?? null,
		category: f.category ?? null,
		channel: f.channel ?? null,
		status: f.status ?? null,
		district: f.district ?? null,
		agency: f.agency ?? null
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

/**
 * The complaint list (/aduan) of one agency under the filters, in `region` when given (an agency
 * row of a table by kab/kota); a kecamatan filter stays only inside its own kab/kota.
 */
export function agencyComplaintsHref(f: Partial<Filters>, agency: string, region?: string | null): string {
	const r = region === undefined ? (f.region ?? null) : region;
	return `/aduan${filterQuery({ ...f, region: r, district: districtWithin(f.district ?? null, r) ? (f.district ?? null) : null, agency })}`;
}

/** Short file-name suffix describing the filters, e.g. '_2020-01_2020-12_36'. Safe characters only. */
export function filterSuffix(f: Partial<Filters>): string {
	const parts: string[] = [];
	if (f.from || f.to) parts.push(f.from ?? 'awal', f.to ?? 'akhir');
	for (const k of ['region', 'district', 'channel', 'status'] as const) if (f[k]) parts.push(f[k]!);
	for (const k of ['category', 'agency'] as const)
		if (f[k])
			parts.push(
				f[k]
					.toLowerCase()
					.replace(/[^a-z0-9]+/g, '-')
					.replace(/^-|-$/g, '')
					.slice(0, 30)
			);
	return parts.length ? `_${parts.join('_')}` : '';
}
