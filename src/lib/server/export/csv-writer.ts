// A table declaration's rows as CSV for machines: UTF-8 with a BOM, comma, dot decimals, the
// stable snake_case keys as header, codes rather than labels, formulas defused (core/csv.ts); a figure
// the data cannot give says so ("tidak tersedia") in the request's language. Written
// while the rows are read: a ReadableStream that pulls one batch at a time.
import type { Lang } from '$lib/i18n';
import { CSV_BOM, csvLine, type Cell } from '$lib/core/csv';
import { cellValue, missingText, type Table } from './table';

export function csvStream<R>(table: Table<R>, batches: AsyncIterable<readonly R[]>, lang: Lang): ReadableStream<Uint8Array> {
	const it = batches[Symbol.asyncIterator]();
	const encoder = new TextEncoder();
	let head: string | null = CSV_BOM + csvLine(table.columns.map((c) => c.key));
	let index = 0;
	const cells = (row: R): Cell[] =>
		table.columns.map((c) => {
			const v = cellValue(c, row, index);
			return v === null ? missingText(c, row, lang) : v;
		});
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			const next = await it.next();
			let text = head ?? '';
			head = null;
			if (!next.done)
				for (const row of next.value) {
					text += csvLine(cells(row));
					index++;
				}
			if (text) controller.enqueue(encoder.encode(text));
			if (next.done) controller.close();
		},
		async cancel() {
			await it.return?.();
		}
	});
}
