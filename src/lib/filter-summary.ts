// The filters in one line, for the collapsed filter bar on phones ("2024 · Kab. Tangerang") and
// the overview's period badge.
import type { Filters } from './filters';
import type { I18n } from './i18n';
import { channelLabel, statusLabel } from './labels';

/** The period in words: "2024" for a whole calendar year, else "Maret 2020 – Januari 2021", "Sejak …", "Seluruh periode". */
export function periodText(p: Pick<Filters, 'from' | 'to'>, L: I18n): string {
	const { from, to } = p;
	if (from && to) {
		if (from.slice(0, 4) === to.slice(0, 4) && from.endsWith('-01') && to.endsWith('-12')) return from.slice(0, 4);
		if (from === to) return L.monthLong(from);
		return L.t('overview.periodRange', { from: L.monthLong(from), to: L.monthLong(to) });
	}
	if (from) return L.t('overview.periodFrom', { from: L.monthLong(from) });
	if (to) return L.t('overview.periodTo', { to: L.monthLong(to) });
	return L.t('overview.periodAll');
}

/**
 * Every filter's value, unset ones left out except the period and the region, which always say
 * what is shown: `regionName` is the chosen region's name, or the signed-in user's own region
 * (a scoped user never sees "Seluruh Indonesia"), or null for the whole country.
 */
export function filterSummary(f: Filters, regionName: string | null, L: I18n): string {
	return [
		periodText(f, L),
		regionName ?? L.t('filters.regionAll'),
		f.category,
		f.channel && channelLabel(L.lang, f.channel),
		f.status && statusLabel(L.lang, f.status)
	]
		.filter(Boolean)
		.join(' · ');
}
