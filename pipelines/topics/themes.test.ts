import { describe, expect, it } from 'vitest';
import { buildTagger, TaxonomySchema } from './themes.ts';
import THEMES_JSON from '../../src/lib/core/themes.json' with { type: 'json' };

describe('policy theme taxonomy', () => {
	const tagger = buildTagger();

	it('themes.json is valid and covers the required themes', () => {
		const ids = TaxonomySchema.parse(THEMES_JSON).themes.map((t) => t.id);
		expect(ids).toEqual(
			expect.arrayContaining(['bansos', 'vaksin', 'psbb', 'jalan_rusak', 'pju', 'sampah', 'banjir', 'adminduk', 'bpjs', 'ppdb'])
		);
	});

	it.each([
		['BLT DD blm cair sampai skrg', ['bansos']],
		['Sy tdk terdaftar di DTKS padahal miskin', ['bansos']],
		['bansos tdk tepat sasaran', ['bansos']],
		['Jadwal vaksinasi booster di puskesmas?', ['vaksin']],
		['Pasar tetap ramai saat PPKM darurat', ['psbb']],
		['Jalan berlubang di depan sekolah, mohon diperbaiki', ['jalan_rusak']],
		['jln rusak parah', ['jalan_rusak']],
		['Lampu PJU mati sudah seminggu', ['pju']],
		['Sampah menumpuk di TPS', ['sampah']],
		['Rumah warga kebanjiran tiap hujan', ['banjir']],
		['e-KTP belum jadi, KK juga', ['adminduk']],
		['Kartu BPJS PBI tidak aktif', ['bpjs']],
		['PPDB jalur zonasi tidak adil', ['ppdb']],
		['Banjir dan sampah di sungai', ['sampah', 'banjir']],
		['Pelayanan kantor lambat', []]
	])('%s -> %j', (text, themes) => {
		expect(tagger.tag(text)).toEqual(themes);
	});

	it('matches phrases only as consecutive words', () => {
		expect(tagger.tag('jalan ke kantor, lampu di rumah')).toEqual([]);
	});

	it('rejects an invalid taxonomy', () => {
		expect(() => buildTagger({ themes: [{ id: 'x', label: 'X', keywords: [] }] })).toThrow();
		expect(() =>
			buildTagger({
				themes: [
					{ id: 'x', short: 'X', short_en: 'X', label: 'X', label_en: 'X', keywords: ['a'] },
					{ id: 'x', short: 'Y', short_en: 'Y', label: 'Y', label_en: 'Y', keywords: ['b'] }
				]
			})
		).toThrow(/unique/);
	});
});
