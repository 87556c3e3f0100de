// What /banding compares, read from its URL: 2–6 regions (`?r=32.73&r=36.03&r=36`, provinces and
// kab/kota mixed), OPD types (`?t=pupr&t=dinkes`) or agencies by name (`?a=…`, within the region
// filter). One kind at a time. Parsed with zod like the global filters (filters.ts): a malformed
// value is reported (400), never dropped; blank values (an unchosen picker slot) are ignored and
// repeats count once. Fewer than two is no comparison yet: the page shows its picker.
import { z } from 'zod';
import { OPD_TYPES, REGION_CODE, type OpdType } from './core/vocab';
import { filterQuery, type Filters } from './filters';

export const COMPARE_MIN = 2;
export const COMPARE_MAX = 6;

/** The URL parameter of each kind of subject. */
export const SUBJECT_PARAMS = { region: 'r', opd: 't', agency: 'a' } as const;
export type SubjectKind = keyof typeof SUBJECT_PARAMS;
type SubjectParam = (typeof SUBJECT_PARAMS)[SubjectKind];
const KINDS = Object.keys(SUBJECT_PARAMS) as SubjectKind[];

const KEY: Record<SubjectKind, z.ZodType<string>> = {
	region: z.string().regex(REGION_CODE),
	opd: z.enum(Object.keys(OPD_TYPES) as [OpdType, ...OpdType[]]),
	// A name as the warehouse stores it: printable, one line.
	agency: z
		.string()
		.max(300)
		// eslint-disable-next-line no-control-regex -- refusing control characters is the point
		.regex(/^[^\u0000-\u001f\u007f]+$/)
};

export interface Selection {
	kind: SubjectKind;
	/** In the order given, each once. */
	keys: string[];
}

type SelectionProblem =
	{ kind: 'value'; param: SubjectParam; value: string } | { kind: 'mixed' } | { kind: 'tooMany'; n: number; max: number };

export type SelectionResult = { ok: true; selection: Selection | null } | { ok: false; problem: SelectionProblem };

/** The subjects in `params`: null when none is given. */
export function parseSelection(params: URLSearchParams): SelectionResult {
	const given = KINDS.map((kind) => ({
		kind,
		values: params
			.getAll(SUBJECT_PARAMS[kind])
			.map((v) => v.trim())
			.filter((v) => v !== '')
	})).filter((g) => g.values.length > 0);
	if (given.length === 0) return { ok: true, selection: null };
	if (given.length > 1) return { ok: false, problem: { kind: 'mixed' } };
	const { kind, values } = given[0]!;
	for (const value of values)
		if (!KEY[kind].safeParse(value).success) return { ok: false, problem: { kind: 'value', param: SUBJECT_PARAMS[kind], value } };
	const keys = [...new Set(values)];
	if (keys.length > COMPARE_MAX) return { ok: false, problem: { kind: 'tooMany', n: keys.length, max: COMPARE_MAX } };
	return { ok: true, selection: { kind, keys } };
}

/** The selection's part of a URL: `r=36.03&r=32.73` (URLSearchParams encodes names). */
export function selectionParams(s: Selection): [string, string][] {
	return s.keys.map((k) => [SUBJECT_PARAMS[s.kind], k]);
}

/** The selection without one of its subjects (the "remove" links). */
export const without = (s: Selection, key: string): Selection => ({ kind: s.kind, keys: s.keys.filter((k) => k !== key) });

/** A URL of /banding (or its CSV) with these filters and this selection, plus `extra` parameters. */
export function compareHref(path: string, f: Partial<Filters>, s: Selection, extra: Record<string, string | null> = {}): string {
	const q = new URLSearchParams(filterQuery(f, extra));
	for (const [k, v] of selectionParams(s)) q.append(k, v);
	const text = q.toString();
	return text ? `${path}?${text}` : path;
}

/**
 * The filters a comparison applies: all but those its subjects replace. Regions are their own
 * region (the region and kecamatan filters do not apply), agencies their own agency (nor does the
 * agency filter); OPD types keep every filter.
 */
export function compareFilters(f: Filters, sel: Selection | null): Filters {
	if (sel?.kind === 'region') return { ...f, region: null, district: null };
	if (sel?.kind === 'agency') return { ...f, agency: null };
	return f;
}
