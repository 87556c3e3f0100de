import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT, readCsv, surabayaCorpus } from './evaluate.ts';
import { dropPlaces, learnPlaces, placeIndex, placeList, referencePlaceNames } from './places.ts';
import { stopwords, tokensOf } from './text.ts';

// Synthetic reports written for the test.
const docs = [
	'lampu jalan mati di jl ngagel jaya depan toko',
	'jalan rusak di jl ngagel jaya sudah lama',
	'sampah di kel gundih belum diangkut',
	'banjir di kel gundih setiap hujan',
	'ngagel jaya macet setiap sore',
	'terima kasih atas bantuan lampu di taman',
	'taman kota kotor, jl taman bersih',
	'taman bermain rusak',
	'taman dekat sekolah gelap'
].map(tokensOf);

describe('learnPlaces', () => {
	const index = learnPlaces(
		docs,
		[['gunung', 'anyar'], ['kasih'], ['kota', 'baru']].map((n) => n.map(String)),
		{ stopwords: stopwords() }
	);
	const list = placeList(index);

	it('takes a word or pair written after a marker in a good share of its uses', () => {
		expect(list).toContain('ngagel jaya');
		expect(list).toContain('gundih');
	});

	it('keeps ordinary words: rarely after a marker (taman), a kecamatan named after a word (Kasih), generic parts (Kota Baru)', () => {
		expect(list).not.toContain('taman');
		expect(list).not.toContain('kasih');
		expect(list).not.toContain('kota baru');
		expect(list).toContain('gunung anyar'); // multi-word names from the tables are taken as they are
	});

	it('dropPlaces removes names (longest first) and the marker that introduced them, but not "jalan"', () => {
		expect(dropPlaces(tokensOf('sampah di kel gundih dan jalan ngagel jaya'), index)).toEqual(['sampah', 'di', 'dan', 'jalan']);
		expect(dropPlaces(['kelurahan', 'lambat'], index)).toEqual(['kelurahan', 'lambat']);
		expect(dropPlaces(['a', 'b'], placeIndex([]))).toEqual(['a', 'b']);
	});
});

describe('reference names', () => {
	it('kab/kota without their kind, and kecamatan of the given kab/kota only', () => {
		const sby = referencePlaceNames(new Set(['35.78']));
		expect(sby).toContain('Surabaya');
		expect(sby).toContain('Gubeng');
		expect(sby).not.toContain('Bakongan'); // a kecamatan in Aceh
		expect(referencePlaceNames()).toContain('Bakongan');
	});

	it('reads quoted names as CSV (districts.csv has Ra"as in Sumenep)', () => {
		const sumenep = referencePlaceNames(new Set(['35.29']));
		expect(sumenep).toContain('Ra"as');
		expect(sumenep.filter((n) => n.startsWith('"'))).toEqual([]);
	});
});

describe('places in real text (../shared/data must exist)', () => {
	it('Surabaya: its kelurahan and street names are places, its topic words are not', async () => {
		const corpus = surabayaCorpus(await readCsv(DEFAULT_INPUT));
		const list = new Set(placeList(learnPlaces(corpus.texts.map(tokensOf), corpus.placeNames.map(tokensOf), { stopwords: stopwords() })));
		expect(list.size).toBeGreaterThan(200);
		for (const p of ['ngagel', 'gubeng', 'rungkut', 'kenjeran'])
			expect(list.has(p) || [...list].some((l) => l.startsWith(`${p} `)), p).toBe(true);
		for (const w of ['lampu', 'pohon', 'sampah', 'saluran', 'taman', 'sekolah', 'pasar', 'selesai', 'kasih'])
			expect(list.has(w), w).toBe(false);
	});
});
