import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AREA_LEVELS, areaLevelOf, areaOf, REGION_LEVELS } from './vocab';

describe('area levels', () => {
	it('reads the level from the code shape, and null for anything else', () => {
		expect(areaLevelOf('')).toBe('national');
		expect(areaLevelOf('36')).toBe('province');
		expect(areaLevelOf('36.03')).toBe('regency');
		for (const bad of ['3', '360', '36.3', '36.03.01', ' 36', 'nasional', '36.']) expect(areaLevelOf(bad), bad).toBeNull();
	});

	it('makes an area of a region code, the nation of null, and refuses anything else', () => {
		expect(areaOf(null)).toEqual({ level: 'national' });
		expect(areaOf('36')).toEqual({ level: 'province', code: '36' });
		expect(areaOf('36.03')).toEqual({ level: 'regency', code: '36.03' });
		expect(() => areaOf('')).toThrow(/not a region code/);
		expect(() => areaOf('36.03.01')).toThrow(/not a region code/);
	});

	it('is the vocabulary of regions.level in the warehouse schema', () => {
		const schema = readFileSync(new URL('./schema.sql', import.meta.url), 'utf8');
		const check = /^\s*level\s+VARCHAR NOT NULL CHECK \(level IN \(([^)]*)\)\)/m.exec(schema);
		expect(check, 'regions.level CHECK in schema.sql').not.toBeNull();
		expect(check![1]!.split(',').map((v) => v.trim().replace(/^'|'$/g, ''))).toEqual([...REGION_LEVELS]);
		expect(AREA_LEVELS.filter((l) => l !== 'national')).toEqual([...REGION_LEVELS]);
	});
});
