// /topik's queries against a small warehouse fitted with the real `runTopics`: synthetic complaints
// in two regions, a third of them confidential, and a burst of bansos complaints in one kab/kota in
// Sep 2023 after 20 quiet months (a spike). Expected figures come from SQL written here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FILTERS } from '$lib/filters';
import {
	baseRow,
	emptyWarehouse,
	ingestInto,
	laporCsv,
	scratchDir,
	sql,
	withWarehouse,
	type LaporRow
} from '../../../../pipelines/ingest/test-support';
import { runTopics } from '../../../../pipelines/topics/store';
import { closeDb } from '../db';
import { topicClusters, topicFit, topicHeatmap, topicSpikes, topicThemes } from './topics';

const s = scratchDir();
const db = `${s.dir}/w.duckdb`;
const TEXTS = [
	['Lampu jalan mati', 'lampu penerangan jalan padam sudah seminggu, gelap sekali'],
	['Sampah menumpuk', 'sampah menumpuk di TPS belum diangkut, truk sampah tidak datang'],
	['Jalan berlubang', 'jalan rusak berlubang besar di depan pasar, aspal rusak parah']
];
const BANSOS = ['Bansos belum cair', 'bantuan sosial BST belum cair padahal terdaftar DTKS'];
const REGIONS = [
	{ Lokasi: 'Kab. Tangerang', 'Kode Wilayah': '36.03' },
	{ Lokasi: 'Kota Bandung', 'Kode Wilayah': '32.73' }
];

beforeAll(async () => {
	const rows: LaporRow[] = [];
	const add = (text: string[], region: (typeof REGIONS)[number], date: string) =>
		rows.push(
			baseRow({
				'ID Tracking': String(7_000_001 + rows.length),
				'Judul Laporan': text[0]!,
				'Isi Laporan': text[1]!,
				'Tanggal Laporan': `${date} 09:00:00`,
				Rahasia: rows.length % 3 === 0 ? 'Ya' : 'Tidak',
				...region
			})
		);
	// 60 complaints, 3 per month Jan 2022 - Aug 2023, two thirds in Tangerang
	for (let i = 0; i < 60; i++) {
		const month = new Date(Date.UTC(2022, Math.floor(i / 3), 10)).toISOString().slice(0, 10);
		add(TEXTS[i % 3]!, REGIONS[i % 3 === 2 ? 1 : 0]!, month);
	}
	for (let i = 0; i < 4; i++) add(BANSOS, REGIONS[1]!, `2022-0${2 * i + 1}-15`);
	for (let i = 0; i < 12; i++) add(BANSOS, REGIONS[0]!, `2023-09-${String(i + 1).padStart(2, '0')}`);
	await ingestInto(emptyWarehouse(db), [s.file('x.csv', laporCsv(rows))]);
	await withWarehouse(db, (w) => runTopics(w.conn, { k: 4, vocabulary: { minDf: 2 } }));
	process.env.TELAAH_DB = db;
});

afterAll(async () => {
	await closeDb();
	delete process.env.TELAAH_DB;
	s.cleanup();
});

describe('topic queries', () => {
	it('reads the fit and counts every complaint in one cluster, shares summing to one', async () => {
		// every lamp complaint is confidential here (rows.length % 3 === 0): no lamp topic can be
		// learned, the fourth centre gets no complaint and is dropped
		expect(await topicFit()).toMatchObject({ k: 3, documents: 76 });
		const c = await topicClusters(NO_FILTERS);
		const expected = await sql<{ cluster_id: number; n: number }>(
			db,
			'SELECT cluster_id, count(*)::INTEGER AS n FROM complaint_topics GROUP BY 1 ORDER BY n DESC, 1'
		);
		expect(c.rows.map((r) => [r.clusterId, r.n])).toEqual(expected.map((e) => [e.cluster_id, e.n]));
		expect(c.assigned).toBe(76);
		expect(c.rows.reduce((t, r) => t + r.share!, 0)).toBeCloseTo(1, 9);
		expect(c.months[0]).toBe('2022-01');
		expect(c.months.at(-1)).toBe('2023-09');
		for (const r of c.rows) expect(r.monthly.reduce((a, b) => a + b, 0)).toBe(r.n);
	});

	it('labels in the UI language: a cluster named after its theme says so in English too', async () => {
		const stored = await sql<{ cluster_id: number; label: string; label_en: string; theme: string | null }>(
			db,
			'SELECT cluster_id, label, label_en, theme FROM topic_clusters ORDER BY cluster_id'
		);
		const themed = stored.filter((c) => c.theme === 'sampah');
		expect(themed).toHaveLength(1);
		const id = (await topicClusters(NO_FILTERS, 'id')).rows.find((r) => r.clusterId === themed[0]!.cluster_id)!;
		const en = (await topicClusters(NO_FILTERS, 'en')).rows.find((r) => r.clusterId === themed[0]!.cluster_id)!;
		expect(id.label).toBe(themed[0]!.label);
		expect(id.label).toMatch(/^Sampah: /);
		expect(en.label).toMatch(/^Waste: /);
		// the same words after the theme's name
		expect(en.label.split(': ')[1]).toBe(id.label.split(': ')[1]);
	});

	it('gives up to three examples per cluster, never a confidential one, within the region filter', async () => {
		const confidential = new Set(
			(await sql<{ id: string }>(db, 'SELECT tracking_id AS id FROM complaints WHERE is_confidential')).map((r) => r.id)
		);
		expect(confidential.size).toBe(26);
		for (const f of [NO_FILTERS, { ...NO_FILTERS, region: '32' }]) {
			const { rows } = await topicClusters(f);
			const ids = rows.flatMap((r) => r.examples.map((e) => e.tracking_id));
			expect(ids.length).toBeGreaterThan(0);
			expect(ids.filter((id) => confidential.has(id))).toEqual([]);
			for (const r of rows) expect(r.examples.length).toBeLessThanOrEqual(3);
			if (f.region) {
				const outside = await sql(
					db,
					`SELECT tracking_id FROM complaints WHERE province_code <> '32' AND tracking_id IN (${ids.map((i) => `'${i}'`).join(',')})`
				);
				expect(outside).toEqual([]);
			}
		}
	});

	it('maps topics by province, or by kab/kota inside a selected province', async () => {
		const topics = (await topicClusters(NO_FILTERS)).rows.map((r) => r.clusterId);
		const all = await topicHeatmap(NO_FILTERS, topics);
		expect(all.level).toBe('province');
		expect(all.regions.map((r) => [r.code, r.total])).toEqual([
			['36', 52],
			['32', 24]
		]);
		expect(all.cells).toHaveLength(2 * topics.length);
		// Province cells are never suppressed (small counts: kab/kota cells only, privacy.ts).
		expect(all.cells.every((c) => c.n !== null && c.share !== null)).toBe(true);
		const banten = all.cells.filter((c) => c.code === '36');
		expect(banten.reduce((t, c) => t + c.n!, 0)).toBe(52);
		expect(banten.reduce((t, c) => t + c.share!, 0)).toBeCloseTo(1, 9);
		const inside = await topicHeatmap({ ...NO_FILTERS, region: '36' }, topics);
		expect(inside.level).toBe('regency');
		expect(inside.regions.map((r) => r.code)).toEqual(['36.03']);
	});

	it('shows a topic × kab/kota cell the same way in the heatmap, the cluster table and the theme table: 1–4 as suppressed, with no examples or trend', async () => {
		const truth = new Map(
			(
				await sql<{ cluster_id: number; n: number }>(
					db,
					`SELECT cluster_id, count(*)::INTEGER AS n FROM complaint_topics JOIN complaints USING (tracking_id) WHERE regency_code = '32.73' GROUP BY 1`
				)
			).map((r) => [r.cluster_id, r.n])
		);
		expect([...truth.values()].some((n) => n > 0 && n < 5)).toBe(true);
		const kab = await topicClusters({ ...NO_FILTERS, region: '32.73' });
		const heat = await topicHeatmap(
			{ ...NO_FILTERS, region: '32' },
			kab.rows.map((r) => r.clusterId)
		);
		for (const r of kab.rows) {
			const n = truth.get(r.clusterId) ?? 0;
			const cell = heat.cells.find((c) => c.code === '32.73' && c.clusterId === r.clusterId)!;
			if (n > 0 && n < 5) {
				expect(r).toMatchObject({ n: null, share: null, examples: [], monthly: [] });
				expect(cell.n).toBeNull();
			} else {
				expect(r.n).toBe(n);
				expect(cell.n).toBe(n);
			}
		}
		// A province filter: province cells, shown as they are.
		expect((await topicClusters({ ...NO_FILTERS, region: '32' })).rows.every((r) => r.n !== null)).toBe(true);
		const themes = await topicThemes({ ...NO_FILTERS, region: '32.73' });
		const [bansos] = await sql<{ n: number }>(
			db,
			`SELECT count(*)::INTEGER AS n FROM complaint_themes JOIN complaints USING (tracking_id) WHERE regency_code = '32.73' AND theme = 'bansos'`
		);
		expect(bansos!.n).toBe(4);
		expect(themes.rows.find((r) => r.theme === 'bansos')).toMatchObject({ n: null, share: null, monthly: [] });
	});

	it('counts the themes and reads the stored spike, filtered by period and region', async () => {
		const t = await topicThemes(NO_FILTERS);
		expect(t.total).toBe(76);
		expect(t.rows.find((r) => r.theme === 'bansos')).toMatchObject({ n: 16, share: 16 / 76 });
		const spikes = await topicSpikes(NO_FILTERS);
		expect(spikes.map((x) => [x.theme, x.regency_code, x.start, x.peak_count, x.ongoing])).toEqual([
			['bansos', '36.03', '2023-09', 12, true]
		]);
		expect(spikes[0]!.peak_baseline).toBe(0);
		expect(await topicSpikes({ ...NO_FILTERS, from: '2023-09', to: '2023-09', region: '36' })).toHaveLength(1);
		expect(await topicSpikes({ ...NO_FILTERS, to: '2023-08' })).toEqual([]);
		expect(await topicSpikes({ ...NO_FILTERS, region: '32' })).toEqual([]);
	});
});
