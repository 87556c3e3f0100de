// recommendInputs on a small real warehouse: every input equals an independent computation,
// SQL written differently here or plain JavaScript over the rows (working days via $lib/holidays).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workingDaysBetween } from '$lib/holidays';
import { emptyWarehouse } from '../../../../pipelines/ingest/test-support';
import { openWarehouse } from '../../../../pipelines/warehouse/open';
import { sql } from '../../../../pipelines/ingest/test-support';
import { closeDb } from '../db';
import { areaInfo, recommendInputs, SERIES_MONTHS } from './recommend-inputs';

const dir = mkdtempSync(join(tmpdir(), 'telaah-recinputs-'));
const db = join(dir, 'w.duckdb');
const MONTH = '2020-04';

interface Row {
	id: string;
	created: string;
	verified: string | null;
	response: string | null;
	closed: string | null;
	status: string;
	channel: string;
	opd: string;
	authority: string | null;
	prov: string;
	reg: string | null;
}

// Deterministic pseudo-random complaints, Jan 2018 – Jun 2020, in 19.06, 19.02, 32.01 and a
// province-level one in 19 (no kab/kota).
function rows(): Row[] {
	let s = 42;
	const rnd = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
	const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
	const day = (base: Date, plus: number) => new Date(base.getTime() + plus * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
	const out: Row[] = [];
	for (let i = 0; i < 900; i++) {
		const created = new Date(Date.UTC(2018, 0, 1) + Math.floor(rnd() * 912) * 86_400_000 + 9 * 3_600_000);
		const verified = rnd() < 0.85 ? day(created, Math.floor(rnd() * 8)) : null;
		const response = verified && rnd() < 0.8 ? day(created, 1 + Math.floor(rnd() * 14)) : null;
		const status = pick(['selesai', 'selesai', 'ditindaklanjuti', 'terverifikasi', 'belum_terverifikasi', 'dihapus', 'arsip', 'ditunda']);
		const closed = status === 'selesai' && rnd() < 0.9 ? day(created, 3 + Math.floor(rnd() * 90)) : null;
		const reg = pick(['19.06', '19.02', '32.01', '32.01', null]);
		out.push({
			id: `T${i}`,
			created: day(created, 0),
			verified,
			response,
			closed,
			status,
			channel: pick(['web', 'web', 'whatsapp', 'sms']),
			opd: pick(['dinas', 'rsud', 'kecamatan']),
			authority: pick(['pemda', 'pemda', 'pemprov', 'kementerian', null]),
			prov: reg ? reg.slice(0, 2) : '19',
			reg
		});
	}
	return out;
}
const ROWS = rows();

beforeAll(async () => {
	const w = await openWarehouse(emptyWarehouse(db));
	const lit = (v: string | null) => (v === null ? 'NULL' : `'${v}'`);
	const ts = (v: string | null) => (v === null ? 'NULL' : `TIMESTAMP '${v}'`);
	const values = ROWS.map(
		(r, i) =>
			`(${lit(r.id)}, ${ts(r.created)}, ${ts(r.verified)}, ${ts(r.response)}, ${ts(r.closed)}, ${lit(r.status)}, ${lit(r.channel)}, ${lit(r.opd)}, ${lit(r.authority)}, ${lit(r.prov)}, ${lit(r.reg)}, ${i})`
	).join(',\n');
	await w.conn.run(`
		INSERT INTO ingest_batches (batch_id, run_id, file_name, file_sha256, file_bytes, format, encoding, profile,
			started_at, finished_at, rows_read, loaded, updated, duplicate, quarantined) VALUES (1, 'r', 'f.csv', 'x', 1, 'csv', 'utf-8', 'generic',
			TIMESTAMP '2024-06-30 23:00:00', TIMESTAMP '2024-07-01 00:30:00', ${ROWS.length}, ${ROWS.length}, 0, 0, 0);
		INSERT INTO complaints (tracking_id, created_at, verified_at, first_response_at, closed_at, status, channel, opd_type,
			agency_authority, province_code, regency_code, is_anonymous, is_confidential, content_hash, first_batch_id, last_batch_id)
		SELECT id, c, v, r, cl, st, ch, opd, auth, prov, reg, false, false, h::UBIGINT, 1, 1
		FROM (VALUES ${values}) v(id, c, v, r, cl, st, ch, opd, auth, prov, reg, h);
		INSERT INTO region_targets VALUES ('19.06', 2020, 120, 'test');
	`);
	w.close();
	process.env.TELAAH_DB = db;
});

afterAll(async () => {
	await closeDb();
	delete process.env.TELAAH_DB;
	rmSync(dir, { recursive: true, force: true });
});

const inWindow = (r: Row, from: string, toExclusive: string) => r.created >= from && r.created < toExclusive;

describe('recommendInputs', () => {
	it('resolves the area, and null for an unknown code', async () => {
		expect(await areaInfo({ level: 'regency', code: '19.06' }, 'Nasional')).toEqual({
			level: 'regency',
			code: '19.06',
			name: 'Kab. Belitung Timur'
		});
		expect(await areaInfo({ level: 'province', code: '19' }, 'Nasional')).toMatchObject({ level: 'province', code: '19' });
		expect(await areaInfo({ level: 'regency', code: '99.99' }, 'Nasional')).toBeNull();
	});

	it('gives every region its 12-month and year-to-date counts, target and removed-unverified count', async () => {
		const area = (await areaInfo({ level: 'regency', code: '19.06' }, 'Nasional'))!;
		const inputs = await recommendInputs(area, MONTH);
		expect(inputs.from12).toBe('2019-05');
		const all = await sql<{ code: string; level: string; population: number }>(
			db,
			`SELECT code, level, population FROM regions ORDER BY code`
		);
		expect(inputs.regions.map((r) => r.code)).toEqual(all.map((r) => r.code));
		for (const code of ['19', '19.06', '19.02', '32', '32.01', '11.01']) {
			const mine = ROWS.filter((r) => (r.reg === code || r.prov === code) && inWindow(r, '2019-05-01', '2020-05-01'));
			const got = inputs.regions.find((r) => r.code === code)!;
			expect(got.n12, code).toBe(mine.length);
			expect(got.nYtd, code).toBe(mine.filter((r) => r.created >= '2020-01-01').length);
			expect(got.removedUnverified, code).toBe(mine.filter((r) => ['dihapus', 'arsip'].includes(r.status) && r.verified === null).length);
			expect(got.population).toBe(Number(all.find((r) => r.code === code)!.population));
		}
		expect(inputs.regions.find((r) => r.code === '19.06')!.target).toBe(120);
		expect(inputs.regions.find((r) => r.code === '19.02')!.target).toBeNull();
		// Channel counts per region, same window.
		const web3201 = ROWS.filter((r) => r.reg === '32.01' && r.channel === 'web' && inWindow(r, '2019-05-01', '2020-05-01')).length;
		expect(inputs.channels.find((c) => c.code === '32.01' && c.channel === 'web')!.n).toBe(web3201);
		const sms19 = ROWS.filter((r) => r.prov === '19' && r.channel === 'sms' && inWindow(r, '2019-05-01', '2020-05-01')).length;
		expect(inputs.channels.find((c) => c.code === '19' && c.channel === 'sms')!.n).toBe(sms19);
	});

	it('counts the month’s deadline breaches per OPD type and authority and in total, in working days', async () => {
		const [snap] = await sql<{ d: string }>(
			db,
			`SELECT strftime(greatest(max(created_at), max(verified_at), max(first_response_at), max(closed_at)), '%Y-%m-%d') AS d FROM complaints`
		);
		const area = (await areaInfo({ level: 'province', code: '32' }, 'Nasional'))!;
		const inputs = await recommendInputs(area, MONTH);
		const month = ROWS.filter(
			(r) => r.prov === '32' && inWindow(r, '2020-04-01', '2020-05-01') && !['dihapus', 'arsip'].includes(r.status)
		);
		const facts = (list: Row[]) => {
			let [due3, breach3, due5, breach5] = [0, 0, 0, 0];
			for (const r of list) {
				const v = workingDaysBetween(r.created, r.verified ?? snap!.d);
				const f = workingDaysBetween(r.created, r.response ?? snap!.d);
				if (r.verified !== null || v > 3) due3++;
				if (v > 3) breach3++;
				if (r.response !== null || f > 5) due5++;
				if (f > 5) breach5++;
			}
			return { due3, breach3, due5, breach5 };
		};
		expect(inputs.deadlines.find((d) => d.opdType === null)).toEqual({ opdType: null, authority: null, ...facts(month) });
		const groups = new Set(month.map((r) => `${r.opd}|${r.authority}`));
		expect(inputs.deadlines.filter((d) => d.opdType !== null)).toHaveLength(groups.size);
		for (const opd of ['dinas', 'rsud', 'kecamatan'])
			for (const authority of ['pemda', 'pemprov', 'kementerian', null]) {
				const mine = month.filter((r) => r.opd === opd && r.authority === authority);
				expect(
					inputs.deadlines.find((d) => d.opdType === opd && d.authority === authority),
					`${opd} ${authority}`
				).toEqual(mine.length ? { opdType: opd, authority, ...facts(mine) } : undefined);
			}
	});

	it('measures the backlog at the month’s end and three months before', async () => {
		const area = (await areaInfo({ level: 'province', code: '19' }, 'Nasional'))!;
		const inputs = await recommendInputs(area, MONTH);
		const open = (r: Row, at: string) =>
			!['dihapus', 'arsip'].includes(r.status) && !(r.closed !== null ? r.closed < at : ['selesai'].includes(r.status));
		const mine = ROWS.filter((r) => r.prov === '19');
		const end = '2020-05-01';
		const old = mine.filter((r) => r.created >= '2019-05-01' && r.created < '2020-03-02');
		expect(inputs.backlog).toEqual({
			old60: old.length,
			unresolved60: old.filter((r) => open(r, end)).length,
			openNow: mine.filter((r) => inWindow(r, '2019-05-01', end) && open(r, end)).length,
			openBefore: mine.filter((r) => inWindow(r, '2019-02-01', '2020-02-01') && open(r, '2020-02-01')).length
		});
	});

	it('has no theme series without the topic tables, and monthly theme and total series with them', async () => {
		const area = (await areaInfo({ level: 'national' }, 'Nasional'))!;
		expect((await recommendInputs(area, MONTH)).themes).toBeNull();
		await closeDb();
		const w = await openWarehouse(db);
		await w.conn.run(`CREATE TABLE complaint_themes AS SELECT tracking_id, 'bansos' AS theme FROM complaints WHERE channel = 'sms'`);
		w.close();
		const inputs = await recommendInputs(area, MONTH);
		expect(inputs.months).toHaveLength(SERIES_MONTHS);
		expect(inputs.months.at(-1)).toBe(MONTH);
		const live = ROWS.filter((r) => r.status !== 'dihapus' && r.reg !== null);
		for (const reg of ['19.06', '32.01']) {
			const series = (theme: string | null) => inputs.themes!.find((s) => s.theme === theme && s.regencyCode === reg)!.counts;
			const count = (m: string, f: (r: Row) => boolean) => live.filter((r) => r.reg === reg && r.created.startsWith(m) && f(r)).length;
			expect(series('bansos')).toEqual(inputs.months.map((m) => count(m, (r) => r.channel === 'sms')));
			expect(series(null)).toEqual(inputs.months.map((m) => count(m, () => true)));
		}
	});
});
