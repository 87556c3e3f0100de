// The region codes a warehouse knows: its `regions` table is loaded from these reference tables
// (pipelines/warehouse/open.ts), as `npm run user` checks a user's region against them. A region
// filter naming any other code is a bad request, not an empty view.
import provincesCsv from '../../../data/reference/provinces.csv?raw';
import regenciesCsv from '../../../data/reference/regencies.csv?raw';
import { readCsv } from '$lib/core/csv';

const codes = (csv: string) =>
	readCsv(csv)
		.slice(1)
		.map((cells) => cells[0]!);

const KNOWN: ReadonlySet<string> = new Set([...codes(provincesCsv), ...codes(regenciesCsv)]);

/** Whether `code` is a province ('36') or kab/kota ('36.03') of the reference tables. */
export const isRegionCode = (code: string): boolean => KNOWN.has(code);
