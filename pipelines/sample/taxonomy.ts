// The category tree the sample draws from: LAPOR!'s top-level categories (domain.md §3) with
// sub-categories, the agencies each topic is routed to, and when a topic exists at all.

import type { AgencySpec } from './agencies';
import { BANSOS_BRANCHES } from './anchors';

export type ClassificationLabel = 'Pengaduan' | 'Aspirasi' | 'Permintaan Informasi';

export interface Topic {
	id: string;
	/** Kategori as exported: 'Top > Sub > Leaf'. */
	path: string;
	/** Relative weight among the topics of the same top-level category (or COVID group). */
	weight: number;
	agencies: readonly (readonly [AgencySpec, number])[];
	/** Noun phrase for the generic aspiration / information-request texts. */
	subject: string;
	/** COVID topics are drawn by the COVID volume plan, not by the category shares. */
	covid?: 'bansos' | 'other' | 'tail';
	/** Active window (ISO dates, inclusive). */
	from?: string;
	to?: string;
	/** Klasifikasi shares when they differ from the global ones. */
	classification?: Readonly<Partial<Record<ClassificationLabel, number>>>;
}

const T = (id: string, path: string, weight: number, agencies: Topic['agencies'], subject: string, extra: Partial<Topic> = {}): Topic => ({
	id,
	path,
	weight,
	agencies,
	subject,
	...extra
});

const CV = 'Corona Virus';
const BANSOS = `${CV} > Bantuan Sosial`;
const b = (branch: keyof typeof BANSOS_BRANCHES) => BANSOS_BRANCHES[branch];

export const TOPICS: readonly Topic[] = [
	// --- COVID-19, bansos (the "Corona Virus > Bantuan Sosial" sub-tree) ---
	T(
		'cv_bst',
		`${BANSOS} > BST`,
		b('BST'),
		[
			['dinsos', 5],
			['nat:kemensos', 3],
			['nat:pos', 1],
			['kelurahan_desa', 1]
		],
		'pencairan BST',
		{ covid: 'bansos', from: '2020-04-01' }
	),
	T(
		'cv_sembako',
		`${BANSOS} > Sembako`,
		b('Sembako'),
		[
			['dinsos', 5],
			['nat:kemensos', 2],
			['kelurahan_desa', 2],
			['kecamatan', 1]
		],
		'pembagian bansos sembako',
		{ covid: 'bansos' }
	),
	T(
		'cv_bltdd',
		`${BANSOS} > BLT Dana Desa`,
		b('BLT Dana Desa'),
		[
			['kelurahan_desa', 4],
			['nat:dpmd', 2],
			['nat:kemendes', 2],
			['inspektorat', 1]
		],
		'penyaluran BLT Dana Desa',
		{ covid: 'bansos', from: '2020-04-15' }
	),
	T(
		'cv_pkh',
		`${BANSOS} > PKH`,
		b('PKH'),
		[
			['dinsos', 5],
			['nat:kemensos', 4]
		],
		'bantuan PKH',
		{ covid: 'bansos' }
	),
	T(
		'cv_bansosda',
		`${BANSOS} > Bansos Daerah`,
		b('Bansos Daerah'),
		[
			['dinsos', 6],
			['kecamatan', 2],
			['kelurahan_desa', 2],
			['nat:pemda', 1]
		],
		'bansos dari pemda',
		{ covid: 'bansos' }
	),
	T(
		'cv_prakerja',
		`${BANSOS} > Kartu Prakerja`,
		b('Kartu Prakerja'),
		[
			['nat:prakerja', 4],
			['nat:kemenko_ekon', 3],
			['disnaker', 2]
		],
		'Kartu Prakerja',
		{ covid: 'bansos', from: '2020-04-11' }
	),

	// --- COVID-19, other topics ---
	T(
		'cv_rs',
		`${CV} > Pelayanan Kesehatan > Rumah Sakit Rujukan`,
		4,
		[
			['rsud', 5],
			['dinkes', 4],
			['nat:kemenkes', 1]
		],
		'layanan rumah sakit rujukan covid',
		{ covid: 'other' }
	),
	T(
		'cv_apd',
		`${CV} > Alat dan Logistik Kesehatan > APD dan Masker`,
		2,
		[
			['dinkes', 5],
			['nat:kemenkes', 2],
			['perdagangan', 1]
		],
		'ketersediaan APD dan masker',
		{ covid: 'other', to: '2020-09-30' }
	),
	T(
		'cv_nakes',
		`${CV} > Klaim dan Verifikasi Pasien > Insentif Tenaga Kesehatan`,
		1.5,
		[
			['dinkes', 5],
			['nat:kemenkes', 3]
		],
		'insentif tenaga kesehatan',
		{ covid: 'other', from: '2020-05-01' }
	),
	T(
		'cv_info',
		`${CV} > Informasi COVID-19 > Tes dan Isolasi`,
		3,
		[
			['dinkes', 5],
			['nat:satgas', 3],
			['rsud', 1]
		],
		'tes swab dan isolasi mandiri',
		{ covid: 'other', classification: { Pengaduan: 0.55, 'Permintaan Informasi': 0.4, Aspirasi: 0.05 } }
	),
	T(
		'cv_kerumunan',
		`${CV} > PSBB > Kerumunan`,
		3,
		[
			['satpolpp', 5],
			['kepolisian', 3],
			['nat:satgas', 2]
		],
		'penegakan protokol kesehatan',
		{ covid: 'other' }
	),
	T(
		'cv_wfh',
		`${CV} > PSBB > Bekerja dari Rumah`,
		1.5,
		[
			['disnaker', 6],
			['nat:kemnaker', 2]
		],
		'aturan bekerja dari rumah',
		{ covid: 'other', to: '2020-12-31' }
	),
	T(
		'cv_bdr',
		`${CV} > PSBB > Belajar dari Rumah`,
		1.5,
		[
			['disdik', 5],
			['prov:disdik', 2],
			['nat:kemendikbud', 1]
		],
		'pembelajaran jarak jauh',
		{ covid: 'other' }
	),
	T(
		'cv_karantina',
		`${CV} > PSBB > Karantina Wilayah`,
		1.5,
		[
			['nat:satgas', 3],
			['kecamatan', 3],
			['dinkes', 2],
			['bpbd', 1]
		],
		'isolasi dan penyekatan wilayah',
		{ covid: 'other' }
	),
	T(
		'cv_kredit',
		`${CV} > Relaksasi Kredit`,
		1,
		[
			['nat:ojk', 5],
			['nat:bri', 1]
		],
		'relaksasi kredit',
		{ covid: 'other', to: '2020-12-31' }
	),
	T(
		'cv_vaksin',
		`${CV} > Vaksinasi`,
		3,
		[
			['dinkes', 5],
			['rsud', 3],
			['nat:kemenkes', 2]
		],
		'vaksinasi covid',
		{ covid: 'other', from: '2021-01-13' }
	),
	// after the window: vaccination and PPKM (COVID_TAIL)
	T(
		'cv_vaksin_t',
		`${CV} > Vaksinasi`,
		3,
		[
			['dinkes', 5],
			['rsud', 3],
			['nat:kemenkes', 2]
		],
		'vaksinasi covid',
		{ covid: 'tail' }
	),
	T(
		'cv_ppkm',
		`${CV} > PPKM > Penyekatan dan Pembatasan`,
		2,
		[
			['satpolpp', 4],
			['kepolisian', 3],
			['nat:satgas', 2]
		],
		'aturan PPKM',
		{ covid: 'tail', from: '2021-06-01' }
	),

	// --- Topik Lainnya ---
	T(
		'pungli',
		'Topik Lainnya > Pelayanan Publik > Pungutan Liar',
		3,
		[
			['kelurahan_desa', 4],
			['kecamatan', 3],
			['inspektorat', 2],
			['organisasi', 1]
		],
		'biaya pengurusan surat di kelurahan'
	),
	T(
		'petugas',
		'Topik Lainnya > Pelayanan Publik > Sikap dan Kinerja Petugas',
		2.5,
		[
			['kecamatan', 4],
			['kelurahan_desa', 3],
			['organisasi', 2]
		],
		'pelayanan di kantor kecamatan'
	),
	T(
		'asn',
		'Topik Lainnya > Aparatur > Disiplin ASN',
		1.5,
		[
			['inspektorat', 4],
			['nat:bkpsdm', 2],
			['organisasi', 2]
		],
		'disiplin pegawai'
	),
	T(
		'saran',
		'Topik Lainnya > Saran dan Masukan',
		2,
		[
			['organisasi', 4],
			['nat:pemda', 3],
			['diskominfo', 1]
		],
		'pelayanan publik di daerah',
		{ classification: { Aspirasi: 0.7, Pengaduan: 0.2, 'Permintaan Informasi': 0.1 } }
	),
	T(
		'izin',
		'Topik Lainnya > Perizinan > Izin Usaha',
		1.5,
		[
			['dpmptsp', 6],
			['organisasi', 1]
		],
		'perizinan usaha (NIB/OSS)'
	),
	T(
		'tanah',
		'Topik Lainnya > Pertanahan > Sertifikat Tanah',
		2,
		[
			['bpn', 7],
			['kelurahan_desa', 1]
		],
		'pengurusan sertifikat tanah'
	),
	T(
		'pinjol',
		'Topik Lainnya > Pinjaman Online > Pinjol Ilegal',
		2,
		[
			['nat:ojk', 4],
			['kepolisian', 3],
			['nat:kominfo', 2]
		],
		'pinjaman online ilegal',
		{ from: '2019-01-01' }
	),
	T(
		'lainnya_umum',
		'Topik Lainnya > Lainnya',
		2,
		[
			['nat:pemda', 3],
			['organisasi', 3],
			['kecamatan', 1]
		],
		'urusan pemerintahan daerah'
	),

	// --- Pekerjaan Umum dan Penataan Ruang ---
	T(
		'jalan',
		'Pekerjaan Umum dan Penataan Ruang > Infrastruktur Jalan > Jalan Berlubang',
		6,
		[
			['pupr', 8],
			['prov:pupr', 2],
			['nat:kemenpupr', 1]
		],
		'perbaikan jalan'
	),
	T(
		'jembatan',
		'Pekerjaan Umum dan Penataan Ruang > Infrastruktur Jalan > Jembatan Rusak',
		1,
		[
			['pupr', 6],
			['bpbd', 1]
		],
		'perbaikan jembatan'
	),
	T(
		'drainase',
		'Pekerjaan Umum dan Penataan Ruang > Sumber Daya Air > Drainase dan Banjir',
		3,
		[
			['pupr', 6],
			['bpbd', 1],
			['kelurahan_desa', 1],
			['dlh', 1]
		],
		'penanganan banjir dan drainase'
	),
	T(
		'irigasi',
		'Pekerjaan Umum dan Penataan Ruang > Sumber Daya Air > Saluran Irigasi',
		1,
		[
			['pupr', 3],
			['pertanian', 2]
		],
		'saluran irigasi'
	),
	T(
		'pju',
		'Pekerjaan Umum dan Penataan Ruang > Infrastruktur Jalan > Penerangan Jalan Umum',
		2,
		[
			['dishub', 3],
			['perkim', 3],
			['pupr', 1]
		],
		'lampu penerangan jalan umum'
	),
	T(
		'bangunan',
		'Pekerjaan Umum dan Penataan Ruang > Penataan Ruang > Bangunan Tanpa Izin',
		1.2,
		[
			['pupr', 2],
			['satpolpp', 2],
			['dpmptsp', 1]
		],
		'izin mendirikan bangunan (PBG)'
	),
	T(
		'rtlh',
		'Pekerjaan Umum dan Penataan Ruang > Perumahan > Rumah Tidak Layak Huni',
		1,
		[
			['perkim', 5],
			['dinsos', 1]
		],
		'program bedah rumah'
	),
	T('pdam', 'Pekerjaan Umum dan Penataan Ruang > Air Minum > Layanan PDAM', 1.5, [['pdam', 1]], 'layanan air PDAM'),

	// --- Ketenagakerjaan ---
	T(
		'gaji',
		'Ketenagakerjaan > Hubungan Industrial > Upah Tidak Dibayar',
		3,
		[
			['disnaker', 6],
			['nat:kemnaker', 2]
		],
		'pembayaran upah pekerja'
	),
	T(
		'phk',
		'Ketenagakerjaan > Hubungan Industrial > PHK Sepihak',
		2,
		[
			['disnaker', 6],
			['nat:kemnaker', 2]
		],
		'PHK dan pesangon'
	),
	T(
		'jht',
		'Ketenagakerjaan > Jaminan Sosial Tenaga Kerja > Pencairan JHT',
		2,
		[
			['nat:bpjs_tk', 6],
			['disnaker', 1]
		],
		'pencairan JHT'
	),
	T(
		'asn_seleksi',
		'Ketenagakerjaan > Seleksi ASN > CPNS dan PPPK',
		1.5,
		[
			['nat:bkn', 3],
			['nat:bkpsdm', 3],
			['nat:kemenpanrb', 1]
		],
		'seleksi CPNS dan PPPK',
		{ classification: { Pengaduan: 0.6, 'Permintaan Informasi': 0.32, Aspirasi: 0.08 } }
	),
	T(
		'pmi',
		'Ketenagakerjaan > Penempatan Tenaga Kerja > Pekerja Migran',
		0.5,
		[
			['nat:bp2mi', 3],
			['disnaker', 2]
		],
		'penempatan pekerja migran'
	),

	// --- Sosial dan Kesejahteraan ---
	T(
		'pkh',
		'Sosial dan Kesejahteraan > Bantuan Sosial > PKH',
		2.5,
		[
			['dinsos', 6],
			['nat:kemensos', 3]
		],
		'bantuan PKH'
	),
	T(
		'bpnt',
		'Sosial dan Kesejahteraan > Bantuan Sosial > BPNT',
		1.5,
		[
			['dinsos', 6],
			['nat:kemensos', 2],
			['nat:bri', 1]
		],
		'BPNT dan kartu KKS'
	),
	T(
		'dtks',
		'Sosial dan Kesejahteraan > Data Kesejahteraan Sosial > DTKS',
		1.5,
		[
			['dinsos', 7],
			['kelurahan_desa', 2]
		],
		'pendaftaran DTKS',
		{ classification: { Pengaduan: 0.7, 'Permintaan Informasi': 0.25, Aspirasi: 0.05 } }
	),
	T(
		'pbi',
		'Sosial dan Kesejahteraan > Jaminan Sosial > PBI JKN Nonaktif',
		0.6,
		[
			['dinsos', 3],
			['nat:bpjs_kes', 2]
		],
		'kepesertaan BPJS PBI'
	),
	T(
		'odgj',
		'Sosial dan Kesejahteraan > Rehabilitasi Sosial > ODGJ dan Gelandangan',
		0.5,
		[
			['dinsos', 3],
			['satpolpp', 2]
		],
		'penanganan ODGJ terlantar'
	),

	// --- Pendidikan dan Kebudayaan ---
	T(
		'ppdb',
		'Pendidikan dan Kebudayaan > PPDB > Sistem Zonasi',
		2.5,
		[
			['disdik', 4],
			['prov:disdik', 3],
			['nat:kemendikbud', 1]
		],
		'PPDB zonasi',
		{ classification: { Pengaduan: 0.75, 'Permintaan Informasi': 0.18, Aspirasi: 0.07 } }
	),
	T(
		'pungutan_sekolah',
		'Pendidikan dan Kebudayaan > Pungutan Sekolah > Uang Komite dan Seragam',
		1.5,
		[
			['disdik', 5],
			['prov:disdik', 2],
			['inspektorat', 1]
		],
		'pungutan di sekolah negeri'
	),
	T(
		'pip',
		'Pendidikan dan Kebudayaan > Beasiswa > PIP dan KIP',
		1,
		[
			['disdik', 4],
			['nat:kemendikbud', 3]
		],
		'pencairan PIP'
	),
	T(
		'guru',
		'Pendidikan dan Kebudayaan > Guru dan Tenaga Kependidikan > Tunjangan Guru',
		0.8,
		[
			['disdik', 5],
			['nat:kemendikbud', 2]
		],
		'tunjangan guru'
	),
	T(
		'gedung_sekolah',
		'Pendidikan dan Kebudayaan > Sarana dan Prasarana > Gedung Sekolah Rusak',
		0.7,
		[
			['disdik', 5],
			['pupr', 1]
		],
		'rehabilitasi gedung sekolah'
	),

	// --- Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat ---
	T(
		'pkl',
		'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat > Ketertiban Umum > Pedagang Kaki Lima',
		1.8,
		[
			['satpolpp', 6],
			['perdagangan', 1]
		],
		'penataan PKL'
	),
	T(
		'parkir',
		'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat > Ketertiban Umum > Parkir Liar',
		1.5,
		[
			['dishub', 4],
			['satpolpp', 2]
		],
		'penertiban parkir liar'
	),
	T(
		'balap',
		'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat > Gangguan Keamanan > Balap Liar dan Tawuran',
		1.2,
		[
			['kepolisian', 4],
			['satpolpp', 2]
		],
		'balap liar dan tawuran'
	),
	T(
		'hiburan',
		'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat > Ketertiban Umum > Tempat Hiburan Malam',
		0.8,
		[
			['satpolpp', 5],
			['dpmptsp', 1]
		],
		'izin tempat hiburan malam'
	),
	T(
		'damkar',
		'Ketenteraman, Ketertiban Umum, dan Pelindungan Masyarakat > Pelindungan Masyarakat > Pemadam Kebakaran',
		0.6,
		[['bpbd', 1]],
		'layanan pemadam kebakaran'
	),

	// --- Perhubungan ---
	T('angkot', 'Perhubungan > Angkutan Umum > Angkutan Kota', 1.5, [['dishub', 1]], 'angkutan umum'),
	T(
		'rambu',
		'Perhubungan > Lalu Lintas > Lampu Lalu Lintas dan Rambu',
		1.5,
		[
			['dishub', 5],
			['kepolisian', 1]
		],
		'lampu lalu lintas'
	),
	T('kir', 'Perhubungan > Pengujian Kendaraan > Uji KIR', 0.8, [['dishub', 1]], 'uji KIR kendaraan'),
	T(
		'krl',
		'Perhubungan > Perkeretaapian > Layanan Kereta',
		0.8,
		[
			['nat:kai', 4],
			['nat:kemenhub', 1]
		],
		'layanan kereta api'
	),
	T(
		'odol',
		'Perhubungan > Lalu Lintas > Truk Kelebihan Muatan',
		0.7,
		[
			['dishub', 3],
			['kepolisian', 2]
		],
		'truk ODOL'
	),

	// --- Lingkungan Hidup dan Kehutanan ---
	T(
		'sampah',
		'Lingkungan Hidup dan Kehutanan > Persampahan > Sampah Tidak Diangkut',
		2.2,
		[
			['dlh', 6],
			['kelurahan_desa', 1]
		],
		'pengangkutan sampah'
	),
	T(
		'limbah',
		'Lingkungan Hidup dan Kehutanan > Pencemaran > Limbah Industri',
		1.3,
		[
			['dlh', 5],
			['prov:dlh', 1]
		],
		'pencemaran limbah pabrik'
	),
	T(
		'asap',
		'Lingkungan Hidup dan Kehutanan > Pencemaran Udara > Pembakaran Sampah',
		0.7,
		[
			['dlh', 4],
			['satpolpp', 1]
		],
		'pembakaran sampah'
	),
	T(
		'pohon',
		'Lingkungan Hidup dan Kehutanan > Pertamanan > Pohon Rawan Tumbang',
		0.7,
		[
			['dlh', 3],
			['bpbd', 1]
		],
		'pemangkasan pohon'
	),

	// --- Teknologi Informasi dan Komunikasi ---
	T(
		'sinyal',
		'Teknologi Informasi dan Komunikasi > Jaringan Telekomunikasi > Sinyal Lemah',
		1.6,
		[
			['diskominfo', 3],
			['nat:kominfo', 2],
			['nat:telkom', 1]
		],
		'jaringan internet di desa'
	),
	T(
		'aplikasi',
		'Teknologi Informasi dan Komunikasi > Layanan Aplikasi Pemerintah > Aplikasi Bermasalah',
		1.5,
		[
			['diskominfo', 5],
			['disdukcapil', 1]
		],
		'aplikasi layanan pemda'
	),
	T(
		'judol',
		'Teknologi Informasi dan Komunikasi > Konten Negatif > Judi Online',
		1.6,
		[
			['nat:kominfo', 4],
			['kepolisian', 1],
			['diskominfo', 1]
		],
		'pemblokiran situs judi online'
	),

	// --- Kesehatan ---
	T(
		'rsud',
		'Kesehatan > Pelayanan Rumah Sakit > Pelayanan RSUD',
		1,
		[
			['rsud', 6],
			['dinkes', 1]
		],
		'pelayanan RSUD'
	),
	T(
		'puskesmas',
		'Kesehatan > Pelayanan Puskesmas',
		0.8,
		[
			['rsud', 3],
			['dinkes', 1]
		],
		'pelayanan puskesmas'
	),
	T(
		'bpjs_kes',
		'Kesehatan > Jaminan Kesehatan Nasional > BPJS Kesehatan',
		0.8,
		[
			['nat:bpjs_kes', 3],
			['rsud', 1]
		],
		'layanan BPJS Kesehatan'
	),
	T(
		'dbd',
		'Kesehatan > Pencegahan Penyakit > Fogging DBD',
		0.4,
		[
			['dinkes', 4],
			['rsud', 1]
		],
		'fogging DBD'
	),

	// --- Kependudukan ---
	T(
		'ktp',
		'Kependudukan > KTP Elektronik > KTP-el Belum Dicetak',
		1.6,
		[
			['disdukcapil', 8],
			['kecamatan', 1]
		],
		'pembuatan KTP-el'
	),
	T('kk', 'Kependudukan > Kartu Keluarga > Perubahan Data KK', 1, [['disdukcapil', 1]], 'perubahan data KK'),
	T('akta', 'Kependudukan > Akta Catatan Sipil > Akta Kelahiran', 0.8, [['disdukcapil', 1]], 'pembuatan akta kelahiran', {
		classification: { Pengaduan: 0.7, 'Permintaan Informasi': 0.27, Aspirasi: 0.03 }
	}),
	T('pindah', 'Kependudukan > Pindah Datang > Surat Pindah', 0.6, [['disdukcapil', 1]], 'pengurusan surat pindah'),

	// --- Ekonomi dan Keuangan ---
	T('pbb', 'Ekonomi dan Keuangan > Pajak Daerah > PBB-P2', 1.2, [['bapenda', 1]], 'PBB dan pajak daerah'),
	T(
		'kur',
		'Ekonomi dan Keuangan > Perbankan > Kredit Usaha Rakyat',
		0.8,
		[
			['nat:bri', 3],
			['nat:ojk', 1]
		],
		'pengajuan KUR'
	),
	T(
		'bpum',
		'Ekonomi dan Keuangan > UMKM > Banpres Produktif Usaha Mikro',
		0.6,
		[
			['nat:kemenkop', 3],
			['nat:diskop', 3]
		],
		'BPUM untuk usaha mikro',
		{ from: '2020-08-17', to: '2021-12-31' }
	),
	T(
		'retribusi',
		'Ekonomi dan Keuangan > Retribusi Daerah > Retribusi Pasar',
		0.4,
		[
			['perdagangan', 2],
			['bapenda', 1]
		],
		'retribusi pasar'
	),

	// --- Energi dan SDA ---
	T('listrik', 'Energi dan SDA > Ketenagalistrikan > Pemadaman Listrik', 1, [['nat:pln', 1]], 'pemadaman listrik'),
	T('tagihan_listrik', 'Energi dan SDA > Ketenagalistrikan > Tagihan Listrik', 0.6, [['nat:pln', 1]], 'tagihan listrik'),
	T(
		'lpg',
		'Energi dan SDA > BBM dan Gas > Kelangkaan LPG 3 Kg',
		0.9,
		[
			['perdagangan', 2],
			['nat:pertamina', 2]
		],
		'distribusi LPG 3 kg'
	),

	// --- Pertanian dan Peternakan ---
	T('pupuk', 'Pertanian dan Peternakan > Sarana Produksi > Pupuk Bersubsidi', 0.8, [['pertanian', 1]], 'pupuk bersubsidi'),
	T('ternak', 'Pertanian dan Peternakan > Kesehatan Hewan > Penyakit Ternak', 0.4, [['pertanian', 1]], 'penanganan penyakit ternak'),

	// --- Pembangunan Desa, Daerah Tertinggal, dan Transmigrasi ---
	T(
		'dana_desa',
		'Pembangunan Desa, Daerah Tertinggal, dan Transmigrasi > Dana Desa > Penggunaan Dana Desa',
		0.8,
		[
			['inspektorat', 2],
			['kecamatan', 1],
			['kelurahan_desa', 1],
			['nat:kemendes', 1],
			['nat:dpmd', 1]
		],
		'penggunaan dana desa'
	),
	T(
		'perangkat_desa',
		'Pembangunan Desa, Daerah Tertinggal, dan Transmigrasi > Pemerintahan Desa > Perangkat Desa',
		0.4,
		[
			['kecamatan', 2],
			['nat:dpmd', 1],
			['organisasi', 1]
		],
		'pengangkatan perangkat desa'
	),

	// --- smaller categories ---
	T('harga', 'Perlindungan Konsumen > Harga Barang > Harga Bahan Pokok', 0.5, [['perdagangan', 1]], 'harga bahan pokok'),
	T('timbangan', 'Perlindungan Konsumen > Metrologi > Timbangan Tidak Sesuai', 0.3, [['perdagangan', 1]], 'tera ulang timbangan'),
	T(
		'polisi',
		'Politik dan Hukum > Pelayanan Kepolisian > Penanganan Laporan Polisi',
		0.8,
		[['kepolisian', 1]],
		'penanganan laporan di kepolisian'
	),
	T(
		'haji',
		'Agama > Haji dan Umrah > Antrean Haji',
		0.6,
		[
			['nat:kemenag', 2],
			['nat:kemenag_kab', 2]
		],
		'antrean haji',
		{ classification: { Pengaduan: 0.55, 'Permintaan Informasi': 0.4, Aspirasi: 0.05 } }
	),
	T(
		'bsu',
		'Pemulihan Ekonomi Nasional > Bantuan Subsidi Upah',
		1,
		[
			['nat:kemnaker', 3],
			['nat:bpjs_tk', 2]
		],
		'bantuan subsidi upah',
		{ from: '2020-08-27', to: '2022-12-31' }
	),
	T(
		'netralitas',
		'Netralitas ASN > Keterlibatan dalam Kampanye',
		1,
		[
			['inspektorat', 2],
			['nat:bawaslu', 1],
			['nat:kasn', 1]
		],
		'netralitas ASN dalam pemilu'
	),
	T(
		'narkoba',
		'P4GN > Peredaran Narkotika',
		1,
		[
			['kepolisian', 3],
			['nat:bnn', 1]
		],
		'peredaran narkoba'
	),
	T(
		'lapor',
		'SP4N-LAPOR! > Tindak Lanjut Laporan > Laporan Tidak Ditanggapi',
		1,
		[
			['diskominfo', 2],
			['organisasi', 2],
			['nat:kemenpanrb', 1]
		],
		'tindak lanjut laporan di SP4N-LAPOR!'
	),
	T(
		'perundungan',
		'Kekerasan di Satuan Pendidikan > Perundungan',
		1,
		[
			['disdik', 4],
			['prov:disdik', 1]
		],
		'perundungan di sekolah',
		{ from: '2023-08-08' }
	),
	T(
		'disabilitas',
		'Kesetaraan Gender dan Sosial Inklusif > Aksesibilitas Penyandang Disabilitas',
		1,
		[
			['dinsos', 2],
			['pupr', 1]
		],
		'fasilitas bagi penyandang disabilitas'
	)
];

export const topCategory = (t: Topic) => t.path.split(' > ')[0]!;
