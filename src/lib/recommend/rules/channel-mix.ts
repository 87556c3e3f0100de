// channel_mix: a region whose complaints arrive through a channel mix far from its peers' (same
// level): one channel carrying a much larger, or much smaller, share than across all peers.
import { channelLabel } from '$lib/labels';
import { candidateRegions, href, recommendation, scoreOf, type Rule } from '../common';
import type { Recommendation } from '../types';

export const channelMix: Rule = (inputs, th, L) => {
	const cfg = th.channel_mix;
	const { month, from12 } = inputs;
	const level = new Map(inputs.regions.map((r) => [r.code, r.level]));
	const byRegion = new Map<string, Map<string, number>>();
	const peerTotals = { province: new Map<string, number>(), regency: new Map<string, number>() };
	for (const c of inputs.channels) {
		const lv = level.get(c.code);
		if (!lv) continue;
		const m = byRegion.get(c.code) ?? new Map<string, number>();
		m.set(c.channel, c.n);
		byRegion.set(c.code, m);
		peerTotals[lv].set(c.channel, (peerTotals[lv].get(c.channel) ?? 0) + c.n);
	}
	const totalOf = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
	const out: Recommendation[] = [];
	for (const r of candidateRegions(inputs)) {
		const mine = byRegion.get(r.code);
		if (!mine) continue;
		const n = totalOf(mine);
		if (n < cfg.minComplaints) continue;
		const peers = peerTotals[r.level];
		const peerN = totalOf(peers);
		let worst: { channel: string; share: number; peer: number; gap: number } | null = null;
		for (const channel of [...new Set([...mine.keys(), ...peers.keys()])].sort()) {
			const share = (mine.get(channel) ?? 0) / n;
			const peer = (peers.get(channel) ?? 0) / peerN;
			const gap = share - peer;
			if (Math.abs(gap) >= cfg.minGap && (!worst || Math.abs(gap) > Math.abs(worst.gap) + 1e-9)) worst = { channel, share, peer, gap };
		}
		if (!worst) continue;
		const ch = channelLabel(L.lang, worst.channel);
		out.push(
			recommendation({
				rule: 'channel_mix',
				severity: 'rendah',
				score: scoreOf('rendah', Math.abs(worst.gap)),
				scope: { level: r.level, code: r.code, name: r.name },
				title: L.t(worst.gap > 0 ? 'rec.channel.overTitle' : 'rec.channel.underTitle', {
					area: r.name,
					channel: ch,
					share: L.pct(worst.share),
					peer: L.pct(worst.peer)
				}),
				action: L.t(worst.gap > 0 ? 'rec.channel.overAction' : 'rec.channel.underAction', { channel: ch }),
				evidence: [
					{
						label: L.t('rec.ev.channelShare', { channel: ch }),
						value: L.pct(worst.share),
						href: href('/tren', { region: r.code, from: from12, to: month })
					},
					{ label: L.t('rec.ev.channelPeers', { channel: ch }), value: L.pct(worst.peer), href: href('/tren', { from: from12, to: month }) }
				]
			})
		);
	}
	return out;
};
