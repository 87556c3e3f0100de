// A table declaration's rows as an Excel workbook for people: headers in the UI language, numbers,
// percentages and dates as typed cells, codes as text, labels instead of stored codes where the
// column has them, the header row frozen, and a second sheet "Keterangan" with the filters, the
// data range and every column's definition. Written with exceljs's streaming writer, so the
// 100,000-row complaint list never sits whole in memory. Text is always a string cell, never a
// formula, so no CSV-style defusing is needed (or wanted: an apostrophe would show).
import { once } from 'node:events';
import { PassThrough, Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { wallClockMs } from '$lib/core/arrow';
import { translate, type Lang, type MessageKey } from '$lib/i18n';
import { cellValue, columnDef, columnLabel, missingText, type Column, type ColumnKind, type Table, type Value } from './table';

/** The Keterangan sheet's facts besides the columns: label → value lines, in groups. */
export interface Notes {
	/** [label, value] lines about the data (version, range, load time, rows). */
	about: [string, string][];
	/** [label, value] lines, one per filter or parameter. */
	filters: [string, string][];
}

const NUM_FMT: Partial<Record<ColumnKind, string>> = {
	int: '#,##0',
	float: '#,##0.00',
	pct: '0.00%',
	date: 'yyyy-mm-dd',
	month: 'yyyy-mm',
	timestamp: 'yyyy-mm-dd hh:mm',
	code: '@'
};
const WIDTH: Record<ColumnKind, number> = {
	text: 48,
	category: 24,
	code: 12,
	int: 12,
	float: 12,
	pct: 12,
	date: 12,
	month: 10,
	timestamp: 17,
	bool: 10
};

function xlsxCell<R>(col: Column<R>, row: R, index: number, lang: Lang): ExcelJS.CellValue {
	const v: Value = cellValue(col, row, index);
	// "<5", "tidak tersedia": a text cell, never a 0 a sum or an average would take in.
	if (v === null) return missingText(col, row, lang);
	switch (col.kind) {
		case 'pct':
			// 39.29 % → 0.3929, not 0.39289999999999997
			return Number(((v as number) / 100).toFixed(4));
		case 'date':
		case 'month':
		case 'timestamp':
			return new Date(wallClockMs(v as string));
		case 'text':
		case 'category':
			return col.display ? col.display(v as string, lang, row) : v;
		default:
			return v;
	}
}

export function xlsxStream<R>(table: Table<R>, batches: AsyncIterable<readonly R[]>, lang: Lang, notes: Notes): ReadableStream<Uint8Array> {
	const out = new PassThrough();
	void write(table, batches, lang, notes, out).catch((err: unknown) => out.destroy(err as Error));
	return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

async function write<R>(table: Table<R>, batches: AsyncIterable<readonly R[]>, lang: Lang, notes: Notes, out: PassThrough): Promise<void> {
	const t = (key: MessageKey) => translate(lang, key);
	const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
	book.creator = 'Telaah';
	const sheet = book.addWorksheet(t('export.sheetData'), { views: [{ state: 'frozen', ySplit: 1 }] });
	sheet.columns = table.columns.map((c) => {
		const header = columnLabel(c, lang);
		return { header, key: c.key, width: Math.max(WIDTH[c.kind], Math.min(40, header.length + 2)), style: { numFmt: NUM_FMT[c.kind] } };
	});
	const head = sheet.getRow(1);
	head.font = { bold: true };
	head.alignment = { wrapText: true, vertical: 'top' };
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
	head.commit();
	let index = 0;
	const it = batches[Symbol.asyncIterator]();
	try {
		for (let next = await it.next(); !next.done; next = await it.next()) {
			if (out.destroyed) return;
			for (const row of next.value) {
				sheet.addRow(table.columns.map((c) => xlsxCell(c, row, index, lang))).commit();
				index++;
			}
			// A slow reader holds the rows back instead of the server's memory.
			if (out.writableNeedDrain) await once(out, 'drain');
		}
	} finally {
		await it.return?.();
	}
	sheet.commit();

	const info = book.addWorksheet(t('export.sheetNotes'));
	info.columns = [{ width: 34 }, { width: 30 }, { width: 18 }, { width: 90 }];
	const bold = (r: ExcelJS.Row) => {
		r.font = { bold: true };
		r.commit();
	};
	bold(info.addRow([t(table.description)]));
	info.addRow([]).commit();
	for (const line of [...notes.about, [t('export.rows'), index.toLocaleString(lang === 'id' ? 'id-ID' : 'en-GB')]])
		info.addRow(line).commit();
	info.addRow([]).commit();
	bold(info.addRow([t('export.filters')]));
	for (const line of notes.filters) info.addRow(line).commit();
	info.addRow([]).commit();
	bold(info.addRow([t('export.definitions')]));
	bold(info.addRow([t('export.colLabel'), t('export.colKey'), t('export.colKind'), t('export.colDef')]));
	for (const c of table.columns) {
		const r = info.addRow([columnLabel(c, lang), c.key, t(`export.kind.${c.kind}`), columnDef(c, lang)]);
		r.alignment = { wrapText: true, vertical: 'top' };
		r.commit();
	}
	info.addRow([]).commit();
	info.addRow([t('export.formats'), t('export.formatsNote')]).commit();
	info.commit();
	await book.commit();
}
