// deadline_breach: the 3-working-day (verify and route) and 5-working-day (follow up) deadlines
// missed in a large share of the month's due complaints, for the area as a whole and per OPD type
// and authority of the agencies the complaints went to.
//
// Who is asked to act: the viewer's own agencies (a kab/kota's: its Pemda's; a province's: its own
// and its kab/kota's; the nation's: every recognised one) come first and are asked to act. Agencies
// outside that authority (ministries, their offices in the region, BUMN, the province's offices
// seen from a kab/kota) are to be coordinated with, at low severity, so they rank after whatever
// the viewer can act on. A catch-all (OPD type
// "lainnya", an agency not recognised or not recorded) is never named as the actor: its complaints
// count in the area's figures only.
import { authorityLabel, opdLabel } from '$lib/labels';
import type { AreaLevel, Authority } from '../../core/vocab';
import { href, recommendation, scoreOf, shareText, type Rule } from '../common';
import type { DeadlineRow } from '../inputs';
import type { Recommendation, Severity } from '../types';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

const OWN: Record<AreaLevel, ReadonlySet<Authority>> = {
	regency: new Set(['pemda']),
	province: new Set(['pemda', 'pemprov']),
	national: new Set(['pemda', 'pemprov', 'kementerian', 'vertikal', 'bumn'])
};

/** An OPD type's agencies the viewer acts on (authority null: all its own ones together), or those of one other authority. */
type Group = DeadlineRow & { key: string; opdType: string; own: boolean };
const named = (d: DeadlineRow): d is DeadlineRow & { opdType: string; authority: Authority } =>
	d.opdType !== null && d.opdType !== 'lainnya' && d.authority !== null && d.authority !== 'lainnya';

export const deadlineBreach: Rule = (inputs, th, L) => {
	const cfg = th.deadline_breach;
	const { area, month } = inputs;
	const view = (opd: string | null) => href(opd ? `/instansi/${opd}` : '/instansi', { region: area.code, from: month, to: month });
	const breaching = (d: DeadlineRow, minDue: number) =>
		(d.due5 >= minDue && rate(d.breach5, d.due5) >= cfg.share5) || (d.due3 >= minDue && rate(d.breach3, d.due3) >= cfg.share3);
	const evidence = (d: DeadlineRow, opd: string | null) => [
		{ label: L.t('rec.ev.breach5'), value: shareText(L, d.breach5, d.due5), href: view(opd) },
		{ label: L.t('rec.ev.breach3'), value: shareText(L, d.breach3, d.due3), href: view(opd) }
	];
	const severity = (d: DeadlineRow): Severity => (rate(d.breach5, d.due5) >= cfg.high5 ? 'tinggi' : 'sedang');
	const strength = (d: DeadlineRow) => Math.max(rate(d.breach5, d.due5), rate(d.breach3, d.due3));
	// "Dinas Pendidikan (Pemerintah provinsi)": the authority is said where the OPD type leaves it open.
	const actor = (d: Group) =>
		d.authority === 'pemprov' || (d.authority === 'vertikal' && d.opdType !== 'kepolisian' && d.opdType !== 'bpn')
			? L.t('rec.deadline.actor', { opd: opdLabel(L.lang, d.opdType), authority: authorityLabel(L.lang, d.authority) })
			: opdLabel(L.lang, d.opdType);
	// The viewer's own agencies of one OPD type count together (a province's Dinas Pendidikan and its
	// kab/kota's), the others per authority.
	const groups = new Map<string, Group>();
	for (const d of inputs.deadlines.filter(named)) {
		const own = OWN[area.level].has(d.authority);
		const key = own ? d.opdType : `${d.opdType}@${d.authority}`;
		const g = groups.get(key);
		if (!g) groups.set(key, { ...d, key, own, authority: own ? null : d.authority });
		else Object.assign(g, { due3: g.due3 + d.due3, breach3: g.breach3 + d.breach3, due5: g.due5 + d.due5, breach5: g.breach5 + d.breach5 });
	}
	const byOpd = [...groups.values()]
		.filter((d) => breaching(d, cfg.opdMinDue))
		.sort((a, b) => Number(b.own) - Number(a.own) || strength(b) - strength(a) || b.due5 - a.due5 || a.key.localeCompare(b.key));
	const out: Recommendation[] = [];
	const total = inputs.deadlines.find((d) => d.opdType === null);
	if (total && breaching(total, cfg.minDue)) {
		out.push(
			recommendation({
				rule: 'deadline_breach',
				severity: severity(total),
				score: scoreOf(severity(total), strength(total)),
				scope: { level: area.level, code: area.code, name: area.name },
				title: L.t('rec.deadline.title', { area: area.name, pct: L.pct(rate(total.breach5, total.due5)), month: L.monthLong(month) }),
				action: L.t('rec.deadline.action'),
				evidence: [
					...evidence(total, null),
					...byOpd.slice(0, 2).map((d) => ({
						label: L.t('rec.ev.breach5Opd', { opd: actor(d) }),
						value: shareText(L, d.breach5, d.due5),
						href: view(d.opdType)
					}))
				]
			})
		);
	}
	for (const d of byOpd.slice(0, cfg.opdMax)) {
		const name = actor(d);
		const sev = d.own ? severity(d) : 'rendah';
		out.push(
			recommendation({
				rule: 'deadline_breach',
				severity: sev,
				score: scoreOf(sev, strength(d)),
				scope: { level: 'opd', code: d.key, name },
				title: L.t('rec.deadline.opdTitle', { opd: name, area: area.name, pct: L.pct(rate(d.breach5, d.due5)), month: L.monthLong(month) }),
				action: L.t(d.own ? 'rec.deadline.opdAction' : 'rec.deadline.coordAction', { opd: name }),
				evidence: evidence(d, d.opdType)
			})
		);
	}
	return out;
};
