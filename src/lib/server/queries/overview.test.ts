// Overview queries against a small hand-made warehouse whose answers are known.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isHttpError } from '@sveltejs/kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { emptyWarehouse } from '../../../../pipelines/ingest/test-support';
import { openWarehouse } from '../../../../pipelines/warehouse/open';
import { closeDb, query, QueryShapeError } from '../db';
import { comparisonPeriods, kpis, monthly, overview, periodCards, regionTarget, topCategories } from './overview';

const dir = mkdtempSync(join(tmpdir(), 'telaah-overview-'));
const db = join(dir, 'w.duckdb');
const all = { from: null, to: null };

// tracking, created, first_response, category, status
const ROWS: [string, string | null, string | null, string | null, string][] = [
	['A1', '2020-01-10 08:00', '2020-01-11 08:00', 'Kesehatan', 'selesai'], // 1 day
	['A2', '2020-01-20 08:00', '2020-01-23 08:00', 'Kesehatan', 'ditindaklanjuti'], // 3 days
	['A3', '2020-03-05 08:00', null, 'Corona Virus', 'terdisposisi'],
	['A4', '2020-03-06 08:00', '2020-03-11 08:00', 'Corona Virus', 'ditunda'], // responded, 5 days
	['A5', '2020-03-07 08:00', null, 'Corona Virus', 'dihapus'],
	['A6', '2020-05-01 08:00', null, '=HYPERLINK("x")', 'arsip'],
	['A7', '2021-02-01 08:00', '2021-01-01 08:00', 'Kesehatan', 'selesai'], // response before filing: ignored
	['A8', '2021-02-02 08:00', null, null, 'belum_terverifikasi'],
	['A9', null, null, '  ', 'ditanggapi_pelapor']
];

beforeAll(async () => {
	const w = await openWarehouse(emptyWarehouse(db));
	const lit = (v: string | null) => (v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`);
	const values = ROWS.map(
		([id, created, resp, cat, status], i) =>
			`(${lit(id)}, ${created ? `TIMESTAMP ${lit(created)}` : 'NULL'}, ${resp ? `TIMESTAMP ${lit(resp)}` : 'NULL'}, ${lit(cat)}, ${lit(status)}, ${i})`
	).join(',\n');
	await w.conn.run(`
		INSERT INTO ingest_batches (batch_id, run_id, file_name, file_sha256, file_bytes, format, encoding, profile,
			started_at, finished_at, rows_read, loaded, updated, duplicate, quarantined) VALUES (1, 'r', 'f.csv', 'x', 1, 'csv', 'utf-8', 'generic',
			TIMESTAMP '2024-06-30 23:00:00', TIMESTAMP '2024-07-01 00:30:00', ${ROWS.length}, ${ROWS.length}, 0, 0, 0);
		INSERT INTO complaints (tracking_id, created_at, first_response_at, category_top, status, channel, opd_type,
			is_anonymous, is_confidential, content_hash, first_batch_id, last_batch_id)
		SELECT id, created, resp, cat, status, 'web', 'lainnya', false, false, h::UBIGINT, 1, 1
		FROM (VALUES ${values}) v(id, created, resp, cat, status, h);
	`);
	w.close();
	process.env.TELAAH_DB = db;
});

afterAll(async () => {
	await closeDb();
	delete process.env.TELAAH_DB;
	rmSync(dir, { recursive: true, force: true });
});

describe('overview queries', () => {
	it('computes the KPIs with the documented definitions', async () => {
		const k = await kpis(all);
		expect(k.total).toBe(9);
		// Denominator: 9 minus dihapus (A5) and arsip (A6) = 7. Followed up: A1 A2 A4 A7 A9 = 5.
		expect(k.followUpRate.value).toBeCloseTo(5 / 7, 10);
		// Selesai: A1, A7.
		expect(k.completionRate.value).toBeCloseTo(2 / 7, 10);
		// Response days 1, 3, 5 (A7 ignored): median 3.
		expect(k.medianResponseDays.value).toBeCloseTo(3, 10);
		expect(k.uncategorised).toBe(2);
		const pop = k.population!;
		expect(pop).toBeGreaterThan(270_000_000);
		expect(k.per100k).toBeCloseTo((9 / pop) * 100_000, 10);
	});

	it('filters by period on created_at, months inclusive', async () => {
		const k = await kpis({ from: '2020-03', to: '2020-05' });
		expect(k.total).toBe(4);
		expect(k.followUpRate.value).toBeCloseTo(1 / 2, 10); // A3, A4 eligible; A4 responded
		expect(k.completionRate.value).toBe(0);
		expect((await kpis({ from: '2021-01', to: null })).total).toBe(2);
		expect((await kpis({ from: '2022-01', to: null })).followUpRate.value).toBeNull();
	});

	it('counts months with zero-filled gaps', async () => {
		const m = await monthly(all);
		expect(m[0]).toEqual({ month: '2020-01', n: 2 });
		expect(m.at(-1)).toEqual({ month: '2021-02', n: 2 });
		expect(m).toHaveLength(14);
		expect(m.find((x) => x.month === '2020-02')).toEqual({ month: '2020-02', n: 0 });
		expect(m.reduce((s, x) => s + x.n, 0)).toBe(8); // A9 has no date
		expect(await monthly({ from: '2023-01', to: null })).toEqual([]);
	});

	it('ranks categories with shares of all complaints in the period', async () => {
		const c = await topCategories(all);
		expect(c).toEqual([
			{ category: 'Corona Virus', n: 3, share: 3 / 9 },
			{ category: 'Kesehatan', n: 3, share: 3 / 9 },
			{ category: '=HYPERLINK("x")', n: 1, share: 1 / 9 }
		]);
	});

	it('reports warehouse facts', async () => {
		const o = await overview(all);
		// "Data per" is the data's latest timestamp (A8, 2 Feb 2021), not the load time; its last complete month is January.
		expect(o.warehouse).toEqual({
			complaints: 9,
			undated: 1,
			first_month: '2020-01',
			last_month: '2021-02',
			data_until: '2021-02-02',
			complete_month: '2021-01',
			loaded_at: '2024-07-01T00:30:00'
		});
	});

	it('binds parameters instead of splicing them into SQL', async () => {
		const rows = await query(
			`SELECT count(*)::INTEGER AS n FROM complaints WHERE tracking_id = $id`,
			{ id: "A1' OR '1'='1" },
			z.object({ n: z.number() })
		);
		expect(rows).toEqual([{ n: 0 }]);
	});

	it('refuses rows that do not match the schema (e.g. an uncast BIGINT)', async () => {
		await expect(query(`SELECT count(*) AS n FROM complaints`, {}, z.object({ n: z.number() }))).rejects.toBeInstanceOf(QueryShapeError);
	});

	it('answers 503 with instructions when the warehouse file is missing', async () => {
		await closeDb();
		process.env.TELAAH_DB = join(dir, 'nope.duckdb');
		try {
			await kpis(all);
			expect.unreachable();
		} catch (err) {
			expect(isHttpError(err)).toBe(true);
			if (isHttpError(err)) {
				expect(err.status).toBe(503);
				expect(err.body.message).toContain('nope.duckdb');
				expect(err.body.message).toContain('npm run ingest');
			}
		} finally {
			process.env.TELAAH_DB = db;
		}
		expect((await kpis(all)).total).toBe(9);
	});
});

describe('deadline, backlog, change and target cards', () => {
	// As-of date: 2021-02-02 (A8, the latest timestamp). A9 has no created_at and drops out.
	it('counts deadline breaches in working days and the backlog by open status', async () => {
		const { period: p, months } = await periodCards(all);
		expect(p.total).toBe(8);
		// Nothing is verified: due = unverified and more than 3 working days old, dihapus/arsip out:
		// A1 A2 A3 A4 (A7, A8 are 1 and 0 working days before the as-of date). All breach.
		expect(p.breach3Rate.value).toBe(1);
		// Responded: A1 (Fri→Sat, 0 wd), A2 (3 wd), A4 (Fri→Wed, 3 wd), A7 (before filing: not late);
		// unresponded and overdue: A3 → 1 breach out of 5 due.
		expect(p.breach5Rate.value).toBeCloseTo(1 / 5, 10);
		expect(p.backlogByStatus).toEqual({
			belum_terverifikasi: 1, // A8
			terverifikasi: 0,
			terdisposisi: 1, // A3
			ditindaklanjuti: 1, // A2
			ditanggapi_pelapor: 0, // A9 has no date
			ditunda: 1 // A4
		});
		expect(p.backlog.value).toBe(4);
		expect(p.followUpRate.value).toBeCloseTo(4 / 6, 10); // A1 A2 A4 A7 of A1-A4, A7, A8
		expect(p.medianResponseDays.value).toBeCloseTo(3, 10);
		const jan = months.get('2020-01')!;
		expect([jan.total, jan.followUpRate.value, jan.breach5Rate.value, jan.backlog.value]).toEqual([2, 1, 0, 1]);
		expect(months.has('2020-02')).toBe(false);
	});

	it('compares with the previous period of the same length, or the last full month', async () => {
		expect(comparisonPeriods({ from: '2023-01', to: '2023-06' }, { last_month: '2024-12', complete_month: '2024-11' })).toEqual({
			current: { from: '2023-01', to: '2023-06' },
			previous: { from: '2022-07', to: '2022-12' },
			selected: true
		});
		expect(comparisonPeriods({ from: null, to: null }, { last_month: '2021-02', complete_month: '2021-01' })).toEqual({
			current: { from: '2021-01', to: '2021-01' },
			previous: { from: '2020-12', to: '2020-12' },
			selected: false
		});
		expect(comparisonPeriods({ from: null, to: null }, { last_month: null, complete_month: null })).toBeNull();
		// The last complete month, not the month before the last filing: data filed to June and answered to 6 July compares June.
		expect(comparisonPeriods({ from: null, to: null }, { last_month: '2023-06', complete_month: '2023-06' })?.current).toEqual({
			from: '2023-06',
			to: '2023-06'
		});
		const o = await overview({ from: '2020-03', to: '2020-05' });
		expect(o.change?.previous).toEqual({ from: '2019-12', to: '2020-02' });
		expect(o.change?.now.total).toBe(4); // A3-A6
		expect(o.change?.before.total).toBe(2); // A1, A2
		expect(o.change?.before.followUpRate.value).toBe(1);
		expect(o.cardMonths.map((c) => c.total)).toEqual([3, 0, 1]);
		// Comparison periods inside the selected one are taken from its own query: the same figures as asking for them.
		for (const p of [{}, { from: '2020-03', to: null }, { from: null, to: '2020-05' }]) {
			const { change } = await overview(p);
			expect(change!.now, JSON.stringify(p)).toEqual((await periodCards(change!.current)).period);
			expect(change!.before, JSON.stringify(p)).toEqual((await periodCards(change!.previous)).period);
		}
	});

	it('finds the annual target of the selected region for a period within one year', async () => {
		expect(await regionTarget({ region: '36.03', from: '2023-01', to: '2023-06' })).toEqual({ year: 2023, target: 3000 });
		expect(await regionTarget({ region: '36.03', from: '2022-07', to: '2023-06' })).toBeNull();
		expect(await regionTarget({ region: '36.03', from: null, to: null })).toBeNull();
		expect(await regionTarget({ region: '36.04', from: '2023-01', to: '2023-06' })).toBeNull();
	});
});
