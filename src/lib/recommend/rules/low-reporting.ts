// low_reporting: far fewer reports per capita than peer regions (same level, same population
// quartile), or far behind the annual target pro rata. Few reports usually mean citizens do not
// know the channel, not that services are fine (Belitung Timur: 18 reports in three years).
import { median } from '$lib/core/spikes';
import { candidateRegions, href, recommendation, regionPath, scoreOf, type Rule } from '../common';
import type { RegionStat } from '../inputs';
import type { Recommendation, Severity } from '../types';

const per100k = (r: RegionStat) => (r.population ? (r.n12 / r.population) * 100_000 : null);

export const lowReporting: Rule = (inputs, th, L) => {
	const cfg = th.low_reporting;
	const { month, from12 } = inputs;
	const monthsIntoYear = Number(month.slice(5, 7));
	const peerMedian = new Map<string, number>();
	const medianFor = (r: RegionStat) => {
		const k = `${r.level}:${r.band}`;
		if (!peerMedian.has(k)) {
			const rates = inputs.regions
				.filter((p) => p.level === r.level && p.band === r.band)
				.map(per100k)
				.filter((v): v is number => v !== null);
			peerMedian.set(k, median(rates));
		}
		return peerMedian.get(k)!;
	};
	const out: Recommendation[] = [];
	for (const r of candidateRegions(inputs)) {
		const rate = per100k(r);
		const peer = medianFor(r);
		const ratio = rate !== null && peer > 0 ? rate / peer : null;
		// A shortfall only means something when peers' rate would give this region enough reports.
		const expectedAtPeers = r.population ? (peer * r.population) / 100_000 : 0;
		const low = ratio !== null && ratio <= cfg.ratioToPeers && expectedAtPeers >= cfg.minExpected;
		const expected = r.target !== null ? (r.target * monthsIntoYear) / 12 : null;
		const behind = expected !== null && expected > 0 && monthsIntoYear >= cfg.minMonthsIntoYear && r.nYtd < cfg.targetShare * expected;
		if (!low && !behind) continue;
		const severity: Severity = (low && ratio! <= cfg.highRatio) || (low && behind) ? 'tinggi' : 'sedang';
		const strength = Math.max(low ? 1 - ratio! : 0, behind ? 1 - r.nYtd / expected! : 0);
		const evidence = [
			{
				label: L.t('rec.ev.per100k', { from: L.month(from12), to: L.month(month) }),
				value: L.t('rec.ev.reportsPer100k', { n: L.int(r.n12), rate: rate === null ? L.t('kpi.na') : L.dec1(rate) }),
				href: href(regionPath(r.code), { from: from12, to: month })
			},
			{
				label: L.t('rec.ev.peerMedian'),
				value: L.dec1(peer),
				// /wilayah's default level (kab/kota) stays out of the link.
				href: href('/wilayah', { level: r.level === 'regency' ? null : r.level, from: from12, to: month, sort: 'per100k' })
			}
		];
		if (expected !== null) {
			evidence.push({
				label: L.t('rec.ev.target', { year: month.slice(0, 4) }),
				value: L.t('rec.ev.targetValue', { n: L.int(r.nYtd), target: L.int(r.target!), pct: L.pct(r.nYtd / r.target!) }),
				href: href(regionPath(r.code), { from: `${month.slice(0, 4)}-01`, to: month })
			});
		}
		out.push(
			recommendation({
				rule: 'low_reporting',
				severity,
				score: scoreOf(severity, strength),
				scope: { level: r.level, code: r.code, name: r.name },
				title: low
					? L.t('rec.low.title', { area: r.name, n: L.int(r.n12), rate: L.dec1(rate!), peer: L.dec1(peer) })
					: L.t('rec.low.targetTitle', { area: r.name, n: L.int(r.nYtd), target: L.int(r.target!) }),
				action: L.t('rec.low.action'),
				evidence
			})
		);
	}
	return out;
};
