// Recommendations for an area and a month: gather the inputs (recommend-inputs.ts), run the pure
// engine ($lib/recommend) with the validated thresholds. Used by /rekomendasi and the briefing.
import { error } from '@sveltejs/kit';
import { i18n, translate, type Lang } from '$lib/i18n';
import { findings, regionsNeedingAttention } from '$lib/recommend';
import { rank } from '$lib/recommend/rank';
import { THRESHOLDS } from '$lib/recommend/config';
import type { RecommendInputs } from '$lib/recommend/inputs';
import { MONTH_RE } from '$lib/core/month';
import type { Area } from '$lib/core/vocab';
import type { Recommendation } from '$lib/recommend/types';
import { areaInfo, recommendInputs } from './queries/recommend-inputs';

async function inputsFor(area: Area, month: string, lang: Lang): Promise<RecommendInputs> {
	if (!MONTH_RE.test(month))
		error(400, { code: 'bad_month', message: translate(lang, 'period.badFormat', { param: 'month', value: month.slice(0, 40) }) });
	const info = await areaInfo(area, translate(lang, 'rec.national'));
	if (!info)
		error(404, {
			code: 'not_found',
			message: translate(lang, 'region.notFound', { code: area.level === 'national' ? '' : area.code.slice(0, 40) })
		});
	return recommendInputs(info, month, THRESHOLDS.backlog.lookbackMonths);
}

/** The ranked recommendations (at most `limit`, default thresholds.json's) for an area and month ('YYYY-MM'). */
export async function recommendationsFor(area: Area, month: string, lang: Lang, limit?: number): Promise<Recommendation[]> {
	const inputs = await inputsFor(area, month, lang);
	return rank(findings(inputs, THRESHOLDS, i18n(lang)), THRESHOLDS, limit);
}

/** Ranked recommendations plus, for the nation, the regions with the most findings. */
export async function recommendationsPage(area: Area, month: string, lang: Lang) {
	const inputs = await inputsFor(area, month, lang);
	const all = findings(inputs, THRESHOLDS, i18n(lang));
	return {
		area: inputs.area,
		recommendations: rank(all, THRESHOLDS),
		attention: area.level === 'national' ? regionsNeedingAttention(all, 10) : [],
		topicsAvailable: inputs.themes !== null
	};
}
