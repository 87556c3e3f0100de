// recurring: "complaints that are always the same" — one theme makes up a steady share of a
// kab/kota's complaints month after month and the share is not falling (last quarter of the
// window vs the first). One finding per kab/kota: its strongest such theme, the others in the title.
import { href, recommendation, regionPath, scoreOf, type Rule } from '../common';
import type { Recommendation } from '../types';
import { themeName } from '../../core/themes';

const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);

export const recurring: Rule = (inputs, th, L) => {
	if (!inputs.themes) return [];
	const cfg = th.recurring;
	const { month } = inputs;
	const k = cfg.months;
	const totals = new Map(inputs.themes.filter((s) => s.theme === null).map((s) => [s.regencyCode, s.counts.slice(-k)]));
	const names = new Map(inputs.regions.map((r) => [r.code, r.name]));
	const found = new Map<string, { theme: string; share: number; first: number; last: number; present: number }[]>();
	for (const s of inputs.themes) {
		if (s.theme === null) continue;
		const counts = s.counts.slice(-k);
		const total = totals.get(s.regencyCode);
		if (!total || sum(total) === 0) continue;
		const present = counts.filter((c) => c >= cfg.minPerMonth).length;
		const share = sum(counts) / sum(total);
		const q = Math.max(1, Math.floor(k / 4));
		const first = sum(counts.slice(0, q)) / Math.max(1, sum(total.slice(0, q)));
		const last = sum(counts.slice(-q)) / Math.max(1, sum(total.slice(-q)));
		if (present < cfg.minMonthsPresent || share < cfg.minShare || last < first) continue;
		const list = found.get(s.regencyCode) ?? [];
		list.push({ theme: s.theme, share, first, last, present });
		found.set(s.regencyCode, list);
	}
	const from = inputs.months.at(-k)!;
	const out: Recommendation[] = [];
	for (const [code, list] of found) {
		list.sort((a, b) => b.share - a.share || a.theme.localeCompare(b.theme));
		const top = list[0]!;
		const label = (t: string) => themeName(t, L.lang);
		const name = names.get(code) ?? code;
		out.push(
			recommendation({
				rule: 'recurring',
				severity: 'sedang',
				score: scoreOf('sedang', top.share),
				scope: { level: 'regency', code, name },
				title: L.t('rec.recurring.title', { theme: label(top.theme), area: name, months: L.int(top.present), of: L.int(k) }),
				action: L.t('rec.recurring.action', { theme: label(top.theme) }),
				evidence: [
					{
						label: L.t('rec.ev.themeShare', { theme: label(top.theme) }),
						value: L.pct(top.share),
						href: href(regionPath(code), { from, to: month })
					},
					{
						label: L.t('rec.ev.shareTrend'),
						value: L.t('rec.ev.fromTo', { first: L.pct(top.first), last: L.pct(top.last) }),
						href: href('/tren', { region: code, from, to: month })
					},
					...list.slice(1, 3).map((o) => ({ label: L.t('rec.ev.themeShare', { theme: label(o.theme) }), value: L.pct(o.share) }))
				]
			})
		);
	}
	return out;
};
