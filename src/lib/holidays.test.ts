import { describe, expect, it } from 'vitest';
import { HOLIDAYS, isWorkingDay, parseHolidays, workingDaysBetween } from './holidays';

describe('Indonesian holidays and working days', () => {
	it('loads 2018–2024 from data/reference/holidays_id.csv, sorted and unique', () => {
		const years = new Set(HOLIDAYS.map((h) => h.date.slice(0, 4)));
		expect([...years]).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);
		const dates = HOLIDAYS.map((h) => h.date);
		expect(new Set(dates).size).toBe(dates.length);
		expect([...dates].sort()).toEqual(dates);
		for (const y of years) expect(dates).toContain(`${y}-08-17`);
		expect(HOLIDAYS.find((h) => h.date === '2023-04-21')).toEqual({
			date: '2023-04-21',
			kind: 'cuti_bersama',
			name: 'Cuti bersama Idul Fitri'
		});
		expect(() => parseHolidays('date,kind,name\n2020-1-1,libur,x')).toThrow(/line 2/);
	});

	it('reads a holiday name holding a comma in quotes', () => {
		expect(parseHolidays('date,kind,name\r\n2024-03-11,libur,"Isra Mi\'raj, Nabi Muhammad SAW"\r\n')).toEqual([
			{ date: '2024-03-11', kind: 'libur', name: "Isra Mi'raj, Nabi Muhammad SAW" }
		]);
	});

	it('treats weekends and holidays as non-working days', () => {
		expect(isWorkingDay('2020-05-22')).toBe(true); // Friday between Kenaikan and Lebaran
		expect(isWorkingDay('2020-05-21')).toBe(false); // Kenaikan Isa Almasih
		expect(isWorkingDay('2020-05-23')).toBe(false); // Saturday
		expect(isWorkingDay('2024-02-14')).toBe(false); // Pemilu
	});

	it('counts working days after the filing date up to the event date', () => {
		expect(workingDaysBetween('2020-05-18', '2020-05-18')).toBe(0);
		expect(workingDaysBetween('2020-05-18', '2020-05-22')).toBe(3); // Tue, Wed, Fri
		expect(workingDaysBetween('2020-05-18', '2020-05-28')).toBe(6); // + Tue 26, Wed 27, Thu 28
		expect(workingDaysBetween('2020-05-23', '2020-05-26 08:00')).toBe(1); // Sat → Tue (Mon 25 is Idul Fitri)
		expect(workingDaysBetween('2023-04-18', '2023-04-26')).toBe(1); // Lebaran 2023: 19–25 Apr off, Wed 26 counts
		expect(workingDaysBetween('2020-05-28', '2020-05-18')).toBe(-6);
	});
});
