// Cross-check: the ETL must recover what the sample generator meant for every row: region,
// lifecycle status and OPD type. A disagreement is a rule gap in rules.json or aliases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { CSV_EOL, CSV_HEADER_LINE, generateComplaints, toCsvLine, type SampleMeta } from '../sample/generate.ts';
import { loadRegionRefs } from '../sample/reference.ts';
import { REFERENCE_DIR } from '../warehouse/open.ts';
import { emptyWarehouse, ingestInto, scratchDir, sql, type Scratch } from './test-support.ts';

let s: Scratch;
let db: string;
const meta = new Map<string, SampleMeta>();

beforeAll(async () => {
	s = scratchDir();
	const lines = [CSV_HEADER_LINE];
	for (const row of generateComplaints({ rows: 30_000, seed: 7, dirty: 0.02, regions: loadRegionRefs(REFERENCE_DIR) })) {
		lines.push(toCsvLine(row));
		meta.set(row['ID Tracking'], row.meta);
	}
	const file = `${s.dir}/sample.csv`;
	writeFileSync(file, lines.join(CSV_EOL) + CSV_EOL);
	db = emptyWarehouse(`${s.dir}/sample.duckdb`);
	const r = await ingestInto(db, [file]);
	expect(r.rows_read).toBe(30_000);
	expect(r.rows_read).toBe(r.loaded + r.updated + r.duplicate + r.quarantined);
});
afterAll(() => s.cleanup());

describe('ETL on the generated national sample', () => {
	it('loads every clean row and quarantines the deliberately broken ones', async () => {
		const dirty = [...meta.values()].filter((m) => m.dirty).length;
		const [q] = await sql<{ n: number }>(db, `SELECT count(*) n FROM quarantine`);
		// a broken row whose id repeats an earlier one may displace it, so allow a little slack
		expect(q!.n).toBeGreaterThanOrEqual(dirty * 0.9);
		expect(q!.n).toBeLessThanOrEqual(dirty * 1.1 + 5);
	});

	it('recovers the intended region, status and OPD type', async () => {
		const rows = await sql<{ tracking_id: string; regency_code: string; status: string; opd_type: string; agency_raw: string | null }>(
			db,
			`SELECT tracking_id, regency_code, status, opd_type, agency_raw FROM complaints`
		);
		let region = 0,
			status = 0,
			opd = 0,
			clean = 0;
		const misses = new Map<string, number>();
		for (const r of rows) {
			const m = meta.get(r.tracking_id);
			if (!m || m.dirty) continue;
			clean++;
			if (m.regionCode === r.regency_code) region++;
			if (m.status === r.status) status++;
			// rows never dispatched carry no agency: nothing to type
			if (m.opdType === r.opd_type || r.agency_raw === null) opd++;
			else misses.set(`${m.opdType}->${r.opd_type}`, (misses.get(`${m.opdType}->${r.opd_type}`) ?? 0) + 1);
		}
		expect(clean).toBeGreaterThan(29_000);
		expect(region / clean).toBe(1);
		expect(status / clean).toBe(1);
		expect(opd / clean, JSON.stringify([...misses].sort((a, b) => b[1] - a[1]).slice(0, 8))).toBeGreaterThan(0.995);
	});
});
