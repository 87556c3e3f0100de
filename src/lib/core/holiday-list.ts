// The holidays_id.csv format (date,kind,name), parsed and checked. No file access here: the web app
// reads the file through Vite (holidays.ts), the pipelines from disk (warehouse/open.ts).
import { readCsvRecords } from './csv';

export interface Holiday {
	date: string; // 'YYYY-MM-DD'
	kind: 'libur' | 'cuti_bersama';
	name: string;
}

export function parseHolidays(text: string): Holiday[] {
	const [head, ...body] = readCsvRecords(text, 'holidays_id.csv');
	if (head?.cells.join() !== 'date,kind,name') throw new Error(`holidays_id.csv: unexpected header "${head?.cells.join() ?? ''}"`);
	return body.map(({ line, cells: [date, kind, name] }) => {
		if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || (kind !== 'libur' && kind !== 'cuti_bersama')) {
			throw new Error(`holidays_id.csv line ${line}: "${[date, kind, name].join()}"`);
		}
		return { date, kind, name: name! };
	});
}
