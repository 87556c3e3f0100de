// /data's tables (`?table=batches|quarantine|sources|months`): the same rows as the page, in the
// same scope (a scoped user's part only; quarantine is for national users: 403 for the others).
import { error } from '@sveltejs/kit';
import { translate } from '$lib/i18n';
import { download, downloadOneOf } from '$lib/server/export/download';
import { batchTable, coverageLines, monthCoverageTable, quarantineTable, sourceCoverageTable } from '$lib/server/export/tables';
import { dataBatches, fieldCoverage, quarantineReasons, type DATA_TABLES } from '$lib/server/queries/data';

type DataTable = (typeof DATA_TABLES)[number];

export const GET = downloadOneOf<DataTable>(
	'table',
	{
		batches: download(batchTable, async () => ({ filename: batchTable.name, filters: {}, rows: (await dataBatches()).rows })),
		quarantine: download(quarantineTable, async (_, lang) => {
			const rows = await quarantineReasons();
			if (!rows) error(403, { code: 'national_only', message: translate(lang, 'data.quarantineNational') });
			return { filename: quarantineTable.name, filters: {}, rows };
		}),
		sources: download(sourceCoverageTable, async (_, lang) => ({
			filename: sourceCoverageTable.name,
			filters: {},
			rows: coverageLines((await fieldCoverage()).sources, lang)
		})),
		months: download(monthCoverageTable, async (_, lang) => ({
			filename: monthCoverageTable.name,
			filters: {},
			rows: coverageLines((await fieldCoverage()).months, lang)
		}))
	},
	'batches'
);
