// CSV export (RFC 4180) that is also safe to open in a spreadsheet: a text cell beginning
// with = + - @ (also after leading spaces or line breaks, and their full-width forms) or with a
// tab / carriage return could be run as a formula, so it gets a leading apostrophe (OWASP "CSV
// injection"). Numbers are written as numbers and never prefixed.
export type Cell = string | number | boolean | null | undefined;

const FORMULA_START = /^(\s*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n])/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	let s = value;
	if (FORMULA_START.test(s)) s = `'${s}`;
	return NEEDS_QUOTES.test(s) || s !== s.trim() ? `"${s.replaceAll('"', '""')}"` : s;
}

/** One record with its CRLF line end. */
export const csvLine = (cells: readonly Cell[]): string => cells.map(csvCell).join(',') + '\r\n';

/** The UTF-8 BOM every download starts with, so Excel reads the accents right. */
export const CSV_BOM = '\uFEFF';

/** Header plus rows, CRLF line ends, with a UTF-8 BOM so Excel reads the accents right. */
export function toCsv(header: string[], rows: Cell[][]): string {
	return CSV_BOM + [header, ...rows].map(csvLine).join('');
}
