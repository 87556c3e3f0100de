import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { baseRow, emptyWarehouse, ingestInto, laporCsv, scratchDir, sql, withWarehouse } from '../ingest/test-support.ts';
import { REPO_ROOT } from '../warehouse/open.ts';
import { assignNew, hasTopicModel, runTopics } from './store.ts';

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
		await ingestInto(emptyWarehouse(db), [file]);

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
		// the lamp cluster is named after its theme, in both languages, its terms as written
		const lamp = await sql<{ label: string; label_en: string; theme: string; top_terms: string }>(
			db,
			"SELECT label, label_en, theme, top_terms::VARCHAR AS top_terms FROM topic_clusters WHERE theme = 'pju'"
		);
		expect(lamp).toHaveLength(1);
		expect(lamp[0]!.label).toMatch(/^PJU: /);
		expect(lamp[0]!.label_en).toMatch(/^Street lighting: /);
		expect(lamp[0]!.top_terms).toContain('"lampu"');
		expect(await withWarehouse(db, (w) => hasTopicModel(w.conn))).toBe(true);

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
		const lampBefore = await sql<{ cluster_id: number }>(db, "SELECT cluster_id FROM topic_clusters WHERE theme = 'pju'");
		await withWarehouse(db, (w) => runTopics(w.conn, { k: 4, seed: 99, vocabulary: { minDf: 2 } }));
		expect(await sql(db, 'SELECT * FROM complaint_topics ORDER BY tracking_id')).toEqual(
			first.map((r) => ({ ...r, score: expect.any(Number) }))
		);
		expect(await sql<{ cluster_id: number }>(db, "SELECT cluster_id FROM topic_clusters WHERE theme = 'pju'")).toEqual(lampBefore);
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

	it('learns nothing from confidential complaints: a word only they contain is in no term, label, example or stored list', async () => {
		// 'zirkonium' (a word), 'Kel. Zirkonsari' (a place), 'salam zirkon lestari' (a run in every category):
		// all only in confidential complaints, each often enough to be learned if they counted
		const conf = `${scratch.dir}/conf.duckdb`;
		const categories = [
			'Energi dan SDA > Listrik > Lampu',
			'Lingkungan Hidup > Sampah > Pengangkutan',
			'Sosial > Bantuan Sosial > BST',
			'Pekerjaan Umum > Jalan > Jalan Berlubang',
			'Kesehatan > Puskesmas > Antrean',
			'Pendidikan > Sekolah > Seragam'
		];
		const rows = Array.from({ length: 120 }, (_, i) => {
			const t = THEMES[i % 4]!;
			const secret = i % 3 === 0;
			return baseRow({
				'ID Tracking': String(7_000_001 + i),
				Kategori: categories[i % categories.length]!,
				'Judul Laporan': t[0]!,
				'Isi Laporan': `${t[1 + (i % 2)]}. ${t[2 - (i % 2)]}.${secret ? ` Zirkonium di Kel. Zirkonsari makin parah. Salam zirkon lestari selalu.` : ''}`,
				Rahasia: secret ? 'Ya' : 'Tidak'
			});
		});
		await ingestInto(emptyWarehouse(conf), [scratch.file('conf.csv', laporCsv(rows))]);
		const r = spawnSync(
			resolve(REPO_ROOT, 'node_modules/.bin/tsx'),
			[resolve(REPO_ROOT, 'pipelines/topics/cli.ts'), '--db', conf, '--k', '4'],
			{ encoding: 'utf8', cwd: REPO_ROOT }
		);
		expect(r.status, r.stderr).toBe(0);
		const stored = JSON.stringify(
			await sql(
				conf,
				`
				SELECT (SELECT list(label || ' ' || label_en || ' ' || top_terms::VARCHAR) FROM topic_clusters) AS clusters,
					(SELECT list(term) FROM topic_terms) AS terms,
					(SELECT text_model::VARCHAR FROM topic_fit) AS text_model`
			)
		);
		expect(stored).toContain('lampu'); // the query reads what was written
		expect(stored.toLowerCase()).not.toContain('zirkon');
		const examples = await sql<{ body: string; is_confidential: boolean }>(
			conf,
			'SELECT c.body, c.is_confidential FROM topic_examples e JOIN complaints c USING (tracking_id)'
		);
		expect(examples.length).toBeGreaterThan(0);
		expect(examples.filter((e) => e.is_confidential || /zirkon/i.test(e.body))).toEqual([]);
		// still assigned and counted, with the others of their theme
		const assigned = await sql<{ n: number; clusters: number }>(
			conf,
			`
			SELECT count(*)::INTEGER AS n, count(DISTINCT ct.cluster_id)::INTEGER AS clusters FROM complaint_topics ct JOIN complaints c USING (tracking_id)
			WHERE c.is_confidential`
		);
		expect(assigned[0]!.n).toBe(40);
		const mixed = await sql<{ n: number }>(
			conf,
			`
			SELECT count(DISTINCT ct.cluster_id)::INTEGER AS n FROM complaint_topics ct
			GROUP BY (ct.tracking_id::BIGINT - 7000001) % 4`
		);
		expect(mixed.map((m) => m.n)).toEqual([1, 1, 1, 1]);
	});
});
