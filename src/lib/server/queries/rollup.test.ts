// The monthly rollup (monthly_rollup) gives exactly the answers of the raw complaints: after
// three real ingests (new rows, changed rows, some moved to another month, a later snapshot) its
// full slice equals a fresh GROUP BY, every other slice the sums of the full one, its deadline counts equal the per-complaint ones as of
// the new snapshot, a changed holiday list recounts them, and every rollup-backed query equals
// the same question asked of the complaints table with independent SQL, under many filter
// combinations, kecamatan and agency filters (counted from the complaints themselves, ROLLUP_FROM)
// included; so does the kecamatan breakdown of a kab/kota.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Filters } from '$lib/filters';
import { NO_FILTERS } from '$lib/filters';
import { emptyWarehouse, ingestInto, laporCsv, scratchDir, sql, type Scratch } from '../../../../pipelines/ingest/test-support';
import { generateComplaints } from '../../../../pipelines/sample/generate';
import { loadRegionRefs } from '../../../../pipelines/sample/reference';
import { DuckDBInstance } from '@duckdb/node-api';
import { ensureDeadlineFacts, FACTS_CALENDAR } from '$lib/core/deadline-facts.server';
import { readHolidayDates, REFERENCE_DIR } from '../../../../pipelines/warehouse/open';
import { ensureRollup, GRAINS, ROLLUP_COUNTS, ROLLUP_META_KEY, ROW_CONDITIONS } from '$lib/core/rollup.server';
import type { Measured } from '$lib/core/metrics';
import { withWarehouse } from '../../../../pipelines/ingest/test-support';
import { closeDb, query } from '../db';
import { DEADLINE_CTE, opdTypeMonthly } from './agencies';

// The deadline counts per complaint, written out here from the conditions the rollup counts with.
const DEADLINE_COUNTS = (['due3', 'breach3', 'due5', 'breach5', 'old60', 'unresolved60'] as const)
	.map((k) => `count(*) FILTER (WHERE ${ROW_CONDITIONS[k]})::INTEGER AS ${k}`)
	.join(', ');
/** A rate's [denominator, numerator]. */
const counts = (m: Measured) => [m.den!, m.value === null ? 0 : Math.round(m.value * m.den!)] as const;
import { complaintPage } from './complaints';
import { districtBreakdown } from './districts';
import { FILTER_WHERE, withFilters } from './filter-sql';
import { categoryList } from './options';
import { kpis, monthly, topCategories } from './overview';
import { regionRanking } from './regions';
import { trends, trendsSql } from './trends';

let s: Scratch;
let db: string;
const before = process.env.TELAAH_DB;
const summaries: { loaded: number; updated: number }[] = [];
const stamps: string[] = [];
const stamp = async () => (await sql<{ value: string }>(db, `SELECT value FROM meta WHERE key = '${ROLLUP_META_KEY}'`))[0]!.value;

const shift = (t: string, days: number) => {
	const d = new Date(`${t.replace(' ', 'T')}Z`);
	d.setUTCDate(d.getUTCDate() + days);
	return d.toISOString().slice(0, 19).replace('T', ' ');
};

beforeAll(async () => {
	s = scratchDir();
	db = emptyWarehouse(join(s.dir, 'w.duckdb'));
	const regions = loadRegionRefs(REFERENCE_DIR);
	const first = [...generateComplaints({ rows: 4_000, seed: 3, regions })];
	// Most complaints name their kecamatan (a real one of their kab/kota), some a name that matches none.
	const kecamatan = new Map(regions.map((r) => [r.code, r.districts]));
	const file = (name: string, rows: typeof first) =>
		s.file(
			name,
			laporCsv(
				// The generator's `meta` (what it planted) is no export column.
				rows.map(({ meta: _meta, ...r }, i) => {
					const names = kecamatan.get(r['Kode Wilayah']) ?? [];
					return { ...r, Kecamatan: i % 10 === 9 ? 'Kecamatan Fiktif' : i % 10 === 8 ? '' : (names[i % Math.max(1, names.length)] ?? '') };
				}),
				{ extraHeaders: ['Kecamatan'] }
			)
		);
	summaries.push(await ingestInto(db, [file('a.csv', first)]));
	stamps.push(await stamp());
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
	stamps.push(await stamp());
	// One complaint filed 100 days after that snapshot: only its month is written, but open complaints
	// of the months before the old snapshot crossed their deadlines (and 60 days) meanwhile.
	const late = {
		...fresh[0]!,
		'ID Tracking': 'LATE-1',
		'Tanggal Laporan': shift(stamps[1]!.slice(0, 19).replace('T', ' '), 100),
		Status: 'Belum Terverifikasi',
		'Tanggal Verifikasi': '',
		'Tanggal Disposisi': '',
		'Tanggal Tindak Lanjut': '',
		'Tanggal Selesai': ''
	};
	summaries.push(await ingestInto(db, [file('c.csv', [late])]));
	stamps.push(await stamp());
	process.env.TELAAH_DB = db;
}, 120_000);
afterAll(async () => {
	await closeDb();
	process.env.TELAAH_DB = before;
	s.cleanup();
});

const RAW_ROLLUP = `SELECT date_trunc('month', created_at) AS created_at, province_code, regency_code, category_top, channel, status, opd_type, count(*) AS n FROM complaints GROUP BY ALL`;

describe('monthly_rollup', () => {
	it('equals a fresh GROUP BY of the complaints after new, changed and moved rows', async () => {
		expect(summaries[1]!.updated).toBeGreaterThan(300);
		expect(summaries[1]!.loaded).toBeGreaterThan(700);
		const diff = (a: string, b: string) => sql<{ n: number }>(db, `SELECT count(*) AS n FROM ((${a}) EXCEPT ALL (${b}))`);
		const stored = `SELECT created_at, province_code, regency_code, category_top, channel, status, opd_type, n FROM monthly_rollup WHERE grain = 'full'`;
		expect((await diff(stored, RAW_ROLLUP))[0]!.n).toBe(0);
		expect((await diff(RAW_ROLLUP, stored))[0]!.n).toBe(0);
		for (const g of GRAINS)
			expect((await sql<{ n: number }>(db, `SELECT sum(n) AS n FROM monthly_rollup WHERE grain = '${g}'`))[0]!.n, g).toBe(
				(await sql<{ n: number }>(db, `SELECT count(*) AS n FROM complaints`))[0]!.n
			);
		// Each slice holds the full slice's counts summed over the breakdowns it leaves out.
		const counts = Object.keys(ROLLUP_COUNTS)
			.map((k) => `sum(${k})::INTEGER AS ${k}`)
			.join(', ');
		const slices: Record<string, string> = { area: '', category: 'category_top', channel: 'channel', status: 'status', opd: 'opd_type' };
		for (const [g, dim] of Object.entries(slices)) {
			const keys = ['created_at', 'province_code', 'regency_code', ...(dim ? [dim] : [])].join(', ');
			const slice = `SELECT ${keys}, ${counts} FROM monthly_rollup WHERE grain = '${g}' GROUP BY ALL`;
			const summed = `SELECT ${keys}, ${counts} FROM monthly_rollup WHERE grain = 'full' GROUP BY ALL`;
			expect((await diff(slice, summed))[0]!.n, g).toBe(0);
			expect((await diff(summed, slice))[0]!.n, g).toBe(0);
		}
	});

	it('holds the deadline counts of every complaint as of the current snapshot and holiday list', async () => {
		expect(summaries[2]!.loaded).toBe(1);
		expect(stamps[0]!.slice(0, 19) < stamps[1]!.slice(0, 19) && stamps[1]!.slice(0, 19) < stamps[2]!.slice(0, 19)).toBe(true);
		const COLS = `strftime(created_at, '%Y-%m') AS month, province_code, regency_code, category_top, channel, status, opd_type, n, due3, breach3, due5, breach5, old60, unresolved60`;
		const Counts = z.record(z.string(), z.union([z.string(), z.number(), z.null()]));
		// Per complaint, with the server's snapshot (made from the file as it is now) and the dashboard's own deadline SQL.
		const perComplaint = () =>
			query(
				`WITH ${DEADLINE_CTE.replace('c.tracking_id,', 'c.tracking_id, c.category_top, c.channel,')}, g AS (
					SELECT date_trunc('month', created_at) AS created_at, province_code, regency_code, category_top, channel, status, opd_type,
						count(*)::INTEGER AS n, ${DEADLINE_COUNTS}
					FROM f GROUP BY ALL
				)
				SELECT ${COLS} FROM g ORDER BY ALL`,
				withFilters(NO_FILTERS),
				Counts
			);
		const stored = (where = '') =>
			sql<Record<string, unknown>>(
				db,
				`SELECT ${COLS} FROM monthly_rollup WHERE grain = 'full' AND created_at IS NOT NULL ${where} ORDER BY ALL`
			);
		const expected = await perComplaint();
		expect(expected.reduce((a, r) => a + (r.breach3 as number), 0)).toBeGreaterThan(100);
		expect(await stored()).toEqual(expected);
		// Unknown filing dates: counted, but never due.
		expect(
			await sql(db, `SELECT * FROM monthly_rollup WHERE created_at IS NULL AND due3 + due5 + breach3 + breach5 + old60 + unresolved60 > 0`)
		).toEqual([]);

		// Every Monday of 2020 a holiday (as openWarehouse would do it): the rollup is recounted under the new list, then back.
		const mondays: string[] = [];
		for (let d = new Date('2020-01-06T00:00:00Z'); d.getUTCFullYear() === 2020; d.setUTCDate(d.getUTCDate() + 7))
			mondays.push(d.toISOString().slice(0, 10));
		await closeDb();
		const inst = await DuckDBInstance.create(db);
		const conn = await inst.connect();
		try {
			const changed = [...readHolidayDates(), ...mondays];
			await ensureDeadlineFacts(conn, changed);
			await ensureRollup(conn, FACTS_CALENDAR, changed);
		} finally {
			conn.closeSync();
			inst.closeSync();
		}
		expect(await stamp()).not.toBe(stamps[2]);
		expect(await stored()).not.toEqual(expected);
		await withWarehouse(db, async () => undefined);
		expect(await stamp()).toBe(stamps[2]);
		expect(await stored()).toEqual(expected);
	});

	it('backs the count queries with the same answers as the raw complaints', async () => {
		const [busy] = await sql<{ p: string; r: string; c: string; o: string; d: string; a: string }>(
			db,
			`SELECT mode(province_code) AS p, mode(regency_code) AS r, mode(category_top) AS c, mode(opd_type) AS o,
				mode(district_code) AS d, mode(agency_name) AS a FROM complaints`
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
			{ region: busy!.p, status: 'ditindaklanjuti', from: '2019-01', to: '2022-12' },
			{ region: busy!.d.slice(0, 5), district: busy!.d },
			{ region: busy!.d.slice(0, 5), district: busy!.d, from: '2020-01', to: '2021-12', channel: 'web' },
			{ agency: busy!.a },
			{ region: busy!.p, agency: busy!.a, status: 'selesai' },
			{ agency: busy!.a, category: busy!.c, district: busy!.d }
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
			expect(t.rows).toEqual(
				await query(
					trendsSql('month', 'complaints'),
					p,
					z.object({ dim: z.string(), bucket: z.string(), key: z.string().nullable(), n: z.number() })
				)
			);
			const [count] = await query(`SELECT count(*)::INTEGER AS n FROM complaints WHERE ${FILTER_WHERE}`, p, z.object({ n: z.number() }));
			expect((await complaintPage(f, 1)).total).toBe(count!.n);
			expect((await kpis(f, false)).total, JSON.stringify(f)).toBe(count!.n);
			expect(await opdTypeMonthly(f, busy!.o)).toEqual(
				await query(rawMonthly(`opd_type = $opd AND ${FILTER_WHERE}`), { ...p, opd: busy!.o }, Month)
			);
			// Deadline and follow-up counts per province, against the per-complaint deadline SQL.
			const perProvince = await query(
				`WITH ${DEADLINE_CTE} SELECT province_code AS code, count(*)::INTEGER AS n, ${DEADLINE_COUNTS},
					count(*) FILTER (WHERE NOT removed)::INTEGER AS eligible,
					count(*) FILTER (WHERE NOT removed AND (status IN ('ditindaklanjuti', 'ditanggapi_pelapor', 'selesai') OR first_response_at IS NOT NULL))::INTEGER AS followed_up
				FROM f WHERE province_code IS NOT NULL GROUP BY 1 ORDER BY 1`,
				withFilters({ ...f, region: null }),
				z.record(z.string(), z.union([z.string(), z.number()]))
			);
			const ranked = (await regionRanking({ ...f, region: null }, 'province', 'code')).filter((r) => r.n > 0);
			const asCounts = (r: (typeof ranked)[number]) => {
				const [due3, breach3] = counts(r.breach3Rate);
				const [due5, breach5] = counts(r.breach5Rate);
				const [old60, unresolved60] = counts(r.unresolved60Rate);
				const [eligible, followed_up] = counts(r.followUpRate);
				return { code: r.code, n: r.n, due3, breach3, due5, breach5, old60, unresolved60, eligible, followed_up };
			};
			expect(ranked.map(asCounts), JSON.stringify(f)).toEqual(perProvince);
		}
		expect(nonEmpty).toBeGreaterThan(10);
		const cats = await sql<{ c: string }>(
			db,
			`SELECT DISTINCT category_top AS c FROM complaints WHERE nullif(trim(category_top), '') IS NOT NULL ORDER BY 1`
		);
		expect(await categoryList()).toEqual(cats.map((r) => r.c));
	});

	it('breaks a kab/kota down by kecamatan: every kecamatan of the reference, the unmatched apart, counts as the complaints say', async () => {
		const [busy] = await sql<{ r: string }>(db, `SELECT mode(regency_code) AS r FROM complaints WHERE district_code IS NOT NULL`);
		const regency = busy!.r;
		for (const f of [NO_FILTERS, { ...NO_FILTERS, from: '2021-01', to: '2022-06', status: 'selesai' as const }]) {
			const b = await districtBreakdown(f, regency);
			const raw = await query(
				`WITH ${DEADLINE_CTE.replace('c.tracking_id,', 'c.tracking_id, c.district_code,')}
				SELECT district_code AS code, count(*)::INTEGER AS n, ${DEADLINE_COUNTS} FROM f GROUP BY 1`,
				withFilters({ ...f, region: regency }),
				z.record(z.string(), z.union([z.string(), z.number(), z.null()]))
			);
			const [all] = await query(
				`SELECT count(*)::INTEGER AS n FROM complaints WHERE ${FILTER_WHERE}`,
				withFilters({ ...f, region: regency }),
				z.object({ n: z.number() })
			);
			const [kec] = await sql<{ n: number }>(db, `SELECT count(*)::INTEGER AS n FROM districts WHERE regency_code = '${regency}'`);
			expect(b.rows.filter((r) => r.code !== null)).toHaveLength(kec!.n);
			expect(b.total).toBe(all!.n);
			const byCode = new Map(raw.map((r) => [r.code as string | null, r]));
			for (const r of b.rows) {
				const x = byCode.get(r.code);
				const [due3, breach3] = counts(r.breach3Rate);
				const [due5, breach5] = counts(r.breach5Rate);
				// Dated complaints only in the deadline CTE; every complaint in the row's volume.
				expect({ due3, breach3, due5, breach5 }, r.code ?? 'unmatched').toEqual({
					due3: x?.due3 ?? 0,
					breach3: x?.breach3 ?? 0,
					due5: x?.due5 ?? 0,
					breach5: x?.breach5 ?? 0
				});
			}
			expect(b.rows.some((r) => r.code === null && r.n > 0)).toBe(true);
		}
	});
});
