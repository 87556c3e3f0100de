import { describe, expect, it } from 'vitest';
import { corpusFeatures, docFeatures } from './features.ts';
import { complaintText } from './frame.ts';
import { placeList } from './places.ts';

// Synthetic complaints written for the test: six categories, a template in every one, and words
// that only confidential complaints contain.
const CATS = ['jalan', 'lampu', 'sampah', 'air', 'sekolah', 'pasar'];
const BODY: Record<string, string> = {
	jalan: 'aspal jalan rusak berlubang parah',
	lampu: 'lampu penerangan jalan mati gelap',
	sampah: 'sampah menumpuk belum diangkut petugas',
	air: 'air pdam keruh tidak mengalir',
	sekolah: 'seragam sekolah dipungut biaya mahal',
	pasar: 'kios pasar kotor becek bau'
};
const rows = Array.from({ length: 600 }, (_, i) => {
	const cat = CATS[i % CATS.length]!;
	const secret = i % 5 === 0;
	const body = secret
		? `${BODY[cat]} di Kel. Rahasiasari. Salam hangat kawan rahasia.`
		: `${BODY[cat]} di Kel. Gundih. Mohon dipertimbangkan sosialisasi sampai tingkat warga.`;
	return { cat, secret, text: complaintText('Laporan warga', `Yth. Dinas Terkait,\n${body}\nTerima kasih`) };
});

describe('corpusFeatures', () => {
	const f = corpusFeatures(
		rows.map((r) => r.text),
		{ learnable: rows.map((r) => !r.secret), categories: rows.map((r) => r.cat), placeNames: ['Gubeng'] }
	);

	it('learns places and boilerplate from the learnable documents only', () => {
		expect(placeList(f.textModel.places)).toContain('gundih');
		expect(placeList(f.textModel.places).some((p) => p.includes('rahasia'))).toBe(false);
		expect([...f.textModel.boilerplate.runs]).toContain('mohon dipertimbangkan sosialisasi');
		expect([...f.textModel.boilerplate.runs].some((r) => r.includes('rahasia') || r.includes('hangat'))).toBe(false);
		expect(f.surfaces.word('rahasiasar')).toBe('rahasiasar'); // never counted: no surface form known
	});

	it('gives every document features, the learned lists applied, the same as docFeatures', () => {
		expect(f.tokens).toHaveLength(rows.length);
		const first = f.tokens[1]!;
		expect(first).toContain('lampu');
		expect(first.some((t) => /gundih|sosialisasi|dinas|kasih/.test(t))).toBe(false);
		rows.forEach((r, i) => expect(docFeatures(r.text, f.textModel).features).toEqual(f.tokens[i]));
	});
});
