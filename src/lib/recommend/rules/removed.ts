// removed_unverified: a high share of reports deleted or archived without ever being verified,
// well above the peers' share: reports may be dismissed instead of routed.
import { REGION_LEVELS } from '../../core/vocab';
import { candidateRegions, href, recommendation, scoreOf, shareText, type Rule } from '../common';
import type { Recommendation, Severity } from '../types';

export const removedUnverified: Rule = (inputs, th, L) => {
	const cfg = th.removed_unverified;
	const { month, from12 } = inputs;
	const peerShare = { province: 0, regency: 0 };
	for (const lv of REGION_LEVELS) {
		const peers = inputs.regions.filter((r) => r.level === lv);
		const n = peers.reduce((s, r) => s + r.n12, 0);
		peerShare[lv] = n ? peers.reduce((s, r) => s + r.removedUnverified, 0) / n : 0;
	}
	const out: Recommendation[] = [];
	for (const r of candidateRegions(inputs)) {
		if (r.n12 < cfg.minComplaints) continue;
		const share = r.removedUnverified / r.n12;
		const peer = peerShare[r.level];
		if (share < cfg.share || share < cfg.peerFactor * peer) continue;
		const severity: Severity = share >= cfg.high ? 'tinggi' : 'sedang';
		const window = { region: r.code, from: from12, to: month };
		out.push(
			recommendation({
				rule: 'removed_unverified',
				severity,
				score: scoreOf(severity, share),
				scope: { level: r.level, code: r.code, name: r.name },
				title: L.t('rec.removed.title', { area: r.name, pct: L.pct(share), peer: L.pct(peer) }),
				action: L.t('rec.removed.action'),
				evidence: [
					{
						label: L.t('rec.ev.removed', { from: L.month(from12), to: L.month(month) }),
						value: shareText(L, r.removedUnverified, r.n12),
						href: href('/aduan', { ...window, status: 'dihapus' })
					},
					{ label: L.t('rec.ev.removedPeers'), value: L.pct(peer) }
				]
			})
		);
	}
	return out;
};
