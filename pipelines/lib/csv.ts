// RFC 4180 field quoting shared by the CSV writers in pipelines/ (sample export, ETL staging).
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string): string {
	return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}
