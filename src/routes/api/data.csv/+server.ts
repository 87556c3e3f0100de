// /data's tables as CSV (`?table=batches|quarantine|sources|months`): the same rows as the page,
// in the same scope (a scoped user's part only; quarantine is for national users).
import { error } from '@sveltejs/kit';
import { SOURCE_FIELDS } from '$lib/core/fields';
import { translate } from '$lib/i18n';
import { csvResponse, pct } from '$lib/server/csv-response';
import type { Cell } from '$lib/server/csv';
import { requestLang } from '$lib/server/lang';
import { DATA_TABLES, dataBatches, fieldCoverage, quarantineReasons, type FieldCoverage } from '$lib/server/queries/data';
import { choiceOr400 } from '$lib/server/request';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = (event) =>
	csvResponse(async () => {
		const lang = requestLang(event);
		const table = choiceOr400(event.url, lang, 'table', DATA_TABLES, 'batches');
		const absent = translate(lang, 'metric.absent');
		const filename = `telaah-data-${table}.csv`;
		if (table === 'batches') {
			const { rows } = await dataBatches();
			return {
				filename,
				header: [
					'batch_id',
					'file',
					'profile',
					'format',
					'loaded_at',
					'rows_read',
					'loaded',
					'updated',
					'duplicate',
					'quarantined',
					'coverage'
				],
				rows: rows.map((b) => [
					b.batch_id,
					b.file_name,
					b.profile,
					b.format,
					b.loaded_at,
					b.rows_read,
					b.loaded,
					b.updated,
					b.duplicate,
					b.quarantined,
					b.coverage
				])
			};
		}
		if (table === 'quarantine') {
			const rows = await quarantineReasons();
			if (!rows) error(403, { code: 'national_only', message: translate(lang, 'data.quarantineNational') });
			return {
				filename,
				header: ['reason_code', 'rows', 'files', 'example_reason', 'first_file'],
				rows: rows.map((q) => [q.reason_code, q.n, q.files, q.example, q.first_file])
			};
		}
		const cov = await fieldCoverage();
		const row = (c: FieldCoverage): Cell[] => [
			c.key ?? translate(lang, 'data.undated'),
			c.n,
			...SOURCE_FIELDS.flatMap((f) => [pct(c.fields[f].provided), c.fields[f].provided === 0 ? absent : pct(c.fields[f].filled)])
		];
		return {
			filename,
			header: [
				table === 'sources' ? 'source' : 'month',
				'complaints',
				...SOURCE_FIELDS.flatMap((f) => [`${f}_provided_pct`, `${f}_filled_pct`])
			],
			rows: (table === 'sources' ? cov.sources : cov.months).map(row)
		};
	});
