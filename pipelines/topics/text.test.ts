import { describe, expect, it } from 'vitest';
import { analyse, clean, stem, contentWords, MASK, normalise, stopwords, tokenize, withBigrams } from './text.ts';

describe('clean', () => {
	it('lower-cases and masks e-mail, URL, phone and numbers', () => {
		const c = clean('Hubungi 0812-3456-7890 atau +62 812 3456 7890, siti@example.com, https://lapor.go.id/a?b=1 Rp 600.000 tgl 12/05/2020');
		expect(c).not.toMatch(/\d/);
		expect(c).not.toContain('example');
		expect(c).not.toContain('lapor.go.id');
		expect(c.match(/_phone_/g)).toHaveLength(2);
		expect(c).toContain(MASK.email);
		expect(c).toContain(MASK.url);
		expect(c.match(/_num_/g)).toHaveLength(2);
		expect(c).toContain('hubungi');
	});

	it("masks LAPOR!'s own phone mask 0[*****]9", () => {
		expect(clean('telp 0[*****]9 ya')).toContain(MASK.phone);
	});

	it('folds reduplication written with 2', () => {
		expect(tokenize(clean('anak2 sekolah'))).toEqual(['anak', 'sekolah']);
	});
});

describe('tokenize', () => {
	it('splits on non-letters and folds hyphen reduplication', () => {
		expect(tokenize('jalan-jalan, anak-anak! e-ktp _num_ rt')).toEqual(['jalan', 'anak', 'ektp', '_num_', 'rt']);
	});
});

describe('normalise', () => {
	it('expands informal spellings and abbreviations', () => {
		expect(normalise(['sy', 'tdk', 'gak', 'nggak', 'blm', 'dpt', 'krn', 'yg', 'dgn', 'utk', 'udh', 'sdh', 'bansos'])).toEqual([
			'saya',
			'tidak',
			'tidak',
			'tidak',
			'belum',
			'dapat',
			'karena',
			'yang',
			'dengan',
			'untuk',
			'sudah',
			'sudah',
			'bantuan',
			'sosial'
		]);
	});

	it('keeps unknown words', () => {
		expect(normalise(['jalan', 'rusak'])).toEqual(['jalan', 'rusak']);
	});
});

describe('stopwords', () => {
	it('has the Tala and Sastrawi lists plus domain words', () => {
		const s = stopwords();
		expect(s.has('yang')).toBe(true);
		expect(s.has('mohon')).toBe(true);
		expect(s.has('jalan')).toBe(false);
		expect(s.has('sampah')).toBe(false);
	});
});

describe('analyse', () => {
	it('gives stemmed content words then bigrams', () => {
		const words = contentWords('Sy blm dpt bansos, mohon segera ditindaklanjuti');
		expect(words).toEqual(['bantu', 'sosial']); // 'dapat' is a Tala stopword
		expect(analyse('Jln rusak, bansos tdk cair')).toEqual([
			'jalan',
			'rusak',
			'bantu',
			'sosial',
			'cair',
			'jalan_rusak',
			'rusak_bantu',
			'bantu_sosial',
			'sosial_cair'
		]);
	});

	it('never emits masks, numbers or short words', () => {
		const terms = analyse('Jalan rusak di RT 05 RW 3, hub 081234567890 / a@b.id');
		expect(terms.some((t) => /\d|_(url|num|phone|email)_/.test(t))).toBe(false);
		expect(terms).toContain('jalan_rusak');
	});

	it('can skip stemming and bigrams', () => {
		expect(analyse('perbaikan jalan', { stem: false, bigrams: false })).toEqual(['perbaikan', 'jalan']);
	});

	it('bigrams skip a repeated word', () => {
		expect(withBigrams(['a', 'a', 'b'])).toEqual(['a', 'a', 'b', 'a_b']);
	});
});

describe('stem', () => {
	it('applies stem-exceptions.json before the Snowball rules', () => {
		expect(stem('memohon')).toBe('mohon'); // Snowball alone gives "pohon" (tree)
		expect(stem('menunggu')).toBe('tunggu');
		expect(stem('keluarga')).toBe('keluarga');
		expect(stem('penerangan')).toBe('terang');
		expect(stem('perbaikan')).toBe('baik');
	});
});
