// Bahasa Indonesia: the primary language. Every key here must exist in en.ts (checked by the
// `Dictionary` type there and by i18n.test.ts).
export const id = {
	'app.name': 'Telaah',
	'app.tagline': 'Analitik aduan SP4N-LAPOR!',
	'app.skip': 'Langsung ke konten utama',

	'nav.label': 'Navigasi utama',
	'nav.overview': 'Ringkasan',
	'nav.trends': 'Tren',
	'nav.regions': 'Wilayah',
	'nav.agencies': 'Instansi',
	'nav.complaints': 'Aduan',

	'lang.switch': 'English',
	'lang.switchLabel': 'Switch to English',

	'footer.asOf': 'Data per {date}',
	'footer.asOfUnknown': 'Data belum dimuat',
	'footer.regions': 'Data wilayah: idn-area-data (ODbL), cahyadsn/wilayah (MIT)',
	'footer.note': 'Angka bersifat indikatif dan bukan penilaian resmi KemenPAN-RB, Kemendagri, atau Ombudsman.',

	'overview.title': 'Ringkasan',
	'overview.lead': 'Gambaran umum aduan yang masuk melalui SP4N-LAPOR! di gudang data Telaah.',
	'overview.periodAll': 'Seluruh periode',
	'overview.periodRange': '{from} – {to}',
	'overview.periodFrom': 'Sejak {from}',
	'overview.periodTo': 'Sampai {to}',

	'filter.legend': 'Periode',
	'filter.from': 'Dari bulan',
	'filter.to': 'Sampai bulan',
	'filter.apply': 'Terapkan',
	'filter.reset': 'Semua periode',

	'kpi.heading': 'Indikator utama',
	'kpi.total': 'Total aduan',
	'kpi.totalNote': 'Semua aduan yang tercatat pada periode ini.',
	'kpi.per100k': 'Aduan per 100 ribu penduduk',
	'kpi.per100kNote': 'Dibanding {population} penduduk (Dukcapil, semester II 2024).',
	'kpi.followUp': 'Tingkat tindak lanjut',
	'kpi.followUpNote': 'Aduan yang sudah ditindaklanjuti instansi, di luar aduan dihapus dan diarsipkan.',
	'kpi.completion': 'Tingkat penyelesaian',
	'kpi.completionNote': 'Aduan berstatus selesai, di luar aduan dihapus dan diarsipkan.',
	'kpi.medianResponse': 'Median waktu tanggapan pertama',
	'kpi.medianResponseNote': 'Hari kalender dari aduan dibuat sampai tanggapan pertama instansi.',
	'kpi.days': '{n} hari',
	'kpi.na': 'n/a',

	'trend.heading': 'Tren bulanan',
	'trend.caption': 'Jumlah aduan per bulan berdasarkan tanggal aduan dibuat.',
	'trend.covid': 'Masa COVID-19',
	'trend.covidNote': 'Area berarsir: masa COVID-19 (Maret 2020 – Januari 2021).',
	'trend.yLabel': 'Aduan per bulan',
	'trend.ariaLabel': 'Grafik batang jumlah aduan per bulan',
	'trend.tableToggle': 'Lihat data grafik dalam tabel',
	'trend.tableCaption': 'Jumlah aduan per bulan',
	'trend.month': 'Bulan',
	'trend.count': 'Aduan',

	'categories.heading': 'Kategori teratas',
	'categories.caption': '10 kategori utama dengan aduan terbanyak',
	'categories.rank': 'No.',
	'categories.category': 'Kategori',
	'categories.count': 'Aduan',
	'categories.share': 'Porsi',
	'categories.none': 'Tanpa kategori',
	'categories.download': 'Unduh CSV',
	'categories.downloadLabel': 'Unduh tabel kategori teratas sebagai CSV',
	'categories.uncategorised': '{n} aduan tanpa kategori tidak termasuk dalam tabel ini.',

	'empty.title': 'Belum ada aduan',
	'empty.body': 'Gudang data belum berisi aduan. Muat berkas ekspor SP4N-LAPOR! dengan perintah berikut:',
	'empty.period': 'Tidak ada aduan pada periode yang dipilih.',

	'error.title': 'Terjadi kesalahan',
	'error.badRequest': 'Permintaan tidak valid',
	'error.notFound': 'Halaman tidak ditemukan',
	'error.warehouse': 'Gudang data tidak tersedia',
	'error.back': 'Kembali ke Ringkasan',

	'period.badFormat': 'Parameter "{param}" tidak valid: "{value}". Gunakan format TTTT-BB, misalnya 2020-01.',
	'period.order': 'Periode tidak valid: "from" ({from}) harus sebelum atau sama dengan "to" ({to}).'
} as const;

export type MessageKey = keyof typeof id;
