// CSV for every side of the project: one reader (csv-parse, a maintained RFC 4180 parser) and the
// small writers that stream downloads, the sample export, ETL staging and the topic store.
//
// Reading runs on node only: csv-parse's entry needs node's Buffer (its browser build carries a
// Buffer shim of 14 KB gzip), so a CSV the browser needs (events.csv) is read at build time
// (vite.config.ts, `?records` imports) and the client gets its records, not a parser.
import { parse } from 'csv-parse/sync';

/** A record and the line of the file it ends on (its only line, but for quoted line breaks). */
export interface CsvRecord {
	line: number;
	cells: string[];
}

/**
 * The records of a CSV text: a leading BOM dropped, CRLF, LF or CR, quoted fields holding commas,
 * doubled quotes and line breaks; blank lines skipped. Every record must have as many fields as
 * the first, and a quote may not open mid-field: a malformed text throws, naming `source` and the
 * line, rather than shifting columns.
 */
export const readCsv = (text: string, source = 'CSV'): string[][] => parsed<string[]>(text, source, false);

/** readCsv with each record's line, for messages that point into a file people edit. */
export const readCsvRecords = (text: string, source = 'CSV'): CsvRecord[] =>
	parsed<{ record: string[]; info: { lines: number } }>(text, source, true).map((r) => ({ line: r.info.lines, cells: r.record }));

function parsed<T>(text: string, source: string, info: boolean): T[] {
	try {
		// Every line end ends a record, so a file edited on two systems (CRLF and LF lines) still reads.
		return parse(text, { bom: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'], info }) as T[];
	} catch (e) {
		throw new Error(`${source}: ${(e as Error).message}`, { cause: e });
	}
}

const NEEDS_QUOTES = /[",\r\n]/;

const quoted = (s: string) => `"${s.replaceAll('"', '""')}"`;

/** RFC 4180 quoting for machine-read files (sample export, staging, topic store): only when needed. */
export const csvField = (value: string): string => (NEEDS_QUOTES.test(value) ? quoted(value) : value);

export type Cell = string | number | boolean | null | undefined;

// A text cell beginning with = + - @ (also after leading spaces or line breaks, and their
// full-width forms) or with a tab / carriage return could be run by a spreadsheet as a formula, so
// it gets a leading apostrophe (OWASP "CSV injection").
const FORMULA_START = /^(\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/;

/**
 * One cell of a download, safe to open in a spreadsheet: formulas defused, numbers written as
 * numbers (never prefixed), and padded text quoted so a spreadsheet keeps its spaces.
 */
export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const s = FORMULA_START.test(value) ? `'${value}` : value;
	return s !== s.trim() ? quoted(s) : csvField(s);
}

/** One record of a download with its CRLF line end. */
export const csvLine = (cells: readonly Cell[]): string => cells.map(csvCell).join(',') + '\r\n';

/** The UTF-8 BOM every download starts with, so Excel reads the accents right. */
export const CSV_BOM = '\uFEFF';
