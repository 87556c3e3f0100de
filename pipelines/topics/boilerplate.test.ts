import { describe, expect, it } from 'vitest';
import { boilerplate, dropBoilerplate, learnBoilerplate } from './boilerplate.ts';
import { DEFAULT_INPUT, readCsv, surabayaCorpus } from './evaluate.ts';
import { dropPlaces, learnPlaces } from './places.ts';
import { normalise, stopwords, tokensOf } from './text.ts';

// Synthetic documents written for the test: six categories, one topic phrase each, and a template
// sentence every category uses.
const CATS = ['jalan', 'lampu', 'sampah', 'air', 'sekolah', 'pasar'];
const TOPIC: Record<string, string> = {
	jalan: 'aspal jalan rusak berlubang parah',
	lampu: 'lampu penerangan jalan mati gelap',
	sampah: 'sampah menumpuk belum diangkut petugas',
	air: 'air pdam keruh tidak mengalir',
	sekolah: 'seragam sekolah dipungut biaya mahal',
	pasar: 'kios pasar kotor becek bau'
};
const TEMPLATE = 'mohon dipertimbangkan sosialisasi sampai tingkat warga';
const docs = Array.from({ length: 600 }, (_, i) => {
	const cat = CATS[i % CATS.length]!;
	return { cat, words: `nomor ${i} ${TOPIC[cat]}${i % 2 === 0 ? ` ${TEMPLATE}` : ''}`.split(' ') };
});

describe('learnBoilerplate', () => {
	const runs = learnBoilerplate(
		docs.map((d) => d.words),
		docs.map((d) => d.cat),
		{ minDocs: 10 }
	);

	it('learns the runs of a template used across categories, not a topic phrase frequent inside one', () => {
		expect(runs).toContain('mohon dipertimbangkan sosialisasi');
		expect(runs).toContain('sampai tingkat warga');
		expect(runs.some((r) => /aspal|lampu|sampah|pdam|seragam|kios/.test(r))).toBe(false);
	});

	it('learns nothing without categories, or with too few of them', () => {
		expect(
			learnBoilerplate(
				docs.map((d) => d.words),
				docs.map(() => null)
			)
		).toEqual([]);
		expect(
			learnBoilerplate(
				docs.map((d) => d.words),
				docs.map((d) => (d.cat === 'jalan' ? 'a' : 'b')),
				{ minDocs: 10 }
			)
		).toEqual([]);
	});

	it('dropBoilerplate removes every word a run covers, and only those', () => {
		const bp = boilerplate(runs);
		expect(dropBoilerplate(docs[0]!.words, bp)).toEqual('nomor 0 aspal jalan rusak berlubang parah'.split(' '));
		expect(dropBoilerplate(docs[1]!.words, bp)).toEqual(docs[1]!.words);
		// a lone word of a run is not the run
		expect(dropBoilerplate(['mohon', 'lampu', 'sosialisasi'], bp)).toEqual(['mohon', 'lampu', 'sosialisasi']);
	});
});

describe('boilerplate on real text (../shared/data must exist): Surabaya with its topik as the category, as a Surabaya warehouse has it', () => {
	it('learns the courtesy runs citizens copy into every kind of report, never a topic word', async () => {
		const rows = (await readCsv(DEFAULT_INPUT)).filter((r) => (r.keluhan ?? '').trim() !== '');
		const corpus = surabayaCorpus(rows);
		const raw = corpus.texts.map(tokensOf);
		const places = learnPlaces(raw, corpus.placeNames.map(tokensOf), { stopwords: stopwords() });
		const runs = learnBoilerplate(
			raw.map((r) => dropPlaces(normalise(r), places)),
			rows.map((r) => r.topik || null),
			{ stopwords: stopwords() }
		);
		expect(runs.length).toBeGreaterThan(0);
		expect(runs.some((r) => r.startsWith('mohon'))).toBe(true);
		// words naming the 40 largest topics ("Informasi Pemangkasan/Perantingan Pohon", "PJU", …)
		const counts = new Map<string, number>();
		for (const r of rows) if (r.topik) counts.set(r.topik, (counts.get(r.topik) ?? 0) + 1);
		const topicWords = new Set(
			[...counts]
				.sort((a, b) => b[1] - a[1])
				.slice(0, 40)
				.flatMap(([t]) => normalise(tokensOf(t)))
				.filter((w) => w.length > 3 && !stopwords().has(w))
		);
		expect(topicWords.has('pohon')).toBe(true);
		for (const r of runs)
			expect(
				r.split(' ').filter((w) => topicWords.has(w)),
				r
			).toEqual([]);
	});
});
