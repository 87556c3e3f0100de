// backlog: many complaints still open 60 days after filing, or the open backlog growing.
import { href, recommendation, regionPath, scoreOf, shareText, type Rule } from '../common';
import { shiftMonth } from '../../core/month';
import type { Severity } from '../types';

export const backlog: Rule = (inputs, th, L) => {
	const cfg = th.backlog;
	const { area, month, from12 } = inputs;
	const b = inputs.backlog;
	const share = b.old60 > 0 ? b.unresolved60 / b.old60 : 0;
	const stale = b.old60 >= cfg.minOld && share >= cfg.share60;
	const growth = b.openBefore > 0 ? b.openNow / b.openBefore : b.openNow > 0 ? Infinity : 0;
	const rising = growth >= cfg.risingRatio && b.openNow - b.openBefore >= cfg.risingMin;
	if (!stale && !rising) return [];
	const severity: Severity = (stale && share >= cfg.high60) || (stale && rising) ? 'tinggi' : 'sedang';
	const before = shiftMonth(month, -cfg.lookbackMonths);
	const window = { region: area.code, from: from12, to: month };
	return [
		recommendation({
			rule: 'backlog',
			severity,
			score: scoreOf(severity, Math.max(stale ? share : 0, rising ? Math.min(1, (growth - 1) / 2) : 0)),
			scope: { level: area.level, code: area.code, name: area.name },
			title: stale
				? L.t('rec.backlog.staleTitle', { area: area.name, pct: L.pct(share) })
				: L.t('rec.backlog.risingTitle', { area: area.name, now: L.int(b.openNow), before: L.int(b.openBefore) }),
			action: L.t('rec.backlog.action'),
			evidence: [
				{
					label: L.t('rec.ev.unresolved60', { from: L.month(from12), to: L.month(month) }),
					value: shareText(L, b.unresolved60, b.old60),
					href: href('/instansi', window)
				},
				{
					label: L.t('rec.ev.openBacklog', { now: L.monthLong(month), before: L.monthLong(before) }),
					value: L.t('rec.ev.nowVsBefore', { now: L.int(b.openNow), before: L.int(b.openBefore) }),
					href: href(regionPath(area.code), { from: from12, to: month })
				}
			]
		})
	];
};
