// theme_spike: a policy theme (pipelines/topics/themes.json) jumps in the month far above its
// usual level in one or more kab/kota of the area, judged by the topic pipeline's spike detector
// (rolling median + seasonal term, robust z, Poisson tail). One finding per theme, listing where.
import { scorePeriods } from '$lib/core/spikes';
import { href, recommendation, regionPath, scoreOf, type Rule } from '../common';
import type { Recommendation, Severity } from '../types';
import { themeName } from '../../core/themes';

interface Hit {
	regencyCode: string;
	count: number;
	baseline: number;
}

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
		const last = scorePeriods(s.counts, options).at(-1);
		if (!last?.flagged || last.baseline === null) continue;
		const list = hits.get(s.theme) ?? [];
		list.push({ regencyCode: s.regencyCode, count: last.count, baseline: last.baseline });
		hits.set(s.theme, list);
	}
	const out: Recommendation[] = [];
	for (const [theme, list] of hits) {
		list.sort((a, b) => b.count - b.baseline - (a.count - a.baseline) || a.regencyCode.localeCompare(b.regencyCode));
		const count = list.reduce((s, h) => s + h.count, 0);
		const baseline = list.reduce((s, h) => s + h.baseline, 0);
		const ratio = count / Math.max(baseline, 1);
		const severity: Severity = ratio >= cfg.highRatio || list.length >= 3 ? 'tinggi' : 'sedang';
		const label = themeName(theme, L.lang);
		const where =
			list.length === 1 ? (names.get(list[0]!.regencyCode) ?? list[0]!.regencyCode) : L.t('rec.spike.regions', { n: L.int(list.length) });
		const actionKey = theme === 'bansos' ? 'rec.spike.actionBansos' : 'rec.spike.action';
		out.push(
			recommendation({
				rule: 'theme_spike',
				severity,
				score: scoreOf(severity, Math.min(1, ratio / (2 * cfg.highRatio))),
				scope: { level: 'topik', code: theme, name: label },
				title: L.t('rec.spike.title', { theme: label, where, month: L.monthLong(month) }),
				action: L.t(actionKey, { theme: label }),
				evidence: [
					{
						label: L.t('rec.ev.spikeCount', { month: L.monthLong(month) }),
						value: L.t('rec.ev.vsUsual', { n: L.int(count), usual: L.dec1(baseline) }),
						href: href('/tren', { region: area.code, from: inputs.months[0], to: month })
					},
					...list.slice(0, 3).map((h) => ({
						label: names.get(h.regencyCode) ?? h.regencyCode,
						value: L.t('rec.ev.vsUsual', { n: L.int(h.count), usual: L.dec1(h.baseline) }),
						href: href(regionPath(h.regencyCode), { from: month, to: month })
					}))
				]
			})
		);
	}
	return out;
};
