// theme_spike: a policy theme (core/themes.json) jumps in the month far above its usual level in
// one or more kab/kota of the area, judged by the topic pipeline's spike detector (rolling median
// + seasonal term, robust z, Poisson tail; core/month-spikes.ts). One finding per theme, listing
// where. Findings rank by size and significance together (spikeStrength): the 2020 bansos surge
// (322 on a usual 2) before a KTP-el blip (26 on a usual 1). A rise that comes every year at the
// same month (PPDB in June) is compared with that month in the earlier years: beyond them it is
// still a spike; within them it is a seasonal rise, low severity, with advice to prepare for it.
import { judgeEnd, type EndVerdict } from '$lib/core/month-spikes';
import { spikeStrength } from '$lib/core/spikes';
import { href, recommendation, regionPath, scoreOf, type Rule } from '../common';
import type { Recommendation, Severity } from '../types';
import { themeName } from '../../core/themes';

interface Hit extends EndVerdict {
	regencyCode: string;
}

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export const themeSpike: Rule = (inputs, th, L) => {
	if (!inputs.themes) return [];
	const cfg = th.theme_spike;
	const options = {
		window: cfg.window,
		minHistory: cfg.minHistory,
		minZ: cfg.minZ,
		minExcess: cfg.minExcess,
		maxPValue: cfg.maxPValue,
		season: 12
	};
	const { area, month } = inputs;
	const names = new Map(inputs.regions.map((r) => [r.code, r.name]));
	const hits = new Map<string, Hit[]>();
	for (const s of inputs.themes) {
		if (s.theme === null) continue;
		const v = judgeEnd(s.counts, options);
		if (!v) continue;
		const list = hits.get(s.theme) ?? [];
		list.push({ ...v, regencyCode: s.regencyCode });
		hits.set(s.theme, list);
	}
	const out: Recommendation[] = [];
	for (const [theme, all] of hits) {
		// A theme that is an alarm somewhere is reported as a spike there; else as a seasonal rise.
		const alarms = all.filter((h) => h.alarm);
		const list = alarms.length ? alarms : all;
		list.sort((a, b) => b.count - b.baseline - (a.count - a.baseline) || a.regencyCode.localeCompare(b.regencyCode));
		const count = sum(list.map((h) => h.count));
		const baseline = sum(list.map((h) => h.baseline));
		const label = themeName(theme, L.lang);
		const where =
			list.length === 1 ? (names.get(list[0]!.regencyCode) ?? list[0]!.regencyCode) : L.t('rec.spike.regions', { n: L.int(list.length) });
		const seasonal = list.filter((h) => h.seasonal);
		const evidence = [
			{
				label: L.t('rec.ev.spikeCount', { month: L.monthLong(month) }),
				value: L.t('rec.ev.vsUsual', { n: L.int(count), usual: L.dec1(baseline) }),
				href: href('/tren', { region: area.code, from: inputs.months[0], to: month })
			},
			...list.slice(0, 3).map((h) => ({
				label: names.get(h.regencyCode) ?? h.regencyCode,
				value: L.t('rec.ev.vsUsual', { n: L.int(h.count), usual: L.dec1(h.baseline) }),
				href: href(regionPath(h.regencyCode), { from: month, to: month })
			})),
			...(seasonal.length
				? [
						{
							label: L.t('rec.ev.sameMonth', { month: L.monthName(month) }),
							value: seasonal[0]!.seasonal!.map((n) => L.int(n)).join(' · '),
							href: href('/tren', { region: seasonal[0]!.regencyCode, from: inputs.months[0], to: month })
						}
					]
				: [])
		];
		if (!alarms.length) {
			out.push(
				recommendation({
					rule: 'theme_spike',
					severity: 'rendah',
					score: scoreOf('rendah', spikeStrength(count, baseline)),
					scope: { level: 'topik', code: theme, name: label },
					title: L.t('rec.spike.seasonalTitle', { theme: label, where, month: L.monthLong(month), season: L.monthName(month) }),
					action: L.t('rec.spike.seasonalAction', { theme: label, season: L.monthName(month) }),
					evidence
				})
			);
			continue;
		}
		const ratio = count / Math.max(baseline, 1);
		// High: many kab/kota at once, or a jump both many times the usual level and large in number.
		const severity: Severity = list.length >= 3 || (ratio >= cfg.highRatio && count - baseline >= cfg.highExcess) ? 'tinggi' : 'sedang';
		const actionKey = theme === 'bansos' ? 'rec.spike.actionBansos' : 'rec.spike.action';
		out.push(
			recommendation({
				rule: 'theme_spike',
				severity,
				score: scoreOf(severity, spikeStrength(count, baseline)),
				scope: { level: 'topik', code: theme, name: label },
				title: L.t(seasonal.length ? 'rec.spike.aboveSeasonTitle' : 'rec.spike.title', {
					theme: label,
					where,
					month: L.monthLong(month),
					season: L.monthName(month)
				}),
				action: L.t(actionKey, { theme: label }),
				evidence
			})
		);
	}
	return out;
};
