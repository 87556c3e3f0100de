import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { scratchDir } from '../ingest/test-support.ts';
import { themeSpikes } from './spikes-warehouse.ts';

describe('themeSpikes on a small DuckDB file', () => {
	const scratch = scratchDir();
	afterAll(() => scratch.cleanup());

	it('reads theme × regency × month counts in one query and returns typed spikes', async () => {
		const inst = await DuckDBInstance.create(`${scratch.dir}/w.duckdb`);
		const conn = await inst.connect();
		try {
			// Only the columns themeSpikes reads, with the warehouse's names and types.
			await conn.run(`
				CREATE TABLE complaints (tracking_id VARCHAR NOT NULL, created_at TIMESTAMP, regency_code VARCHAR, status VARCHAR NOT NULL);
				CREATE TABLE complaint_themes (tracking_id VARCHAR NOT NULL, theme VARCHAR NOT NULL);`);
			let id = 0;
			const add = async (theme: string, regency: string | null, month: string, n: number, status = 'selesai') => {
				const values = Array.from({ length: n }, () => {
					id++;
					return `('${id}', TIMESTAMP '${month}-10 09:00:00', ${regency === null ? 'NULL' : `'${regency}'`}, '${status}')`;
				});
				if (!values.length) return;
				await conn.run(`INSERT INTO complaints VALUES ${values.join(', ')}`);
				await conn.run(
					`INSERT INTO complaint_themes SELECT tracking_id, '${theme}' FROM complaints WHERE tracking_id::INTEGER > ${id - n}`
				);
			};
			const months: string[] = [];
			for (let y = 2018; y <= 2021; y++) for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
			for (const [i, m] of months.entries()) {
				// sampah in Kab. Tangerang: steady 3-4 a month, no spike.
				await add('sampah', '36.03', m, 3 + (i % 2));
				// bansos in Kota Bandung: 1 a month, then the 2020 surge.
				const surge: Record<string, number> = { '2020-04': 30, '2020-05': 45, '2020-06': 20 };
				await add('bansos', '32.73', m, surge[m] ?? 1);
			}
			// Not counted: a deleted batch, and complaints without a regency.
			await add('sampah', '36.03', '2019-08', 60, 'dihapus');
			await add('sampah', null, '2019-08', 60);
			// bansos in 36.03 only from mid-2018 (zeros before are filled in): a small pulse in 2021.
			await add('bansos', '36.03', '2018-07', 1);
			await add('bansos', '36.03', '2021-03', 15);

			const r = await themeSpikes(conn);
			expect(r.months[0]).toBe('2018-01');
			expect(r.months.at(-1)).toBe('2021-12');
			expect(r.months).toHaveLength(48);
			expect(r.series).toBe(3);
			expect(r.spikes.map((s) => [s.theme, s.regencyCode, s.start, s.peak, s.end])).toEqual([
				['bansos', '32.73', '2020-04', '2020-05', '2020-06'],
				['bansos', '36.03', '2021-03', '2021-03', '2021-03']
			]);
			const [bandung] = r.spikes;
			expect(bandung).toMatchObject({ baseline: 1, peakCount: 45, peakBaseline: 1, ratio: 45, peakExcess: 44, excess: 29 + 44 + 19 });

			// Options pass through.
			expect((await themeSpikes(conn, { minExcess: 20 })).spikes.map((s) => s.regencyCode)).toEqual(['32.73']);
		} finally {
			conn.closeSync();
			inst.closeSync();
		}
	});

	it('an empty warehouse: no series, no spikes', async () => {
		const inst = await DuckDBInstance.create(':memory:');
		const conn = await inst.connect();
		try {
			await conn.run(`
				CREATE TABLE complaints (tracking_id VARCHAR NOT NULL, created_at TIMESTAMP, regency_code VARCHAR, status VARCHAR NOT NULL);
				CREATE TABLE complaint_themes (tracking_id VARCHAR NOT NULL, theme VARCHAR NOT NULL);`);
			expect(await themeSpikes(conn)).toEqual({ months: [], series: 0, spikes: [] });
		} finally {
			conn.closeSync();
			inst.closeSync();
		}
	});
});
