// JSON, NDJSON and XLSX exports are turned into a plain CSV (with the source record number as
// its first column) so that every format goes through the same DuckDB staging and SQL.
import { createReadStream, createWriteStream, readFileSync, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import ExcelJS from 'exceljs';
import { csvField } from '../../src/lib/core/csv.ts';
import { SOURCE_ROW_COLUMN } from './headers.ts';
import { UnreadableFileError } from '../../src/lib/core/file-format.server.ts';
import { checkZip } from '../../src/lib/core/zip-guard.server.ts';

export interface ParseFailure {
	sourceRow: number;
	reason: string;
	/** the unparsed text, for the quarantine table */
	raw: string;
}
export interface Converted {
	rows: number;
	failures: ParseFailure[];
}

class CsvSink {
	private out: WriteStream;
	constructor(
		path: string,
		private headers: string[]
	) {
		this.out = createWriteStream(path);
		this.out.write([SOURCE_ROW_COLUMN, ...headers].map(csvField).join(',') + '\n');
	}
	async write(sourceRow: number, values: Record<string, string>) {
		const line = [String(sourceRow), ...this.headers.map((h) => values[h] ?? '')].map(csvField).join(',') + '\n';
		if (!this.out.write(line)) await once(this.out, 'drain');
	}
	async close() {
		this.out.end();
		await once(this.out, 'finish');
	}
}

const cellText = (v: unknown): string => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

function asRecord(v: unknown): Record<string, string> | null {
	if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
	return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, cellText(x)]));
}

/** JSON array (optionally wrapped in an object holding one array), or newline-delimited JSON. */
export async function jsonToCsv(path: string, out: string): Promise<Converted> {
	const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
	const whole = tryParse(text);
	const array = Array.isArray(whole) ? whole : whole && typeof whole === 'object' ? Object.values(whole).find(Array.isArray) : undefined;
	if (array)
		return writeRecords(
			out,
			array.map((v, i) => ({ sourceRow: i + 1, value: v, raw: () => JSON.stringify(v) }))
		);
	if (text.trimStart().startsWith('[')) throw new UnreadableFileError(`${path}: not valid JSON (${jsonError(text)})`);
	return ndjsonToCsv(path, out);
}

async function ndjsonToCsv(path: string, out: string): Promise<Converted> {
	const items: { sourceRow: number; value: unknown; raw: () => string; error?: string }[] = [];
	let line = 0;
	for await (const l of createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity })) {
		line++;
		const s = l.replace(/^\uFEFF/, '').trim();
		if (!s) continue;
		const value = tryParse(s);
		items.push(
			value === undefined
				? { sourceRow: line, value, raw: () => s, error: `line ${line} is not valid JSON (${jsonError(s)})` }
				: { sourceRow: line, value, raw: () => s }
		);
	}
	if (items.length && items.every((i) => i.error)) throw new UnreadableFileError(`${path}: no line is valid JSON`);
	return writeRecords(out, items);
}

async function writeRecords(
	out: string,
	items: { sourceRow: number; value: unknown; raw: () => string; error?: string }[]
): Promise<Converted> {
	const failures: ParseFailure[] = [];
	const records: { sourceRow: number; rec: Record<string, string> }[] = [];
	const headers = new Set<string>();
	for (const item of items) {
		const rec = item.error ? null : asRecord(item.value);
		if (!rec) {
			failures.push({ sourceRow: item.sourceRow, reason: item.error ?? `record ${item.sourceRow} is not a JSON object`, raw: item.raw() });
			continue;
		}
		for (const k of Object.keys(rec)) headers.add(k);
		records.push({ sourceRow: item.sourceRow, rec });
	}
	const sink = new CsvSink(out, [...headers]);
	for (const r of records) await sink.write(r.sourceRow, r.rec);
	await sink.close();
	return { rows: records.length, failures };
}

function tryParse(s: string): unknown {
	try {
		return JSON.parse(s);
	} catch {
		return undefined;
	}
}
function jsonError(s: string): string {
	try {
		JSON.parse(s);
		return '';
	} catch (e) {
		return (e as Error).message;
	}
}

// Caps on what a workbook may produce (the declared sizes checked by checkZip can lie).
const XLSX_MAX_ROWS = 5_000_000;
const XLSX_MAX_COLUMNS = 500;

/** First worksheet; row 1 is the header. Streams, so large workbooks are not held in memory. */
export async function xlsxToCsv(path: string, out: string): Promise<Converted> {
	await checkZip(path);
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
		worksheets: 'emit',
		sharedStrings: 'cache',
		styles: 'cache',
		hyperlinks: 'ignore',
		entries: 'ignore'
	});
	let sink: CsvSink | null = null;
	let headers: string[] = [];
	let rows = 0;
	try {
		for await (const sheet of reader) {
			for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
				if ((row.values as unknown[]).length > XLSX_MAX_COLUMNS + 1)
					throw new UnreadableFileError(`${path}: more than ${XLSX_MAX_COLUMNS} columns`);
				if (rows >= XLSX_MAX_ROWS) throw new UnreadableFileError(`${path}: more than ${XLSX_MAX_ROWS} rows`);
				const values = (row.values as unknown[]).slice(1).map(xlsxCell);
				if (!sink) {
					headers = values.map((v, i) => v.trim() || `column${i + 1}`);
					sink = new CsvSink(out, headers);
					continue;
				}
				if (values.every((v) => v === '')) continue;
				rows++;
				await sink.write(row.number - 1, Object.fromEntries(headers.map((h, i) => [h, values[i] ?? ''])));
			}
			break;
		}
	} catch (e) {
		if (e instanceof UnreadableFileError) throw e;
		throw new UnreadableFileError(`${path}: not a readable XLSX workbook (${(e as Error).message})`);
	}
	if (!sink) throw new UnreadableFileError(`${path}: the workbook has no header row`);
	await sink.close();
	return { rows, failures: [] };
}

const pad = (n: number) => String(n).padStart(2, '0');
function xlsxCell(v: unknown): string {
	if (v instanceof Date) {
		// exceljs returns Excel's wall-clock time as if it were UTC
		return `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())} ${pad(v.getUTCHours())}:${pad(v.getUTCMinutes())}:${pad(v.getUTCSeconds())}`;
	}
	if (v && typeof v === 'object') {
		const o = v as { richText?: { text: string }[]; text?: string; result?: unknown; error?: string };
		if (o.richText) return o.richText.map((r) => r.text).join('');
		if ('result' in o) return xlsxCell(o.result);
		if (o.text !== undefined) return String(o.text);
		if (o.error) return '';
	}
	return cellText(v);
}
