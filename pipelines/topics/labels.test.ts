import { describe, expect, it } from 'vitest';
import { clusterLabels, clusterTheme, displayWith, labelFrom, labelTerms, SurfaceForms } from './labels.ts';
import { THEMES } from '../../src/lib/core/themes.ts';
import { themeWords } from './themes.ts';

describe('SurfaceForms', () => {
	it('shows the word written most often for a stem, the stem itself when never seen', () => {
		const s = new SurfaceForms();
		s.add(['perintah', 'perintah', 'perintah'], ['pemerintah', 'pemerintah', 'perintah']);
		s.add(['suam'], ['suami']);
		expect(s.word('perintah')).toBe('pemerintah');
		expect(s.word('suam')).toBe('suami');
		expect(s.word('xyz')).toBe('xyz');
	});

	it('displayWith: bigram words joined, acronyms in capitals', () => {
		const s = new SurfaceForms();
		s.add(['bantu', 'sosial', 'bst'], ['bantuan', 'sosial', 'bst']);
		expect(displayWith(s)('bantu_sosial')).toBe('bantuan sosial');
		expect(displayWith(s)('bst')).toBe('BST');
		expect(displayWith(null)('jalan_rusak')).toBe('jalan rusak');
	});
});

describe('labels', () => {
	const t = (term: string, weight: number) => ({ term, weight });

	it('prefers a bigram of two top words when it weighs nearly as much; skips words already shown', () => {
		expect(labelTerms([t('lampu', 0.5), t('lampu_jalan', 0.4), t('jalan', 0.35), t('padam', 0.3), t('jalan_padam', 0.25)])).toEqual([
			'lampu_jalan',
			'padam'
		]);
		expect(labelFrom([t('jalan_rusak', 3), t('jalan', 2), t('rusak', 2), t('aspal', 1)])).toBe('jalan rusak · aspal');
		// a weak bigram, or one with a word that is not a top word on its own, does not replace the word
		expect(labelTerms([t('sinyal', 0.5), t('berdiri_sinyal', 0.27), t('aktif', 0.27), t('internet', 0.2)])).toEqual([
			'sinyal',
			'aktif',
			'internet'
		]);
	});

	it('clusterTheme: the theme most documents carry, at least half of them', () => {
		const tags = [['bansos'], ['bansos', 'adminduk'], ['bansos'], ['pju'], []];
		expect(clusterTheme([0, 1, 2, 3], tags)).toBe('bansos');
		expect(clusterTheme([2, 3, 4], tags)).toBeNull();
		expect(clusterTheme([], tags)).toBeNull();
	});

	it('clusterLabels: the theme short name in each language, its own words left out of the terms', () => {
		const bansos = THEMES.find((x) => x.id === 'bansos')!;
		const terms = [t('bantu_sosial', 0.5), t('bantu', 0.45), t('bst', 0.4), t('kantor_pos', 0.3), t('kantor', 0.25), t('pos', 0.25)];
		const s = new SurfaceForms();
		s.add(['bantu', 'sosial', 'bst', 'kantor', 'pos'], ['bantuan', 'sosial', 'bst', 'kantor', 'pos']);
		const l = clusterLabels(terms, displayWith(s), bansos, new Set(themeWords(bansos.short)));
		expect(l).toEqual({ label: 'Bansos: BST · kantor pos', label_en: 'Social assistance: BST · kantor pos' });
		expect(clusterLabels(terms, displayWith(s), null)).toEqual({
			label: 'bantuan sosial · BST · kantor pos',
			label_en: 'bantuan sosial · BST · kantor pos'
		});
	});
});
