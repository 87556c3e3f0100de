import { describe, expect, it } from 'vitest';
import { isRegionCode } from './region-codes';

describe('isRegionCode', () => {
	it('knows the 38 provinces and 514 kab/kota of the reference tables, and nothing else', () => {
		for (const code of ['11', '36', '96', '36.03', '35.78', '11.01']) expect(isRegionCode(code), code).toBe(true);
		for (const code of ['99', '00', '36.99', '99.99', '36.3', '', '36.03 ', '3603']) expect(isRegionCode(code), code).toBe(false);
	});
});
