// Queries behind /tren, /instansi, /wilayah and /aduan against a small hand-made warehouse
// whose answers are worked out by hand in the comments. Working days around Idul Fitri 2020:
// Thu 21 May (Kenaikan) and Mon 25 May (Idul Fitri day 2) are holidays; Fri 22 and Tue 26 are not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { Measured } from '$lib/core/metrics';
import { NO_FILTERS } from '$lib/filters';
import { workingDaysBetween } from '$lib/holidays';
import { emptyWarehouse } from '../../../../pipelines/ingest/test-support';
import { openWarehouse } from '../../../../pipelines/warehouse/open';
import { closeDb, query } from '../db';
import { agencyLeague, opdTypeAgencies, opdTypeMonthly, opdTypeSummary } from './agencies';
import { complaintById, complaintCsvRows, complaintPage, PAGE_SIZE } from './complaints';
import { lateCsvRows, lateGroups, lateList, lateSummary } from './late';
import { regionRanking } from './regions';
import { trends } from './trends';

const dir = mkdtempSync(join(tmpdir(), 'telaah-pages-'));
/** A rate's [denominator, numerator] (core/metrics.ts Measured): the counts the comments work out by hand. */
const counts = (m: Measured) => [m.den, m.value === null ? 0 : Math.round(m.value * m.den!)];
const db = join(dir, 'w.duckdb');
const all = NO_FILTERS;

// id, created, verified, first_response, closed, status, opd, agency, province, regency, category, channel, confidential
type R = [string, string, string | null, string | null, string | null, string, string, string, string, string, string, string, boolean];
const ROWS: R[] = [
	[
		'B1',
		'2020-05-18 10:00',
		'2020-05-22 10:00',
		'2020-05-26 10:00',
		'2020-05-28 10:00',
		'selesai',
		'dinsos',
		'Dinsos Lebak',
		'36',
		'36.02',
		'Corona Virus',
		'web',
		false
	],
	[
		'B2',
		'2020-05-18 10:00',
		'2020-05-26 10:00',
		'2020-05-28 10:00',
		null,
		'ditindaklanjuti',
		'dinsos',
		'Dinsos Lebak',
		'36',
		'36.02',
		'Corona Virus',
		'sms',
		false
	],
	['B3', '2020-05-18 10:00', null, null, null, 'belum_terverifikasi', 'pupr', 'PUPR Lebak', '36', '36.02', 'Pekerjaan Umum', 'web', false],
	['B4', '2020-05-18 10:00', null, null, null, 'dihapus', 'pupr', 'PUPR Lebak', '36', '36.02', 'Pekerjaan Umum', 'web', false],
	[
		'B5',
		'2020-05-19 10:00',
		'2020-05-19 11:00',
		'2020-05-10 10:00',
		null,
		'ditanggapi_pelapor',
		'dinsos',
		'Dinsos Bogor',
		'32',
		'32.01',
		'Kesehatan',
		'android',
		false
	],
	[
		'B6',
		'2020-12-01 10:00',
		'2020-12-01 12:00',
		'2020-12-01 12:00',
		'2020-12-02 10:00',
		'selesai',
		'disdukcapil',
		'Disdukcapil Lebak',
		'36',
		'36.02',
		'Kependudukan',
		'web',
		true
	]
];

beforeAll(async () => {
	const w = await openWarehouse(emptyWarehouse(db));
	const lit = (v: string | null) => (v === null ? 'NULL' : `'${v.replaceAll("'", "''")}'`);
	const ts = (v: string | null) => (v === null ? 'NULL' : `TIMESTAMP ${lit(v)}`);
	const values = ROWS.map(
		(r, i) =>
			`(${lit(r[0])}, ${ts(r[1])}, ${ts(r[2])}, ${ts(r[3])}, ${ts(r[4])}, ${lit(r[5])}, ${lit(r[6])}, ${lit(r[7])}, ${lit(r[8])}, ${lit(r[9])}, ${lit(r[10])}, ${lit(r[11])}, ${r[12]}, ${i})`
	).join(',\n');
	await w.conn.run(`
		INSERT INTO ingest_batches (batch_id, run_id, file_name, file_sha256, file_bytes, format, encoding, profile,
			started_at, finished_at, rows_read, loaded, updated, duplicate, quarantined) VALUES (1, 'r', 'f.csv', 'x', 1, 'csv', 'utf-8', 'generic',
			TIMESTAMP '2024-06-30 23:00:00', TIMESTAMP '2024-07-01 00:30:00', ${ROWS.length}, ${ROWS.length}, 0, 0, 0);
		INSERT INTO complaints (tracking_id, created_at, verified_at, first_response_at, closed_at, status, opd_type, agency_name,
			province_code, regency_code, category_top, channel, is_confidential, title, body, is_anonymous, content_hash, first_batch_id, last_batch_id)
		SELECT id, c, v, fr, cl, st, opd, ag, p, r, cat, ch, conf, 'Judul ' || id, '<script>alert(1)</script> isi ' || id, false, h::UBIGINT, 1, 1
		FROM (VALUES ${values}) v(id, c, v, fr, cl, st, opd, ag, p, r, cat, ch, conf, h);
	`);
	w.close();
	process.env.TELAAH_DB = db;
});

afterAll(async () => {
	await closeDb();
	delete process.env.TELAAH_DB;
	rmSync(dir, { recursive: true, force: true });
});

describe('working-day calendar in SQL', () => {
	it('agrees with workingDaysBetween() for every pair of days around Lebaran 2020 and 2023', async () => {
		const rows = await query(
			`SELECT strftime(a.d, '%Y-%m-%d') AS a, strftime(b.d, '%Y-%m-%d') AS b, (b.wd - a.wd)::INTEGER AS n
			FROM work_calendar a, work_calendar b
			WHERE (a.d BETWEEN DATE '2020-05-15' AND DATE '2020-06-02' AND b.d BETWEEN DATE '2020-05-15' AND DATE '2020-06-02')
				OR (a.d BETWEEN DATE '2023-04-15' AND DATE '2023-04-30' AND b.d BETWEEN DATE '2023-04-15' AND DATE '2023-04-30')`,
			{},
			z.object({ a: z.string(), b: z.string(), n: z.number() })
		);
		expect(rows.length).toBe(19 * 19 + 16 * 16);
		for (const r of rows) expect([r.a, r.b, r.n]).toEqual([r.a, r.b, workingDaysBetween(r.a, r.b)]);
	});
});

describe('agency league (/instansi)', () => {
	it('computes response times, deadline breaches and unresolved-after-60-days by OPD type', async () => {
		const rows = await agencyLeague(all);
		const dinsos = rows.find((r) => r.opd_type === 'dinsos')!;
		expect(dinsos.n).toBe(3);
		expect(dinsos.agency).toBeNull();
		// Response 8 and 10 days (B5's response precedes its filing: ignored).
		expect(dinsos.medianResponseDays.value).toBeCloseTo(9, 10);
		expect(dinsos.responseP90).toBeCloseTo(9.8, 10);
		expect(dinsos.closeMedianDays.value).toBeCloseTo(10, 10);
		// Verified after 3 (B1), 4 (B2), 0 (B5) working days.
		expect(counts(dinsos.breach3Rate)).toEqual([3, 1]);
		// First response after 4 (B1), 6 (B2), -7 (B5) working days.
		expect(counts(dinsos.breach5Rate)).toEqual([3, 1]);
		// As of 2 Dec 2020 all three are older than 60 days; B2 and B5 are not closed.
		expect(counts(dinsos.unresolved60Rate)).toEqual([3, 2]);
		expect(dinsos.unresolved60Rate.value).toBeCloseTo(2 / 3, 10);

		const pupr = rows.find((r) => r.opd_type === 'pupr')!;
		// B4 (dihapus) leaves the deadline denominators; B3 is still unverified, long overdue.
		expect([pupr.n, ...counts(pupr.breach3Rate), ...counts(pupr.breach5Rate), ...counts(pupr.unresolved60Rate)]).toEqual([
			2, 1, 1, 1, 1, 2, 1
		]);
		expect(pupr.medianResponseDays.value).toBeNull();
		// B6 was filed within 60 days of the as-of date.
		const capil = rows.find((r) => r.opd_type === 'disdukcapil')!;
		expect([capil.unresolved60Rate.den, capil.unresolved60Rate.value]).toEqual([0, null]);
		expect(rows.map((r) => r.opd_type)).toEqual(['dinsos', 'pupr', 'disdukcapil']);
	});

	it('groups by agency within a region and sorts', async () => {
		const rows = await agencyLeague({ ...all, region: '36' }, 'breach5');
		expect(rows.map((r) => [r.agency, r.n])).toEqual([
			['PUPR Lebak', 2], // breach5 1/1
			['Dinsos Lebak', 2], // 1/2
			['Disdukcapil Lebak', 1] // 0/1
		]);
		const byName = await agencyLeague({ ...all, region: '32.01' }, 'name');
		expect(byName.map((r) => r.agency)).toEqual(['Dinsos Bogor']);
		expect((await agencyLeague({ ...all, channel: 'sms' }))[0]).toMatchObject({ opd_type: 'dinsos', n: 1 });
	});

	it('scopes the same metrics to one OPD type: summary, agencies by kab/kota, monthly (/instansi/[type])', async () => {
		const dinsos = (await opdTypeSummary(all, 'dinsos'))!;
		expect(dinsos).toMatchObject({ opd_type: 'dinsos', agency: null, n: 3 });
		expect([counts(dinsos.breach3Rate), counts(dinsos.breach5Rate), counts(dinsos.unresolved60Rate)]).toEqual([
			[3, 1],
			[3, 1],
			[3, 2]
		]);
		expect(dinsos.medianResponseDays.value).toBeCloseTo(9, 10);
		expect(dinsos.responseP90).toBeCloseTo(9.8, 10);
		expect(dinsos.breach5Rate.value).toBeCloseTo(1 / 3, 10);
		// The league table's own row, unchanged by the parameter.
		expect(dinsos).toEqual((await agencyLeague(all)).find((r) => r.opd_type === 'dinsos'));
		expect(await opdTypeSummary(all, 'bpbd')).toBeNull();
		expect((await opdTypeSummary({ ...all, channel: 'sms' }, 'dinsos'))!.n).toBe(1);

		const agencies = await opdTypeAgencies(all, 'dinsos');
		// Dinsos Lebak: B1 (verified 3 WD, response 4 WD), B2 (4 WD, 6 WD); Dinsos Bogor: B5.
		expect(
			agencies.map((r) => [
				r.agency,
				r.regency_code,
				r.n,
				counts(r.breach3Rate)[1],
				counts(r.breach5Rate)[1],
				counts(r.unresolved60Rate)[1]
			])
		).toEqual([
			['Dinsos Lebak', '36.02', 2, 1, 1, 1],
			['Dinsos Bogor', '32.01', 1, 0, 0, 1]
		]);
		expect(agencies[0]!.medianResponseDays.value).toBeCloseTo(9, 10);
		expect((await opdTypeAgencies({ ...all, region: '32' }, 'dinsos')).map((r) => r.agency)).toEqual(['Dinsos Bogor']);

		expect(await opdTypeMonthly(all, 'dinsos')).toEqual([{ month: '2020-05', n: 3 }]);
		const pupr = await opdTypeMonthly(all, 'disdukcapil');
		expect(pupr).toEqual([{ month: '2020-12', n: 1 }]);
		expect(await opdTypeMonthly(all, 'bpbd')).toEqual([]);
	});
});

describe('trends (/tren)', () => {
	it('counts per month by category, channel and status, gaps filled', async () => {
		const t = await trends(all, 'month');
		expect(t.total).toBe(6);
		const cat = t.series.category;
		expect(cat.buckets[0]).toBe('2020-05-01');
		expect(cat.buckets).toHaveLength(8); // May–Dec 2020
		expect(cat.keys).toEqual(['Corona Virus', 'Pekerjaan Umum', 'Kependudukan', 'Kesehatan']);
		expect(cat.counts[0]![0]).toBe(2);
		expect(t.series.channel.totals).toEqual([4, 1, 1]);
		expect(t.series.channel.keys).toEqual(['web', 'android', 'sms']);
		const may = (await trends({ ...all, from: '2020-05', to: '2020-05', status: 'selesai' }, 'week')).series.status;
		expect(may).toEqual({ buckets: ['2020-05-18'], keys: ['selesai'], counts: [[1]], totals: [1] });
	});
});

describe('region ranking (/wilayah)', () => {
	it('lists every kab/kota of a province with per-capita and compliance figures', async () => {
		const rows = await regionRanking({ ...all, region: '36' }, 'regency', 'n');
		expect(rows.length).toBeGreaterThan(5); // every kab/kota of Banten
		const lebak = rows[0]!;
		expect([lebak.code, lebak.n]).toEqual(['36.02', 5]);
		expect(lebak.per100k).toBeCloseTo((5 / lebak.population!) * 100_000, 10);
		// Eligible B1 B2 B3 B6; followed up B1 B2 B6.
		expect(lebak.followUpRate.value).toBeCloseTo(3 / 4, 10);
		// Verification due: B1 (3 days, ok), B2 (4, late), B3 (overdue), B6 (0): 2 of 4 breached.
		expect(lebak.comply3.value).toBeCloseTo(1 / 2, 10);
		expect(lebak.province_rank).toBe(1);
		expect(rows.slice(1).every((r) => r.n === 0 && r.followUpRate.value === null)).toBe(true);
		expect(new Set(rows.map((r) => r.band)).size).toBeGreaterThan(1);
		const provinces = await regionRanking(all, 'province', 'n');
		expect(provinces).toHaveLength(38);
		expect(provinces.slice(0, 2).map((r) => [r.code, r.n])).toEqual([
			['36', 5],
			['32', 1]
		]);
	});
});

describe('complaint list (/aduan)', () => {
	it('pages newest first and withholds confidential text', async () => {
		const p = await complaintPage(all, 1);
		expect(p.total).toBe(6);
		expect(PAGE_SIZE).toBe(25);
		expect(p.rows.map((r) => r.tracking_id)).toEqual(['B6', 'B5', 'B1', 'B2', 'B3', 'B4']);
		expect(p.rows[0]).toMatchObject({ is_confidential: true, title: null });
		expect(p.rows[1]!.title).toBe('Judul B5');
		expect((await complaintPage(all, 2)).rows).toEqual([]);
		expect((await complaintPage({ ...all, region: '32' }, 1)).total).toBe(1);
		const streamed = [];
		for await (const batch of complaintCsvRows(all)) streamed.push(...batch);
		expect(streamed.map((r) => r.tracking_id)).toEqual(p.rows.map((r) => r.tracking_id));
		expect(streamed.find((r) => r.tracking_id === 'B6')!.title).toBeNull();
		const d = await complaintById('B6');
		expect([d?.title, d?.body]).toEqual([null, null]);
		expect((await complaintById('B5'))?.body).toBe('<script>alert(1)</script> isi B5');
		expect(await complaintById("B5' OR '1'='1")).toBeUndefined();
	});
});

describe('text search (/aduan?q=)', () => {
	it('matches every word in title or body, within the filters, never a confidential complaint', async () => {
		const ids = async (terms: string[], f = all, page = 1) => (await complaintPage(f, page, terms)).rows.map((r) => r.tracking_id);
		// B6 is confidential: its title and body hold the words too.
		expect(await ids(['isi'])).toEqual(['B5', 'B1', 'B2', 'B3', 'B4']);
		expect((await complaintPage(all, 1, ['isi'])).total).toBe(5);
		expect(await ids(['judul', 'b5'])).toEqual(['B5']);
		expect(await ids(['b6'])).toEqual([]);
		expect(await ids(['<script>'], { ...all, region: '36' })).toEqual(['B1', 'B2', 'B3', 'B4']);
		// A page past the last still knows the total.
		expect(await complaintPage(all, 2, ['isi'])).toEqual({ total: 5, rows: [] });
		const streamed = [];
		for await (const batch of complaintCsvRows({ ...all, region: '36' }, ['b2'])) streamed.push(...batch);
		expect(streamed.map((r) => r.tracking_id)).toEqual(['B2']);
	});
});

describe('late complaints (/aduan/terlambat)', () => {
	it('lists open complaints still waiting past their deadline at the as-of date, per agency, with the working days overdue', async () => {
		// As of 2 Dec 2020 (B6 closed): B3 is still unverified and unanswered since 18 May. B4 was removed
		// (dihapus), B1 and B6 are done, B2 and B5 were answered.
		const wd = workingDaysBetween('2020-05-18', '2020-12-02');
		const s = await lateSummary(all);
		expect(s).toEqual({
			late: 1,
			verify: { value: 1, known: 6, of: 6 },
			respond: { value: 1, known: 6, of: 6 },
			groups: 1
		});
		expect(await lateGroups(all, 10)).toEqual([
			{ agency: 'PUPR Lebak', opd_type: 'pupr', n: 1, verify_late: 1, respond_late: 1, oldest: '2020-05-18', most_late: wd - 3 }
		]);
		const rows = await lateList(all, 10, 10);
		expect(rows.map((r) => [r.tracking_id, r.verify_known, r.verify_late, r.respond_late, r.title])).toEqual([
			['B3', true, wd - 3, wd - 5, 'Judul B3']
		]);
		expect(await lateCsvRows(all)).toEqual(rows);
		expect((await lateSummary({ ...all, region: '32' })).late).toBe(0);
		expect(await lateList({ ...all, agency: 'Dinsos Lebak' }, 10, 10)).toEqual([]);
	});
});

describe('peer rank with a region selected', () => {
	it('ranks a kab/kota among all kab/kota of its province, not only the selected one', async () => {
		const [bogor] = await regionRanking({ ...all, region: '32.01' }, 'regency');
		expect(bogor?.code).toBe('32.01');
		expect(bogor?.n).toBe(1);
		expect(bogor?.province_rank).toBe(1);
		expect(bogor?.province_peers).toBeGreaterThan(20); // every kab/kota of Jawa Barat
	});
});
