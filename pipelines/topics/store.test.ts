import { afterAll, describe, expect, it } from 'vitest';
import { baseRow, ingestInto, laporCsv, scratchDir, sql, withWarehouse } from '../ingest/test-support.ts';
import { assignNew, runTopics } from './store.ts';

// Synthetic complaints written for the test (no real texts).
const THEMES = [
	['Lampu jalan mati', 'lampu penerangan jalan padam sudah seminggu, gelap sekali', 'lampu PJU di gang mati tiap malam'],
	['Sampah menumpuk', 'sampah menumpuk di TPS belum diangkut', 'truk sampah tidak datang, sampah bau'],
	['Bansos belum cair', 'bantuan sosial BST belum cair padahal terdaftar DTKS', 'BLT tidak tepat sasaran, bansos diterima orang mampu'],
	['Jalan berlubang', 'jalan rusak berlubang besar di depan pasar', 'aspal jalan rusak parah, banyak lubang']
];

describe('npm run topics: runTopics on a warehouse', () => {
	const scratch = scratchDir();
	afterAll(() => scratch.cleanup());
	const db = `${scratch.dir}/w.duckdb`;

	it('writes clusters, assignments, examples and themes; confidential complaints are never examples; a rerun replaces', async () => {
		const rows = Array.from({ length: 80 }, (_, i) => {
			const t = THEMES[i % 4]!;
			return baseRow({
				'ID Tracking': String(5_000_001 + i),
				'Judul Laporan': t[0]!,
				'Isi Laporan': `${t[1 + (i % 2)]}. ${t[2 - (i % 2)]}`,
				Rahasia: i % 3 === 0 ? 'Ya' : 'Tidak'
			});
		});
		const file = scratch.file('export.csv', laporCsv(rows));
		await ingestInto(db, [file]);

		const s1 = await withWarehouse(db, (w) => runTopics(w.conn, { k: 4, vocabulary: { minDf: 2 } }));
		expect(s1.documents).toBe(80);
		expect(s1.k).toBe(4);

		const clusters = await sql<{ cluster_id: number; label: string; top_terms: string; size: number }>(
			db,
			'SELECT * FROM topic_clusters ORDER BY cluster_id'
		);
		expect(clusters).toHaveLength(4);
		expect(clusters.reduce((n, c) => n + c.size, 0)).toBe(80);
		expect(JSON.parse(clusters[0]!.top_terms)[0]).toHaveProperty('term');
		expect(clusters.some((c) => c.label.includes('lampu'))).toBe(true);

		// each theme's complaints land in one cluster
		const purity = await sql<{ n: number }>(
			db,
			`
			SELECT count(DISTINCT ct.cluster_id)::INTEGER AS n FROM complaint_topics ct
			GROUP BY (ct.tracking_id::BIGINT - 5000001) % 4`
		);
		expect(purity.map((p) => p.n)).toEqual([1, 1, 1, 1]);

		const ex = await sql<{ confidential: number; n: number }>(
			db,
			`
			SELECT count(*) FILTER (WHERE c.is_confidential)::INTEGER AS confidential, count(*)::INTEGER AS n
			FROM topic_examples e JOIN complaints c USING (tracking_id)`
		);
		expect(ex[0]!.n).toBeGreaterThan(0);
		expect(ex[0]!.confidential).toBe(0);

		const themes = await sql<{ theme: string; n: number }>(
			db,
			'SELECT theme, count(*)::INTEGER AS n FROM complaint_themes GROUP BY theme ORDER BY theme'
		);
		expect(Object.fromEntries(themes.map((t) => [t.theme, t.n]))).toMatchObject({ bansos: 20, jalan_rusak: 20, pju: 20, sampah: 20 });

		const first = await sql(db, 'SELECT * FROM complaint_topics ORDER BY tracking_id');
		await withWarehouse(db, (w) => runTopics(w.conn, { k: 4, vocabulary: { minDf: 2 } }));
		expect(await sql(db, 'SELECT * FROM complaint_topics ORDER BY tracking_id')).toEqual(first);
		expect((await sql<{ n: number }>(db, 'SELECT count(*)::INTEGER AS n FROM topic_fit'))[0]!.n).toBe(1);

		// a refit with another seed numbers its clusters differently inside, but the ids stay with the topics
		const lampBefore = await sql<{ cluster_id: number }>(db, "SELECT cluster_id FROM topic_clusters WHERE label LIKE '%lampu%'");
		await withWarehouse(db, (w) => runTopics(w.conn, { k: 4, seed: 99, vocabulary: { minDf: 2 } }));
		expect(await sql(db, 'SELECT * FROM complaint_topics ORDER BY tracking_id')).toEqual(
			first.map((r) => ({ ...r, score: expect.any(Number) }))
		);
		expect(await sql<{ cluster_id: number }>(db, "SELECT cluster_id FROM topic_clusters WHERE label LIKE '%lampu%'")).toEqual(lampBefore);
		expect(
			(await sql<{ ids: string }>(db, "SELECT string_agg(cluster_id::VARCHAR, ',' ORDER BY cluster_id) AS ids FROM topic_clusters"))[0]!.ids
		).toBe('0,1,2,3');

		// incremental: newly ingested complaints join the stored clusters without a refit
		const lampId = lampBefore[0]!.cluster_id;
		const later = Array.from({ length: 8 }, (_, i) => {
			const t = THEMES[i % 4]!;
			return baseRow({ 'ID Tracking': String(6_000_001 + i), 'Judul Laporan': t[0]!, 'Isi Laporan': t[1]!, Rahasia: 'Tidak' });
		});
		await ingestInto(db, [scratch.file('later.csv', laporCsv(later))]);
		expect(await withWarehouse(db, (w) => assignNew(w.conn))).toMatchObject({
			assigned: 8,
			themes: { pju: 2, sampah: 2, bansos: 2, jalan_rusak: 2 }
		});
		const newLamp = await sql<{ cluster_id: number }>(
			db,
			"SELECT cluster_id FROM complaint_topics WHERE tracking_id IN ('6000001', '6000005') ORDER BY tracking_id"
		);
		expect(newLamp.map((r) => r.cluster_id)).toEqual([lampId, lampId]);
		expect((await sql<{ n: number }>(db, 'SELECT sum(size)::INTEGER AS n FROM topic_clusters'))[0]!.n).toBe(88);
		expect(await withWarehouse(db, (w) => assignNew(w.conn))).toMatchObject({ assigned: 0 });
	});
});
