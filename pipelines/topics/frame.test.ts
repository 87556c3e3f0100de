// The letter around a complaint: synthetic strings for each rule, then the real shared corpora
// (read from ../shared/data at test time, never copied here; the tests FAIL if it is missing).
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INPUT, LAPOR_INPUT, readCsv } from './evaluate.ts';
import { complaintText, stripChannelTags, stripClosing, stripFrame, stripOpening, unescapeText } from './frame.ts';
import { prepare } from './text.ts';

describe('frame rules (synthetic strings)', () => {
	it('unescapes exported newlines, markup and entities', () => {
		expect(unescapeText('lampu padam\\nNama: Budi\\r\\nRT 3')).toBe('lampu padam\nNama: Budi\n\nRT 3');
		expect(unescapeText('a<br>b<p class="x">c</p>&amp;d&#39;e&#x41;')).toBe("a b c &d'eA");
		expect(unescapeText('sampah&kadang;bau')).toBe('sampah kadang bau');
	});

	it('strips salutations with their addressee, and greetings, several in a row', () => {
		expect(stripOpening('Yth. Pemerintah Kab. Semarang,\nJalan rusak di depan pasar.')).toBe('Jalan rusak di depan pasar.');
		expect(stripOpening('Assalamualaikum wr wb. Kepada Bapak Walikota,\nsampah menumpuk')).toBe('sampah menumpuk');
		expect(stripOpening('Selamat siang Bapak/Ibu admin, lampu jalan mati')).toBe('lampu jalan mati');
		// a greeting is only the greeting: the report after it stays
		expect(stripOpening('selamat sore kami melaporkan jalan berlubang di depan toko')).toBe(
			'kami melaporkan jalan berlubang di depan toko'
		);
		// a bare "kepada" with a long run and no comma is a report, not an addressee
		const report = 'kepada pihak terkait kami selaku ketua RW mohon bantuan karung untuk kerja bakti hari minggu, terima kasih';
		expect(stripOpening(report)).toBe(report);
		// a question is not an addressee
		expect(stripOpening('Yth kementerian sosial. apakah boleh karyawan dapat bantuan?\nterima kasih')).toContain('apakah boleh');
	});

	it('strips sign-offs, LAPOR! closings and thanks at the end, but not a report after them', () => {
		expect(stripClosing('BST belum cair.\nMohon ditindaklanjuti, terima kasih')).toBe('BST belum cair.');
		expect(stripClosing('Lampu mati. Terima kasih atas perhatiannya.\nBudi Santoso')).toBe('Lampu mati.');
		expect(stripClosing('Jalan rusak parah.\nHormat kami,\nKetua RT 03 Ahmad')).toBe('Jalan rusak parah.');
		expect(stripClosing('SAMPAH DIBIARKAN. MOHON SEGERA DITINDAK LANJUTI.. INI RUMAH BUKAN TPS')).toBe(
			'SAMPAH DIBIARKAN. MOHON SEGERA DITINDAK LANJUTI.. INI RUMAH BUKAN TPS'
		);
		expect(stripClosing('terima kasih, tapi lampu di gang kami masih mati sampai hari ini')).toBe(
			'terima kasih, tapi lampu di gang kami masih mati sampai hari ini'
		);
		// a closing with no report before it is the whole complaint
		expect(stripClosing('Terima kasih')).toBe('Terima kasih');
	});

	it('drops @mentions, channel hashtags and tracking footers; keeps topical hashtags as words', () => {
		const t = stripChannelTags('@LAPOR1708 jalan rusak #banjir #SP4NLAPOR #LaporHendi ID Tracking: 1234567 Dikirim dari iPhone saya');
		expect(t).not.toMatch(/LAPOR1708|SP4N|Hendi|1234567|iPhone/i);
		expect(t).toContain('banjir');
		expect(stripChannelTags('kirim ke siti@example.com')).toContain('siti@example.com');
	});

	it('complaintText strips title and body each, so the body salutation goes too', () => {
		expect(
			complaintText('Lampu mati', 'Yth. Dinas Perhubungan Kota Semarang,\nlampu jalan mati.\nMohon ditindaklanjuti, terima kasih')
		).toBe('Lampu mati\nlampu jalan mati.');
		expect(complaintText(null, '')).toBe('');
	});
});

describe('frame on the real shared corpora (../shared/data must exist)', () => {
	it('the shared files are present', () => {
		expect(existsSync(DEFAULT_INPUT), `missing ${DEFAULT_INPUT}`).toBe(true);
		expect(existsSync(LAPOR_INPUT), `missing ${LAPOR_INPUT}`).toBe(true);
	});

	it('LAPOR! 2017: the "Yth. <addressee>," salutation is gone (the addressee is that evaluation\'s gold label)', async () => {
		const rows = (await readCsv(LAPOR_INPUT)).filter((r) => /^\s*yth/i.test(r.body_text ?? ''));
		expect(rows.length).toBeGreaterThan(1000);
		const kept = rows.filter((r) => {
			const s = stripFrame(r.body_text!).trimStart();
			const a = (r.addressee_from_salutation ?? '').trim().toLowerCase();
			return /^yth/i.test(s) || (a !== '' && s.split('\n')[0]!.toLowerCase().startsWith(a));
		});
		// the rest (2 %) are "Yth …" runs of more than 120 characters without a comma: reports, not addressees
		expect(kept.length / rows.length).toBeLessThan(0.03);
	});

	it('LAPOR! 2017: the portal closing "Mohon ditindaklanjuti / informasinya / dipertimbangkan, terima kasih" is gone', async () => {
		const rows = (await readCsv(LAPOR_INPUT)).filter((r) =>
			/mohon (ditindaklanjuti|informasinya|dipertimbangkan)\W*terima kasih\W*$/i.test(r.body_text ?? '')
		);
		expect(rows.length).toBeGreaterThan(1000);
		const left = rows.filter((r) =>
			/mohon (ditindaklanjuti|informasinya|dipertimbangkan)\W*(terima kasih)?\W*$/i.test(stripFrame(r.body_text!))
		);
		expect(left.length / rows.length).toBeLessThan(0.01);
	});

	it('Surabaya: newlines exported as "\\n" become line breaks, not words glued to an "n" ("nnama")', async () => {
		const texts = (await readCsv(DEFAULT_INPUT)).map((r) => r.keluhan ?? '').filter((t) => /\\n/.test(t));
		expect(texts.length).toBeGreaterThan(1000);
		const corpusWords = new Set(texts.flatMap((t) => prepare(t.replace(/\\[nrt]/g, ' '))));
		const glued: string[] = [];
		for (const t of texts) {
			expect(unescapeText(t)).not.toMatch(/\\n/);
			const words = new Set(prepare(t));
			for (const m of t.matchAll(/\\n([A-Za-z]+)/g)) {
				const w = `n${m[1]!.toLowerCase()}`;
				if (words.has(w) && !corpusWords.has(w)) glued.push(w);
			}
		}
		expect(glued).toEqual([]);
	});

	it('texts that give a NIK (masked by LAPOR! as [***]123, or written out) leave no digits or masks in the words', async () => {
		const lapor = (await readCsv(LAPOR_INPUT)).map((r) => `${r.title}\n${r.body_text}`);
		const sby = (await readCsv(DEFAULT_INPUT)).map((r) => r.keluhan ?? '');
		const withNik = [...lapor, ...sby].filter((t) => /\bnik\b/i.test(t));
		expect(withNik.length).toBeGreaterThan(100);
		for (const t of withNik) expect(prepare(t).filter((w) => /[\d*[\]]/.test(w))).toEqual([]);
	});
});
