// The monthly rollup (complaint_monthly) gives exactly the answers of the raw complaints: after
// two real ingests (new rows, changed rows, some moved to another month) the stored rollup equals
// a fresh GROUP BY, and every rollup-backed query equals the same question asked of the
// complaints table with independent SQL, under many filter combinations.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { NO_FILTERS } from '$lib/filters';
import { ingestInto, scratchDir, sql, type Scratch } from '$pipelines/ingest/test-support';
import { CSV_EOL, CSV_HEADER_LINE, generateComplaints, toCsvLine } from '$pipelines/sample/generate';
import { loadRegionRefs } from '$pipelines/sample/reference';
import { REFERENCE_DIR } from '$pipelines/warehouse/open';
import { closeDb, query } from '../db';
import { opdTypeMonthly } from './agencies';
import { complaintPage } from './complaints';
import { FILTER_WHERE, withFilters } from './filter-sql';
import { categoryList } from './options';
import { monthly, topCategories } from './overview';
import { trends, trendsSql } from './trends';

let s: Scratch;
let db: string;
const before = process.env.TELAAH_DB;
const summaries: { loaded: number; updated: number }[] = [];

const shift = (t: string, days: number) => {
	const d = new Date(`${t.replace(' ', 'T')}Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 19).replace('T', ' ');
};

beforeAll(async () => {
	s = scratchDir();
	db = join(s.dir, 'w.duckdb');
	const regions = loadRegionRefs(REFERENCE_DIR);
	const first = [...generateComplaints({ rows: 4_000, seed: 3, regions })];
	const file = (name: string, rows: typeof first) => s.file(name, [CSV_HEADER_LINE, ...rows.map(toCsvLine)].join(CSV_EOL) + CSV_EOL);
	summaries.push(await ingestInto(db, [file('a.csv', first)]));
	// A later export: every 7th complaint closed 90 days on, every 14th also filed 40 days later
	// (another month), plus new complaints.
	const later = first
		.filter((_, i) => i % 7 === 0)
		.map((r, i) => ({
			...r,
			'Tanggal Laporan': i % 2 === 0 ? shift(r['Tanggal Laporan'], 40) : r['Tanggal Laporan'],
			Status: 'Selesai',
			'Tanggal Selesai': shift(r['Tanggal Laporan'], 90)
		}));
	const fresh = [...generateComplaints({ rows: 800, seed: 4, regions })].map((r) => ({ ...r, 'ID Tracking': `NEW-${r['ID Tracking']}` }));
	summaries.push(await ingestInto(db, [file('b.csv', [...later, ...fresh])]));
	process.env.TELAAH_DB = db;
}, 120_000);
afterAll(async () => {
	await closeDb();
	process.env.TELAAH_DB = before;
	s.cleanup();
});

const RAW_ROLLUP = `SELECT date_trunc('month', created_at) AS created_at, province_code, regency_code, category_top, channel, status, opd_type, count(*) AS n FROM complaints GROUP BY ALL`;

describe('complaint_monthly', () => {
	it('equals a fresh GROUP BY of the complaints after new, changed and moved rows', async () => {
		expect(summaries[1]!.updated).toBeGreaterThan(300);
		expect(summaries[1]!.loaded).toBeGreaterThan(700);
		const diff = (a: string, b: string) => sql<{ n: number }>(db, `SELECT count(*) AS n FROM ((${a}) EXCEPT ALL (${b}))`);
		const stored = `SELECT created_at, province_code, regency_code, category_top, channel, status, opd_type, n FROM complaint_monthly`;
		expect((await diff(stored, RAW_ROLLUP))[0]!.n).toBe(0);
		expect((await diff(RAW_ROLLUP, stored))[0]!.n).toBe(0);
		expect((await sql<{ n: number }>(db, `SELECT sum(n) AS n FROM complaint_monthly`))[0]!.n).toBe(
			(await sql<{ n: number }>(db, `SELECT count(*) AS n FROM complaints`))[0]!.n
		);
	});

	it('backs the count queries with the same answers as the raw complaints', async () => {
		const [busy] = await sql<{ p: string; r: string; c: string; o: string }>(
			db,
			`SELECT mode(province_code) AS p, mode(regency_code) AS r, mode(category_top) AS c, mode(opd_type) AS o FROM complaints`
		);
		const cases: Partial<Filters>[] = [
			NO_FILTERS,
			{ from: '2020-01', to: '2020-12' },
			{ from: '2021-03', to: null },
			{ from: null, to: '2019-06' },
			{ region: busy!.p },
			{ region: busy!.r, from: '2020-04', to: '2021-09' },
			{ category: busy!.c },
			{ channel: 'web', status: 'selesai' },
			{ region: busy!.p, status: 'ditindaklanjuti', from: '2019-01', to: '2022-12' }
		];
		const Month = z.object({ month: z.string(), n: z.number().int() });
		const rawMonthly = (cond: string) => `
			WITH m AS (SELECT date_trunc('month', created_at) AS month, count(*) AS n FROM complaints WHERE created_at IS NOT NULL AND ${cond} GROUP BY 1),
			months AS (SELECT unnest(generate_series(min(month), max(month), INTERVAL 1 MONTH)) AS month FROM m)
			SELECT strftime(months.month, '%Y-%m') AS month, coalesce(m.n, 0)::INTEGER AS n FROM months LEFT JOIN m USING (month) ORDER BY months.month`;
		const rawTop = `
			WITH c AS (SELECT nullif(trim(category_top), '') AS category FROM complaints WHERE ${FILTER_WHERE}), total AS (SELECT count(*) AS n FROM c)
			SELECT category, count(*)::INTEGER AS n, (count(*) / any_value(total.n))::DOUBLE AS share FROM c, total
			WHERE category IS NOT NULL GROUP BY category ORDER BY n DESC, category LIMIT 10`;
		let nonEmpty = 0;
		for (const f of cases) {
			const p = withFilters(f);
			const raw = await query(rawMonthly(FILTER_WHERE), p, Month);
			if (raw.length) nonEmpty++;
			expect(await monthly(f), JSON.stringify(f)).toEqual(raw);
			expect(await topCategories(f)).toEqual(await query(rawTop, p, z.object({ category: z.string(), n: z.number(), share: z.number() })));
			const t = await trends(f, 'month');
			expect(t.rows).toEqual(await query(trendsSql('month', 'complaints'), p, z.object({ dim: z.string(), bucket: z.string(), key: z.string().nullable(), n: z.number() })));
			const [count] = await query(`SELECT count(*)::INTEGER AS n FROM complaints WHERE ${FILTER_WHERE}`, p, z.object({ n: z.number() }));
			expect((await complaintPage(f, 1)).total).toBe(count!.n);
			expect(await opdTypeMonthly(f, busy!.o)).toEqual(await query(rawMonthly(`opd_type = $opd AND ${FILTER_WHERE}`), { ...p, opd: busy!.o }, Month));
		}
		expect(nonEmpty).toBeGreaterThan(6);
		const cats = await sql<{ c: string }>(db, `SELECT DISTINCT category_top AS c FROM complaints WHERE nullif(trim(category_top), '') IS NOT NULL ORDER BY 1`);
		expect(await categoryList()).toEqual(cats.map((r) => r.c));
	});
});
