// The holidays_id.csv format (date,kind,name), parsed and checked. No file access here: the web app
// reads the file through Vite (holidays.ts), the pipelines from disk (warehouse/open.ts).

export interface Holiday {
	date: string; // 'YYYY-MM-DD'
	kind: 'libur' | 'cuti_bersama';
	name: string;
}

export function parseHolidays(text: string): Holiday[] {
	const lines = text
		.replace(/^\uFEFF/, '')
		.trim()
		.split(/\r?\n/);
	if (lines[0] !== 'date,kind,name') throw new Error(`holidays_id.csv: unexpected header "${lines[0]}"`);
	return lines.slice(1).map((line, i) => {
		const [date, kind, ...rest] = line.split(',');
		if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || (kind !== 'libur' && kind !== 'cuti_bersama')) {
			throw new Error(`holidays_id.csv line ${i + 2}: "${line}"`);
		}
		return { date, kind, name: rest.join(',') };
	});
}
