// The one handler behind every /api/<table>.[ext=download] route: the route declares its table
// (table.ts) and how to read its rows for a request; this answers CSV, XLSX or Arrow from the same
// rows, so filters, scope, privacy and small-cell rules are those of the one query function. A bad
// parameter is a plain-text 400 (checked before any byte is sent); the handle hook audits the download.
import { isHttpError, type RequestEvent } from '@sveltejs/kit';
import { FILTER_KEYS, type Filters } from '$lib/filters';
import { translate, type Lang, type MessageKey } from '$lib/i18n';
import { channelLabel, statusLabel } from '$lib/labels';
import { type Format } from '$lib/downloads';
import { arrowStream } from '$lib/core/arrow';
import { requestLang } from '../lang';
import { choiceOr400 } from '../request';
import { dataVersion } from '../db';
import { warehouseFacts } from '../queries/overview';
import { csvStream } from './csv-writer';
import { cellValue, columnLabel, type Table } from './table';
import { xlsxStream, type Notes } from './xlsx-writer';

export interface Extract<R> {
	/** File name without its extension, e.g. 'telaah-wilayah-kabkota_2020-01_2020-12'. */
	filename: string;
	/** All rows, or batches read while the response is written (the complaint list). */
	rows: readonly R[] | AsyncIterable<readonly R[]>;
	filters: Partial<Filters>;
	/** The request's other parameters that shaped the table (sort, level, grain, month). */
	params?: Record<string, string | null>;
}

const CONTENT_TYPE: Record<Format, string> = {
	csv: 'text/csv; charset=utf-8',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	arrow: 'application/vnd.apache.arrow.stream'
};

export type DownloadEvent = RequestEvent<{ ext: string } & Record<string, string>>;

type Handler = (event: DownloadEvent) => Promise<Response>;

export function download<R>(table: Table<R>, load: (event: DownloadEvent, lang: Lang) => Promise<Extract<R>>): Handler {
	return (event) =>
		plainErrors(async () => {
			const format = event.params.ext as Format;
			const lang = requestLang(event);
			const extract = await load(event, lang);
			const batches = Array.isArray(extract.rows) ? single(extract.rows as readonly R[]) : (extract.rows as AsyncIterable<readonly R[]>);
			const body =
				format === 'csv'
					? csvStream(table, batches, lang)
					: format === 'xlsx'
						? xlsxStream(table, batches, lang, await notes(extract, lang))
						: arrowStream(
								table.columns.map((c) => ({ key: c.key, kind: c.kind, metadata: fieldMetadata(c, lang) })),
								valueBatches(table, batches),
								await arrowMetadata(table, extract, lang)
							);
			return new Response(body, {
				headers: {
					'Content-Type': CONTENT_TYPE[format],
					'Content-Disposition': `attachment; filename="${extract.filename.replace(/[^\w.-]/g, '_')}.${format}"`,
					'Cache-Control': 'no-store'
				}
			});
		});
}

/**
 * A route of several tables, one per value of a parameter (`/api/data?table=batches`): each its own
 * download; an unknown value is a plain-text 400 like any bad parameter.
 */
export function downloadOneOf<K extends string>(param: string, handlers: Record<K, Handler>, fallback: K): Handler {
	const choices = Object.keys(handlers) as K[];
	return (event) => plainErrors(async () => handlers[choiceOr400(event.url, requestLang(event), param, choices, fallback)](event));
}

async function plainErrors(respond: () => Promise<Response>): Promise<Response> {
	try {
		return await respond();
	} catch (err) {
		if (isHttpError(err))
			return new Response(`${err.body.message}\n`, { status: err.status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
		throw err;
	}
}

async function* single<R>(rows: readonly R[]): AsyncGenerator<readonly R[]> {
	yield rows;
}

async function* valueBatches<R>(table: Table<R>, batches: AsyncIterable<readonly R[]>) {
	let index = 0;
	for await (const rows of batches)
		yield rows.map((row) => {
			const i = index++;
			return table.columns.map((c) => cellValue(c, row, i));
		});
}

function fieldMetadata<R>(c: Table<R>['columns'][number], lang: Lang): Record<string, string> {
	return {
		label: columnLabel(c, lang),
		...(c.kind === 'pct' ? { unit: 'percent (0-100)' } : {}),
		...(c.kind === 'timestamp' ? { timezone: c.utc ? 'UTC, stored without a zone' : 'wall-clock WIB (UTC+7), stored without a zone' } : {}),
		...(c.suppressed ? { null: 'suppressed small count (1-4, "<5" in CSV) or none' } : {}),
		...(c.unavailable
			? {
					null: 'no figure: "tidak tersedia" in CSV when no complaint in view has the fields it needs, "tidak tercakup" for a region the sources do not cover; else none'
				}
			: {})
	};
}

/** The request's filters and parameters as [label, value] lines, values labelled in the UI language. */
function filterLines(extract: Extract<unknown>, lang: Lang): [string, string][] {
	const t = (key: MessageKey) => translate(lang, key);
	const f = extract.filters;
	const all = t('export.all');
	const lines: [string, string][] = [
		[t('export.period'), f.from || f.to ? `${f.from ?? '…'} – ${f.to ?? '…'}` : t('export.allPeriods')],
		[t('export.region'), f.region ?? all],
		[t('export.category'), f.category ?? all],
		[t('export.channel'), f.channel ? channelLabel(lang, f.channel) : all],
		[t('export.status'), f.status ? statusLabel(lang, f.status) : all]
	];
	if (f.district) lines.push([t('filters.district'), f.district]);
	if (f.agency) lines.push([t('filters.agency'), f.agency]);
	for (const [k, v] of Object.entries(extract.params ?? {})) if (v) lines.push([k, v]);
	return lines;
}

async function notes(extract: Extract<unknown>, lang: Lang): Promise<Notes> {
	const t = (key: MessageKey) => translate(lang, key);
	const [w, version] = await Promise.all([warehouseFacts(), dataVersion()]);
	return {
		about: [
			[t('export.created'), new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC'],
			[t('export.dataVersion'), String(version)],
			[t('export.dataRange'), w.first_month ? `${w.first_month} – ${w.last_month}` : '–'],
			[t('export.dataUntil'), w.data_until ?? '–'],
			[t('export.loadedAt'), w.loaded_at ? `${w.loaded_at.replace('T', ' ')} UTC` : '–']
		],
		filters: filterLines(extract, lang)
	};
}

async function arrowMetadata<R>(table: Table<R>, extract: Extract<R>, lang: Lang): Promise<Record<string, string>> {
	const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, extract.filters[k] ?? null]));
	return {
		'telaah.table': table.name,
		'telaah.description': translate(lang, table.description),
		'telaah.data_version': String(await dataVersion()),
		'telaah.parameters': JSON.stringify({ ...filters, ...extract.params }),
		'telaah.created': new Date().toISOString()
	};
}
