// deadline_breach: the 3-working-day (verify and route) and 5-working-day (follow up) deadlines
// missed in a large share of the month's due complaints, for the area as a whole and per OPD type.
import { opdLabel } from '$lib/labels';
import { href, recommendation, scoreOf, shareText, type Rule } from '../common';
import type { DeadlineRow } from '../inputs';
import type { Recommendation } from '../types';

const rate = (part: number, whole: number) => (whole > 0 ? part / whole : 0);

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
	const severity = (d: DeadlineRow) => (rate(d.breach5, d.due5) >= cfg.high5 ? 'tinggi' : 'sedang');
	const strength = (d: DeadlineRow) => Math.max(rate(d.breach5, d.due5), rate(d.breach3, d.due3));
	const byOpd = inputs.deadlines
		.filter((d): d is DeadlineRow & { opdType: string } => d.opdType !== null && breaching(d, cfg.opdMinDue))
		.sort((a, b) => strength(b) - strength(a) || b.due5 - a.due5 || a.opdType.localeCompare(b.opdType));
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
						label: L.t('rec.ev.breach5Opd', { opd: opdLabel(L.lang, d.opdType) }),
						value: shareText(L, d.breach5, d.due5),
						href: view(d.opdType)
					}))
				]
			})
		);
	}
	for (const d of byOpd.slice(0, cfg.opdMax)) {
		const name = opdLabel(L.lang, d.opdType);
		out.push(
			recommendation({
				rule: 'deadline_breach',
				severity: severity(d),
				score: scoreOf(severity(d), strength(d)),
				scope: { level: 'opd', code: d.opdType, name },
				title: L.t('rec.deadline.opdTitle', { opd: name, area: area.name, pct: L.pct(rate(d.breach5, d.due5)), month: L.monthLong(month) }),
				action: L.t('rec.deadline.opdAction', { opd: name }),
				evidence: evidence(d, d.opdType)
			})
		);
	}
	return out;
};
