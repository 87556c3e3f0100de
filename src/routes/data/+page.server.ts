import { requestLang } from '$lib/server/lang';
import { coveredRegions, DATA_TABLES, dataBatches, fieldCoverage, quarantineReasons } from '$lib/server/queries/data';
import { warehouseFacts } from '$lib/server/queries/overview';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async (event) => {
	const lang = requestLang(event);
	const [facts, batches, quarantine, fields, coverage] = await Promise.all([
		warehouseFacts(),
		dataBatches(),
		quarantineReasons(),
		fieldCoverage(),
		coveredRegions()
	]);
	// Each table's downloads (components/Downloads.svelte adds the format's extension).
	const href = (table: string) => `/api/data?${new URLSearchParams({ table, ...(lang === 'id' ? {} : { lang }) })}`;
	return { lang, facts, batches, quarantine, fields, coverage, downloads: Object.fromEntries(DATA_TABLES.map((t) => [t, href(t)])) };
};
