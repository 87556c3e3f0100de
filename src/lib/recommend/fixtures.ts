// Small hand-made inputs for the rule tests: a national set of peers and an area to vary.
import type { RecommendInputs, RegionStat } from './inputs';
import { monthsBetween, shiftMonth } from '../core/month';

export const MONTH = '2020-04';

/** A kab/kota in population band 2 with 10 complaints per 100k over the 12 months. */
export const region = (code: string, over: Partial<RegionStat> = {}): RegionStat => ({
	code,
	level: 'regency',
	name: `Kab. ${code}`,
	provinceCode: code.slice(0, 2),
	band: 2,
	population: 200_000,
	n12: 20,
	nYtd: 6,
	target: null,
	removedUnverified: 0,
	...over
});

/** Inputs for kab/kota 11.01 among peers 11.02…11.09 (all 10/100k) and province 11; nothing triggers. */
export function baseInputs(over: Partial<RecommendInputs> = {}): RecommendInputs {
	return {
		area: { level: 'regency', code: '11.01', name: 'Kab. 11.01' },
		month: MONTH,
		from12: shiftMonth(MONTH, -11),
		months: monthsBetween(shiftMonth(MONTH, -25), MONTH),
		regions: [
			region('11', { level: 'province', name: 'Prov. 11', population: 2_000_000, n12: 200 }),
			...Array.from({ length: 9 }, (_, i) => region(`11.0${i + 1}`))
		],
		channels: [],
		deadlines: [{ opdType: null, authority: null, due3: 100, breach3: 10, due5: 100, breach5: 10 }],
		backlog: { old60: 100, unresolved60: 10, openNow: 50, openBefore: 50 },
		themes: [],
		...over
	};
}
