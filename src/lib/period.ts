// The period filter shared by every page: `?from=YYYY-MM&to=YYYY-MM`, both optional and
// inclusive. Parsed with zod; an invalid value is reported, never silently ignored.
import { z } from 'zod';
import { monthAfter, MONTH_RE } from './core/month';

export interface Period {
	/** First month included, 'YYYY-MM', or null for no lower bound. */
	from: string | null;
	/** Last month included, 'YYYY-MM', or null for no upper bound. */
	to: string | null;
}

export type PeriodProblem = { kind: 'format'; param: 'from' | 'to'; value: string } | { kind: 'order'; from: string; to: string };

// An empty field (a submitted form with a blank month) means "no bound".
const bound = z
	.string()
	.trim()
	.transform((s) => (s === '' ? null : s))
	.pipe(z.string().regex(MONTH_RE).nullable())
	.nullable();

const schema = z
	.object({ from: bound, to: bound })
	.refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], params: { order: true } });

export type PeriodResult = { ok: true; period: Period } | { ok: false; problem: PeriodProblem };

export function parsePeriod(params: URLSearchParams): PeriodResult {
	const raw = { from: params.get('from'), to: params.get('to') };
	const parsed = schema.safeParse(raw);
	if (parsed.success) return { ok: true, period: parsed.data };
	const issue = parsed.error.issues[0];
	if (issue?.code === 'custom') return { ok: false, problem: { kind: 'order', from: raw.from ?? '', to: raw.to ?? '' } };
	const param = issue?.path[0] === 'to' ? 'to' : 'from';
	return { ok: false, problem: { kind: 'format', param, value: raw[param] ?? '' } };
}

/** SQL bounds: created_at >= start AND created_at < end (either may be null). */
export function periodBounds(p: Period): { start: string | null; end: string | null } {
	return { start: p.from ? `${p.from}-01` : null, end: p.to ? monthAfter(p.to) : null };
}

/** Query string for links that keep the period (and optionally other params). */
export function periodQuery(p: Period, extra: Record<string, string> = {}): string {
	const q = new URLSearchParams();
	if (p.from) q.set('from', p.from);
	if (p.to) q.set('to', p.to);
	for (const [k, v] of Object.entries(extra)) q.set(k, v);
	const s = q.toString();
	return s ? `?${s}` : '';
}
