import { describe, expect, it } from 'vitest';
import { stemId } from './stemmer.ts';

// Expected stems follow the Snowball "indonesian" algorithm (checked against @orama/stemmers 3.1.18
// on the 24,785 distinct words of the shared Surabaya and LAPOR! 2017 texts: no difference).
describe('stemId (Snowball Indonesian, no dictionary)', () => {
	it.each([
		['bantuan', 'bantu'],
		['diperbaiki', 'baik'],
		['perbaikan', 'baik'],
		['memperbaiki', 'baik'],
		['kerusakan', 'rusak'],
		['pelayanan', 'layan'],
		['menyapu', 'sapu'],
		['memukul', 'pukul'],
		['penyaluran', 'salur'],
		['bekerja', 'kerja'],
		['belajar', 'ajar'],
		['pelajaran', 'ajar'],
		['berjalan', 'jalan'],
		['bukunya', 'buku'],
		['rumahku', 'rumah'],
		['apakah', 'apa'],
		['pendaftaran', 'daftar'],
		['ditindaklanjuti', 'tindaklanjut'],
		['kesehatan', 'sehat'],
		['jalan', 'jalan'],
		['air', 'air'],
		['sampah', 'sampah']
	])('%s -> %s', (word, expected) => {
		expect(stemId(word)).toBe(expected);
	});

	it('leaves short words (measure <= 2) alone', () => {
		expect(stemId('ktp')).toBe('ktp');
		expect(stemId('dikan')).toBe('dikan');
	});
});
