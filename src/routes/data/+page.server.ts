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
	const csv = (table: string) => `/api/data.csv?${new URLSearchParams({ table, ...(lang === 'id' ? {} : { lang }) })}`;
	return { lang, facts, batches, quarantine, fields, coverage, csv: Object.fromEntries(DATA_TABLES.map((t) => [t, csv(t)])) };
};
