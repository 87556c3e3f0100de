import type { MessageKey } from '$lib/i18n';

/** The main navigation. Pages other than the overview are added by later work. */
export const NAV: { href: string; key: MessageKey; nationalOnly?: boolean }[] = [
	{ href: '/', key: 'nav.overview' },
	{ href: '/tren', key: 'nav.trends' },
	{ href: '/wilayah', key: 'nav.regions' },
	{ href: '/instansi', key: 'nav.agencies' },
	{ href: '/topik', key: 'nav.topics' },
	{ href: '/aduan', key: 'nav.complaints' },
	{ href: '/rekomendasi', key: 'nav.recommendations' },
	{ href: '/notebooks', key: 'nav.notebooks', nationalOnly: true }
];
