import { describe, expect, it } from 'vitest';
import { loadAliases, loadProfiles, loadRules, Profile } from './config.ts';
import { detectProfile, headerKey, mapHeaders } from './headers.ts';

const aliases = loadAliases();
const profiles = loadProfiles();
const lapor = profiles.find((p) => p.name === 'lapor')!;

describe('header mapping', () => {
	it('ignores case, spacing and punctuation', () => {
		expect(headerKey(' ID-Tracking ')).toBe(headerKey('id_tracking'));
		const m = mapHeaders(['id tracking', 'TANGGAL LAPORAN', 'Isi_Laporan', 'Terdisposisi ke', 'Kanal'], lapor, aliases);
		expect(m.fields).toMatchObject({
			tracking_id: 'id tracking',
			created_at: 'TANGGAL LAPORAN',
			body: 'Isi_Laporan',
			agency: 'Terdisposisi ke',
			channel: 'Kanal'
		});
	});

	it('keeps unknown columns as extra and sets identity columns apart, even unlisted ones', () => {
		const m = mapHeaders(['ID Tracking', 'Nama Pelapor', 'No. HP', 'Email', 'NIK', 'Catatan Admin', 'Unit Teknik'], lapor, aliases);
		expect(m.identity.sort()).toEqual(['Email', 'NIK', 'Nama Pelapor', 'No. HP'].sort());
		// "Teknik" contains "nik" but is not an identity column
		expect(m.extra).toEqual(['Catatan Admin', 'Unit Teknik']);
	});

	it('detects the Surabaya and LAPOR! 2017 profiles from their headers, LAPOR! by default', () => {
		expect(detectProfile(['id', 'tanggal_keluhan', 'keluhan', 'instansi', 'kecamatan_id', 'topik'], profiles).name).toBe('surabaya');
		expect(detectProfile(['tracking_id', 'title', 'body_text', 'addressee_from_salutation'], profiles).name).toBe('lapor2017');
		expect(detectProfile(['ID Tracking', 'Status'], profiles).name).toBe('lapor');
		expect(detectProfile(['something'], profiles).name).toBe('lapor');
	});

	it('lets a profile claim a column before the shared alias table', () => {
		const surabaya = profiles.find((p) => p.name === 'surabaya')!;
		const m = mapHeaders(['id', 'keluhan', 'kecamatan', 'kecamatan_id', 'topik_id'], surabaya, aliases);
		expect(m.fields).toMatchObject({ tracking_id: 'id', body: 'keluhan', district: 'kecamatan' });
		expect(m.dropped).toEqual(['kecamatan_id', 'topik_id']);
	});
});

describe('config validation', () => {
	it('loads the shipped alias, rule and profile files', () => {
		expect(Object.keys(aliases.fields)).toContain('tracking_id');
		expect(loadRules().status.length).toBeGreaterThan(5);
		expect(profiles.map((p) => p.name).sort()).toEqual(['lapor', 'lapor2017', 'surabaya']);
	});

	it('rejects a profile with an unknown field, with a readable message', () => {
		const bad = Profile.safeParse({ name: 'x', description: '', detect: ['a'], fields: { nonsense: ['b'] } });
		expect(bad.success).toBe(false);
	});
});
