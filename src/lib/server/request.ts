import { error } from '@sveltejs/kit';
import { translate, type Lang } from '$lib/i18n';
import { parsePeriod, type Period } from '$lib/period';

/** The period filter of a request, or a 400 with a message that says what to fix. */
export function periodOr400(url: URL, lang: Lang): Period {
	const r = parsePeriod(url.searchParams);
	if (r.ok) return r.period;
	const p = r.problem;
	const message =
		p.kind === 'format'
			? translate(lang, 'period.badFormat', { param: p.param, value: p.value.slice(0, 40) })
			: translate(lang, 'period.order', { from: p.from, to: p.to });
	error(400, { code: 'bad_period', message });
}
