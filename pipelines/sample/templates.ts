// Complaint texts in Bahasa Indonesia, written for this sample (no real complaint is copied or
// paraphrased). Placeholders in braces are filled per row by text.ts:
//   {jalan} street  {kel} kelurahan/desa  {kec} real kecamatan  {kab} the kab/kota (short form)
//   {rt} RT/RW  {tgl} a recent date  {durasi} a duration  {nominal} a rupiah amount  {n} a small number
//   {sekolah} a school  {faskes} a hospital or puskesmas  {pt} a made-up company  {nik} a synthetic NIK
//   {jam} a time of day  {bulan} a recent month  {tetangga} a made-up neighbour  {subject} the topic

export interface TopicTexts {
	titles: readonly string[];
	bodies: readonly string[];
}

export const TEXTS: Readonly<Record<string, TopicTexts>> = {
	// --- COVID bansos ---
	cv_bst: {
		titles: [
			'BST belum cair',
			'Bantuan Sosial Tunai tahap {n} tidak diterima',
			'Terdaftar BST tapi uang tidak ada',
			'Pencairan BST di kantor pos berdesakan'
		],
		bodies: [
			'Saya warga {rt} Kel. {kel} Kec. {kec}. Nama saya sudah terdaftar sebagai penerima BST dari Kemensos tetapi sampai sekarang belum menerima uang Rp600.000. Waktu saya cek ke kantor pos katanya data tidak ada. Mohon kejelasan.',
			'BST tahap {n} di lingkungan kami {rt} {kel} tidak merata. Ada warga yang mampu malah dapat, sedangkan janda lansia di sebelah rumah saya tidak dapat sama sekali. Tolong didata ulang.',
			'Pencairan BST di kantor pos {kec} sangat berdesakan, tidak ada jaga jarak, warga antre dari subuh. Sudah {durasi} bolak balik belum juga cair karena katanya undangan belum keluar.',
			'Mohon dicek NIK {nik}, di situs cek bansos tertulis penerima BST tetapi di kelurahan {kel} katanya tidak ada dalam daftar. Kami harus tanya ke siapa?',
			'Undangan pengambilan BST untuk ibu saya sudah diterima tanggal {tgl}, tetapi saat datang ke lokasi pembagian uangnya dipotong {nominal} oleh oknum dengan alasan uang transport.'
		]
	},
	cv_sembako: {
		titles: ['Paket sembako bansos tidak layak', 'Bansos sembako belum sampai ke RT kami', 'Pembagian sembako menimbulkan kerumunan'],
		bodies: [
			'Paket bansos sembako yang dibagikan di {rt} {kel} isinya beras berkutu dan minyak goreng yang sudah kedaluwarsa. Mohon diperiksa pemasoknya.',
			'Sudah {durasi} sejak pendataan tapi bansos sembako belum sampai ke RT kami, sementara RT sebelah sudah dapat dua kali. Kami warga terdampak corona sangat butuh.',
			'Pembagian sembako di kantor kelurahan {kel} membuat warga berdesakan tanpa masker. Sebaiknya diantar saja ke rumah-rumah lewat RT.',
			'Isi paket sembako yang kami terima tidak sesuai dengan yang diumumkan. Di daftar tertulis beras 10 kg, yang datang cuma 5 kg dan dua bungkus mi instan.'
		]
	},
	cv_bltdd: {
		titles: ['BLT Dana Desa tidak tepat sasaran', 'Pembagian BLT DD di Desa {kel}', 'Potongan BLT Dana Desa'],
		bodies: [
			'Pembagian BLT Dana Desa di Desa {kel} Kec. {kec} tidak transparan. Yang dapat kebanyakan keluarga perangkat desa. Kami yang kehilangan pekerjaan karena corona tidak didata.',
			'BLT DD bulan {bulan} baru dibagikan {nominal} padahal informasinya Rp600.000 per bulan. Ada potongan tanpa alasan yang jelas dari pihak desa.',
			'Saya sudah dua kali diminta fotokopi KK dan KTP untuk BLT Dana Desa tapi nama tidak pernah keluar. Kepala desa bilang kuota sudah habis.'
		]
	},
	cv_pkh: {
		titles: ['Bantuan PKH berhenti tanpa pemberitahuan', 'Saldo KKS PKH kosong', 'Pendamping PKH minta uang'],
		bodies: [
			'Saya peserta PKH sejak lama, tapi sejak pandemi saldo di kartu KKS kosong. Pendamping PKH susah dihubungi. Mohon penjelasan kenapa bantuan berhenti.',
			'Pendamping PKH di {kel} meminta uang {nominal} ke setiap KPM dengan alasan biaya administrasi pencairan. Apakah ini dibenarkan?',
			'Bantuan PKH tambahan selama corona yang diumumkan pemerintah tidak pernah masuk ke rekening kami. Sudah tanya ke bank katanya belum ada dana.'
		]
	},
	cv_bansosda: {
		titles: ['Bansos pemda tidak merata', 'Daftar penerima bansos daerah ganda', 'Warga KTP luar daerah tidak dapat bansos'],
		bodies: [
			'Bansos dari pemerintah daerah {kab} tahap {n} tidak merata. Warga yang ber-KTP luar daerah tidak dapat padahal sudah tinggal bertahun-tahun di sini dan ikut terdampak.',
			'Mohon transparansi daftar penerima bansos daerah di Kel. {kel}. Banyak nama ganda dan warga yang sudah meninggal masih tercantum, sementara yang butuh tidak masuk DTKS.',
			'Sembako dan BLT dari pemda untuk warga {rt} {kel} diambil alih oleh ketua RT dan dibagi ke kerabatnya saja. Mohon diperiksa.'
		]
	},
	cv_prakerja: {
		titles: ['Kartu Prakerja tidak lolos terus', 'Insentif Prakerja belum masuk', 'Akun Prakerja diblokir'],
		bodies: [
			'Saya korban PHK karena pandemi dan sudah daftar Kartu Prakerja gelombang {n}, tapi selalu gagal tanpa keterangan. Padahal data sudah benar semua.',
			'Pelatihan Prakerja sudah selesai dan sertifikat sudah keluar, tapi insentif {nominal} belum masuk ke rekening sudah {durasi}.',
			'Akun Kartu Prakerja saya tiba-tiba tidak bisa login dengan keterangan NIK sudah dipakai orang lain. NIK saya {nik}. Mohon dibantu.'
		]
	},

	// --- COVID, other ---
	cv_rs: {
		titles: ['Rumah sakit rujukan covid penuh', 'Pasien covid ditolak IGD', 'Hasil swab lama keluar'],
		bodies: [
			'Keluarga saya positif covid dan sesak napas, sudah keliling {n} rumah sakit di {kab} tapi semua penuh. IGD {faskes} menolak. Mohon bantuan segera.',
			'Hasil swab keluarga kami sudah {durasi} belum keluar dari {faskes}, padahal pasien harus segera dirawat dan kami tidak boleh pulang.',
			'Pasien covid di ruang isolasi {faskes} jarang dicek perawat, makanan datang terlambat. Keluarga tidak bisa masuk dan telepon ke ruangan tidak diangkat.'
		]
	},
	cv_apd: {
		titles: ['Tenaga kesehatan kekurangan APD', 'Harga masker melonjak'],
		bodies: [
			'Tenaga kesehatan di {faskes} kekurangan APD, perawat memakai jas hujan sebagai pengganti baju hazmat. Mohon distribusi APD segera.',
			'Harga masker dan hand sanitizer di apotek sekitar {jalan} naik berlipat-lipat, satu kotak masker dijual {nominal}. Mohon ditertibkan penimbunnya.'
		]
	},
	cv_nakes: {
		titles: ['Insentif nakes covid belum dibayar', 'Insentif tenaga kesehatan dipotong'],
		bodies: [
			'Insentif tenaga kesehatan penanganan covid untuk petugas {faskes} belum dibayarkan sejak bulan {bulan}. Kami sudah bekerja dengan risiko tinggi.',
			'Insentif nakes di {faskes} dipotong oleh manajemen dengan alasan dibagi rata ke semua pegawai, termasuk yang tidak bertugas di ruang isolasi.'
		]
	},
	cv_info: {
		titles: ['Info tes swab gratis', 'Warga positif covid tidak dipantau', 'Tanya prosedur isolasi mandiri'],
		bodies: [
			'Mohon informasi lokasi tes swab gratis di {kab}, saya kontak erat dengan pasien positif di kantor dan sekarang demam.',
			'Ada warga di {rt} {kel} yang positif covid tapi tidak ada pemantauan dari puskesmas. Tetangga khawatir tertular karena yang bersangkutan masih keluar rumah.',
			'Bagaimana prosedur isolasi mandiri untuk keluarga yang rumahnya sempit? Apakah ada tempat isolasi terpusat di {kec}?'
		]
	},
	cv_kerumunan: {
		titles: ['Kerumunan saat PSBB', 'Hajatan tetap digelar saat PSBB', 'Pasar malam ramai tanpa masker'],
		bodies: [
			'Di {jalan} setiap malam ada kerumunan anak muda nongkrong tanpa masker sampai {jam}. Mohon satgas covid melakukan penertiban.',
			'Ada hajatan dengan organ tunggal di {kel} dihadiri ratusan orang padahal masih PSBB. Tidak ada petugas yang menegur.',
			'Pasar malam di lapangan {kel} tetap buka dan sangat ramai, pengunjung banyak yang tidak pakai masker.'
		]
	},
	cv_wfh: {
		titles: ['Perusahaan paksa karyawan masuk saat PSBB', 'Kantor tidak menerapkan WFH'],
		bodies: [
			'Perusahaan tempat saya bekerja {pt} tetap mewajibkan semua karyawan masuk kantor selama PSBB, padahal bukan sektor esensial. Mohon ditindak.',
			'Di pabrik {pt} sudah ada {n} karyawan positif covid tapi produksi jalan terus tanpa penyemprotan disinfektan dan tanpa jaga jarak.'
		]
	},
	cv_bdr: {
		titles: ['Belajar daring tanpa HP', 'Kuota belajar tidak masuk'],
		bodies: [
			'Anak saya sekolah daring di {sekolah} tapi kami tidak punya HP sendiri, guru tetap memberi tugas setiap hari. Mohon ada solusi untuk keluarga tidak mampu.',
			'Bantuan kuota belajar dari Kemendikbud untuk anak saya di {sekolah} tidak pernah masuk, padahal nomor sudah didaftarkan ke sekolah sejak {bulan}.'
		]
	},
	cv_karantina: {
		titles: ['Penyekatan hanya formalitas', 'Warga isoman tidak dapat bantuan'],
		bodies: [
			'Penyekatan di perbatasan {kec} hanya formalitas, petugas tidak memeriksa kendaraan yang lewat.',
			'Keluarga kami isolasi mandiri di {rt} {kel} sudah {n} hari, tidak ada bantuan makanan maupun obat dari satgas seperti yang dijanjikan.'
		]
	},
	cv_kredit: {
		titles: ['Keringanan cicilan ditolak leasing'],
		bodies: [
			'Saya ojek online terdampak corona, sudah ajukan keringanan cicilan motor sesuai pengumuman pemerintah tapi leasing menolak dan tetap mengirim penagih ke rumah.',
			'Bank menolak restrukturisasi kredit usaha saya dengan alasan usaha tidak terdampak, padahal warung saya tutup sejak PSBB.'
		]
	},
	cv_vaksin: {
		titles: ['Jadwal vaksinasi dibatalkan mendadak', 'Sertifikat vaksin tidak muncul'],
		bodies: [
			'Jadwal vaksinasi di {faskes} dibatalkan mendadak padahal warga lansia sudah antre dari pagi.',
			'Sertifikat vaksin saya tidak muncul di aplikasi padahal sudah vaksin dosis {n} tanggal {tgl}. NIK {nik}.'
		]
	},
	cv_vaksin_t: {
		titles: ['Stok vaksin habis', 'Sertifikat vaksin tidak muncul', 'Antrean vaksinasi tidak tertib'],
		bodies: [
			'Vaksinasi di {faskes} tidak tertib, warga berdesakan dan nomor antrean dijual {nominal}.',
			'Sertifikat vaksin saya tidak muncul di aplikasi padahal sudah vaksin dosis {n} tanggal {tgl}. NIK {nik}.',
			'Sudah {n} kali datang ke {faskes} untuk vaksin dosis kedua tapi selalu dibilang stok habis.'
		]
	},
	cv_ppkm: {
		titles: ['Pelanggaran PPKM', 'Penyekatan PPKM mempersulit pekerja'],
		bodies: [
			'Kafe di {jalan} tetap buka sampai tengah malam selama PPKM darurat dan ramai pengunjung.',
			'Saya pekerja sektor esensial tapi tidak diizinkan melewati penyekatan di {kec} walaupun sudah membawa surat tugas dari kantor.'
		]
	},

	// --- Topik Lainnya ---
	pungli: {
		titles: ['Pungutan liar pengurusan surat', 'Pungli di kantor kelurahan', 'Biaya surat pengantar tidak resmi'],
		bodies: [
			'Untuk mengurus surat pengantar di Kelurahan {kel} saya dimintai uang {nominal} oleh oknum petugas tanpa kuitansi.',
			'Pengurusan surat keterangan tidak mampu di kantor desa {kel} dipungut biaya {nominal}, katanya "untuk uang kas". Apakah ada aturannya?',
			'Setiap warga yang mengurus surat domisili di {kel} harus membayar {nominal}. Kalau tidak bayar, suratnya tidak diproses.'
		]
	},
	petugas: {
		titles: ['Petugas pelayanan tidak ramah', 'Pelayanan kecamatan lambat', 'Kantor tutup di jam pelayanan'],
		bodies: [
			'Pelayanan di kantor Kecamatan {kec} sangat lambat, petugas asyik main HP sementara antrean panjang. Saya datang {jam} baru dilayani menjelang siang.',
			'Petugas loket di kantor kelurahan {kel} membentak warga lansia yang bertanya soal persyaratan. Mohon ada pembinaan.',
			'Tanggal {tgl} saya datang ke kantor kecamatan {kec} jam 13.00 tapi pintu pelayanan sudah tutup, padahal di papan tertulis buka sampai jam 15.00.'
		]
	},
	asn: {
		titles: ['ASN keluyuran saat jam kerja', 'Pegawai sering tidak masuk kantor'],
		bodies: [
			'Sering sekali pegawai di kantor {kec} tidak ada di tempat pada jam kerja. Kata satpam sedang rapat di luar, tapi terlihat di warung kopi depan kantor.',
			'Ada oknum ASN di lingkungan pemda {kab} yang jarang masuk kantor tapi tunjangannya tetap penuh. Mohon inspektorat memeriksa daftar hadirnya.'
		]
	},
	saran: {
		titles: ['Saran perbaikan pelayanan', 'Usulan layanan di hari Sabtu', 'Masukan untuk pemda {kab}'],
		bodies: [
			'Usul agar kantor kelurahan {kel} membuka layanan administrasi pada hari Sabtu, karena warga yang bekerja tidak sempat datang di hari kerja.',
			'Saran untuk pemda {kab}: sediakan nomor WhatsApp resmi untuk setiap kecamatan supaya warga mudah bertanya tanpa harus datang.',
			'Terima kasih atas perbaikan taman di {jalan}. Saran saya ditambah tempat sampah dan lampu supaya tidak dipakai nongkrong sampai larut malam.'
		]
	},
	izin: {
		titles: ['Izin usaha lama keluar', 'NIB tidak bisa terbit', 'Pengurusan izin dipersulit'],
		bodies: [
			'Pengajuan izin usaha lewat OSS sudah {durasi} tidak ada kejelasan, saat ditanya ke DPMPTSP katanya sistem sedang gangguan.',
			'Saya mengurus izin usaha warung makan tapi petugas meminta dokumen yang tidak ada di persyaratan resmi dan menawarkan jasa pengurusan {nominal}.'
		]
	},
	tanah: {
		titles: ['Sertifikat PTSL belum jadi', 'Balik nama sertifikat lama', 'Biaya PTSL melebihi ketentuan'],
		bodies: [
			'Pengurusan sertifikat tanah PTSL di Desa {kel} sudah {durasi} belum jadi, padahal sudah bayar {nominal} ke panitia.',
			'Berkas balik nama sertifikat saya di Kantor Pertanahan sudah masuk sejak {tgl} tapi setiap ditanya jawabannya "masih proses".',
			'Panitia PTSL di {kel} memungut biaya {nominal} per bidang, jauh di atas ketentuan SKB tiga menteri.'
		]
	},
	pinjol: {
		titles: ['Teror penagihan pinjol ilegal', 'Data pribadi disebar pinjol', 'Pinjaman online ilegal'],
		bodies: [
			'Saya diteror penagih pinjol ilegal, data kontak di HP disebar ke teman-teman dengan kata-kata kasar. Pinjam {nominal} tapi tagihan jadi berlipat.',
			'Nomor saya dipakai sebagai kontak darurat oleh orang yang tidak saya kenal, sekarang setiap hari ditelepon penagih pinjaman online.',
			'Mohon aplikasi pinjaman online ilegal yang memotong dana di awal dan bunganya tidak wajar segera diblokir.'
		]
	},
	lainnya_umum: {
		titles: ['Mohon tindak lanjut', 'Pengaduan warga {kel}', 'Permohonan bantuan'],
		bodies: [
			'Kami warga {rt} {kel} sudah {n} kali mengajukan permohonan ke pemda {kab} tapi tidak ada balasan. Mohon ditindaklanjuti.',
			'Surat permohonan kami ke kantor bupati/wali kota sejak {tgl} belum ada jawaban, kami tidak tahu harus menanyakan ke mana lagi.'
		]
	},

	// --- PUPR ---
	jalan: {
		titles: [
			'Jalan berlubang di {jalan}',
			'Jalan rusak parah membahayakan pengendara',
			'Perbaikan jalan asal-asalan',
			'Jalan rusak belum diperbaiki'
		],
		bodies: [
			'Jalan di {jalan} Kel. {kel} Kec. {kec} berlubang besar dan sudah memakan korban, kemarin ada pengendara motor jatuh. Sudah {durasi} tidak diperbaiki.',
			'Kondisi {jalan} sepanjang kurang lebih {n}00 meter rusak parah, kalau hujan seperti kolam. Mohon segera diaspal ulang.',
			'Perbaikan jalan di {jalan} baru {durasi} sudah rusak lagi, kualitas aspalnya sangat buruk. Mohon diperiksa kontraktornya.',
			'Lubang di tengah {jalan} dekat {sekolah} sangat dalam dan tidak ada tanda peringatan. Anak-anak sekolah setiap hari lewat situ.',
			'Jalan penghubung antara Desa {kel} dan pusat Kecamatan {kec} rusak berat sejak {durasi} lalu. Mobil ambulans pun susah lewat.'
		]
	},
	jembatan: {
		titles: ['Jembatan rusak di {kel}', 'Jembatan penghubung nyaris putus'],
		bodies: [
			'Jembatan kayu penghubung Desa {kel} dengan pusat kecamatan {kec} sudah lapuk dan miring. Anak sekolah setiap hari melintas di situ.',
			'Oprit jembatan di {jalan} ambles setelah banjir tanggal {tgl}, kendaraan roda empat tidak bisa lewat.'
		]
	},
	drainase: {
		titles: ['Saluran air tersumbat, banjir setiap hujan', 'Banjir di {kel}', 'Gorong-gorong tersumbat'],
		bodies: [
			'Drainase di {jalan} {rt} tersumbat sampah dan lumpur, setiap hujan air masuk ke rumah warga.',
			'Banjir di {kel} sudah {n} kali bulan ini karena gorong-gorong terlalu kecil dan tidak pernah dikeruk.',
			'Pembangunan perumahan baru di dekat {kel} menutup saluran air, sekarang kampung kami yang kebanjiran setinggi lutut.'
		]
	},
	irigasi: {
		titles: ['Saluran irigasi rusak', 'Sawah kekeringan karena irigasi jebol'],
		bodies: [
			'Saluran irigasi di Desa {kel} jebol sejak {durasi} lalu, sekitar {n}0 hektare sawah tidak dapat air dan petani terancam gagal panen.',
			'Pintu air irigasi di {kec} rusak dan tidak bisa dibuka tutup, air meluap ke jalan desa.'
		]
	},
	pju: {
		titles: ['Lampu PJU mati', 'Penerangan jalan umum padam', 'Jalan gelap rawan begal'],
		bodies: [
			'Lampu penerangan jalan umum di {jalan} mati sudah {durasi}, jalan gelap dan rawan begal.',
			'Sepanjang {jalan} dari {kel} sampai perbatasan {kec} tidak ada lampu jalan yang menyala, sudah sering terjadi kecelakaan di malam hari.'
		]
	},
	bangunan: {
		titles: ['Bangunan liar di sempadan sungai', 'Bangunan tanpa izin menutup jalan'],
		bodies: [
			'Ada bangunan ruko baru di {jalan} yang berdiri di atas saluran air dan sempadan sungai. Apakah sudah ada izin PBG-nya?',
			'Tetangga membangun rumah tiga lantai sampai menutup akses jalan gang {rt} {kel}. Sudah ditegur RT tapi pembangunan jalan terus.'
		]
	},
	rtlh: {
		titles: ['Bedah rumah tidak tepat sasaran', 'Rumah tidak layak huni belum dibantu'],
		bodies: [
			'Program bedah rumah di {kel} diberikan ke warga yang rumahnya masih bagus, sementara rumah {tetangga} yang hampir roboh tidak pernah didata.',
			'Rumah kami di {rt} {kel} sudah diusulkan untuk bantuan RTLH sejak {durasi} lalu, sudah disurvei dua kali tapi tidak ada kabar.'
		]
	},
	pdam: {
		titles: ['Air PDAM mati berhari-hari', 'Tagihan PDAM melonjak', 'Air PDAM keruh'],
		bodies: [
			'Air PDAM di {rt} {kel} mati sudah {n} hari tanpa pemberitahuan, tapi tagihan bulan ini malah naik.',
			'Air PDAM yang mengalir ke rumah kami keruh dan berbau sejak {tgl}. Tidak bisa dipakai untuk masak.',
			'Tagihan PDAM bulan {bulan} naik menjadi {nominal} padahal pemakaian biasa saja. Meteran sepertinya tidak pernah dicatat petugas.'
		]
	},

	// --- Ketenagakerjaan ---
	gaji: {
		titles: ['Gaji tidak dibayar perusahaan', 'Upah di bawah UMK', 'Gaji karyawan ditahan'],
		bodies: [
			'Saya karyawan {pt} di {kab}, gaji {n} bulan terakhir belum dibayar. Pihak HRD hanya berjanji tanpa kepastian.',
			'Upah kami di {pt} di bawah UMK {kab}, hanya dibayar {nominal} per bulan dan tidak didaftarkan BPJS.',
			'THR tahun ini tidak dibayarkan oleh {pt} dengan alasan perusahaan rugi, padahal produksi tetap jalan seperti biasa.'
		]
	},
	phk: {
		titles: ['PHK sepihak tanpa pesangon', 'Karyawan kontrak diberhentikan mendadak'],
		bodies: [
			'Saya di-PHK sepihak oleh {pt} setelah bekerja {n} tahun, tanpa surat peringatan dan tanpa pesangon.',
			'Puluhan karyawan kontrak di {pt} diberhentikan mendadak tanggal {tgl}. Sisa kontrak tidak dibayar.'
		]
	},
	jht: {
		titles: ['Pencairan JHT dipersulit', 'Saldo JHT tidak sesuai', 'Klaim JHT ditolak'],
		bodies: [
			'Pengajuan klaim JHT saya di BPJS Ketenagakerjaan sudah {durasi} belum cair, setiap ditanya jawabannya berkas masih diverifikasi.',
			'Saldo JHT saya tidak sesuai dengan potongan gaji selama bekerja di {pt}. Ternyata perusahaan menunggak iuran {n} bulan.'
		]
	},
	asn_seleksi: {
		titles: ['Kelulusan PPPK belum jelas', 'Pengumuman seleksi CPNS', 'Formasi PPPK guru honorer'],
		bodies: [
			'Saya guru honorer yang sudah lulus passing grade PPPK tapi belum mendapat penempatan sampai sekarang. Mohon kejelasan.',
			'Nilai SKD saya di pengumuman berbeda dengan yang tertera di layar saat tes tanggal {tgl}. Mohon dicek ulang.'
		]
	},
	pmi: {
		titles: ['Pekerja migran tidak bisa pulang', 'Penyalur PMI ilegal'],
		bodies: [
			'Saudara saya bekerja sebagai PMI di luar negeri lewat penyalur dari {kab}, sudah {durasi} tidak digaji dan paspornya ditahan majikan.',
			'Ada sponsor yang merekrut warga {kel} untuk bekerja ke luar negeri dengan biaya {nominal}, tanpa pelatihan dan tanpa izin resmi.'
		]
	},

	// --- Sosial dan Kesejahteraan ---
	pkh: {
		titles: ['Bantuan PKH dihentikan', 'PKH tidak tepat sasaran', 'Dana PKH dipotong pendamping'],
		bodies: [
			'Bantuan PKH keluarga kami dihentikan sejak {bulan} tanpa pemberitahuan, padahal kondisi ekonomi kami masih sama.',
			'Penerima PKH di {rt} {kel} banyak yang mampu, punya mobil dan rumah bertingkat. Sementara {tetangga} yang janda dan sakit-sakitan tidak dapat.',
			'Pendamping PKH di {kel} memegang kartu KKS milik KPM dan mencairkan sendiri, kami hanya diberi {nominal}.'
		]
	},
	bpnt: {
		titles: ['Agen e-warong paksa beli paket', 'Saldo BPNT tidak masuk', 'Kartu KKS tidak bisa dipakai'],
		bodies: [
			'Agen e-warong di {kel} memaksa KPM BPNT membeli paket sembako dengan harga {nominal}, isinya tidak sebanding.',
			'Saldo BPNT di kartu KKS saya kosong sudah {n} bulan. Di bank katanya kartunya terblokir.'
		]
	},
	dtks: {
		titles: ['Belum masuk DTKS', 'Data DTKS tidak diperbarui', 'Usulan DTKS tidak diproses'],
		bodies: [
			'Kami keluarga tidak mampu di {rt} {kel} sudah mengajukan masuk DTKS sejak {durasi} lalu tapi belum juga terdaftar, jadi tidak bisa dapat bantuan apa pun.',
			'Data DTKS di {kel} tidak pernah diperbarui, masih ada warga yang sudah meninggal dan pindah. Mohon dilakukan verifikasi ulang.'
		]
	},
	pbi: {
		titles: ['BPJS PBI dinonaktifkan', 'Kartu KIS tidak aktif saat berobat'],
		bodies: [
			'Kartu KIS PBI ibu saya tiba-tiba nonaktif saat akan berobat ke {faskes}, padahal tidak pernah ada pemberitahuan.',
			'Kepesertaan BPJS PBI sekeluarga dinonaktifkan, kami disuruh mengurus ke dinsos tapi di sana disuruh ke BPJS. Kami dilempar ke sana kemari.'
		]
	},
	odgj: {
		titles: ['ODGJ terlantar di jalan', 'Gelandangan di perempatan'],
		bodies: [
			'Ada ODGJ yang berkeliaran di {jalan} dan sering mengamuk ke pengendara. Mohon dinas sosial segera menangani.',
			'Banyak gelandangan dan pengemis anak di perempatan {jalan} sampai tengah malam.'
		]
	},

	// --- Pendidikan ---
	ppdb: {
		titles: ['PPDB zonasi tidak adil', 'Dugaan jual beli kursi PPDB', 'Titik koordinat PPDB dimanipulasi'],
		bodies: [
			'Rumah kami hanya {n}00 meter dari {sekolah} tapi anak saya tidak diterima lewat jalur zonasi, sementara yang rumahnya lebih jauh diterima.',
			'Ada dugaan jual beli kursi di {sekolah}, beberapa orang tua diminta {nominal} supaya anaknya diterima.',
			'Banyak calon siswa di {sekolah} yang memakai KK numpang supaya masuk zonasi. Mohon diverifikasi.'
		]
	},
	pungutan_sekolah: {
		titles: ['Pungutan uang seragam', 'Sumbangan komite wajib', 'Penjualan buku LKS di sekolah'],
		bodies: [
			'{sekolah} mewajibkan pembelian seragam dan buku di koperasi sekolah dengan total {nominal}. Apakah ini dibolehkan di sekolah negeri?',
			'Komite {sekolah} menetapkan sumbangan pembangunan {nominal} per siswa dan ijazah ditahan kalau belum lunas.'
		]
	},
	pip: {
		titles: ['Dana PIP tidak cair', 'PIP dipotong sekolah'],
		bodies: [
			'Anak saya terdaftar penerima PIP di {sekolah} tapi dananya tidak pernah cair, saat ditanya ke sekolah katanya belum ada SK.',
			'Dana PIP anak kami dipotong {nominal} oleh pihak {sekolah} dengan alasan untuk biaya administrasi.'
		]
	},
	guru: {
		titles: ['Tunjangan sertifikasi guru terlambat', 'Honor guru honorer belum dibayar'],
		bodies: [
			'Tunjangan profesi guru triwulan ini belum dibayarkan padahal daerah lain sudah cair sejak {bulan}.',
			'Honor guru honorer di {sekolah} belum dibayar {n} bulan, dana BOS katanya belum turun.'
		]
	},
	gedung_sekolah: {
		titles: ['Atap kelas roboh', 'Gedung sekolah rusak berat'],
		bodies: [
			'Atap {n} ruang kelas di {sekolah} bocor dan plafonnya sudah ambrol, murid terpaksa belajar di teras.',
			'Gedung {sekolah} retak-retak setelah gempa dan belum ada perbaikan sampai sekarang.'
		]
	},

	// --- Trantibum ---
	pkl: {
		titles: ['PKL memakan trotoar', 'Pedagang kaki lima menutup jalan'],
		bodies: [
			'PKL di sepanjang {jalan} berjualan di atas trotoar sampai ke badan jalan, pejalan kaki terpaksa jalan di aspal.',
			'Setiap sore pedagang di depan pasar {kel} menutup separuh jalan dan menimbulkan macet parah.'
		]
	},
	parkir: {
		titles: ['Parkir liar di bahu jalan', 'Juru parkir liar minta tarif tinggi'],
		bodies: [
			'Parkir liar di {jalan} depan minimarket membuat macet setiap sore, juru parkir meminta {nominal} tanpa karcis.',
			'Kendaraan pengunjung rumah makan di {jalan} parkir di bahu jalan sampai dua lapis.'
		]
	},
	balap: {
		titles: ['Balap liar setiap malam Minggu', 'Tawuran pelajar', 'Knalpot brong mengganggu'],
		bodies: [
			'Setiap malam Minggu ada balap liar di {jalan} mulai {jam}, sangat berbahaya dan suara knalpotnya mengganggu warga.',
			'Tawuran pelajar terjadi lagi di dekat {sekolah} tanggal {tgl}, ada yang membawa senjata tajam.'
		]
	},
	hiburan: {
		titles: ['Tempat karaoke buka sampai pagi', 'Tempat hiburan dekat sekolah'],
		bodies: [
			'Tempat karaoke di {jalan} buka sampai subuh dan menjual minuman keras. Letaknya dekat musala dan {sekolah}.',
			'Kafe remang-remang di {kel} sering ribut tengah malam, warga {rt} terganggu.'
		]
	},
	damkar: {
		titles: ['Damkar lambat datang', 'Hidran kebakaran tidak berfungsi'],
		bodies: [
			'Waktu kebakaran di {rt} {kel} tanggal {tgl}, mobil pemadam baru datang setelah lebih dari satu jam.',
			'Hidran di sekitar {jalan} tidak ada airnya saat dipakai pemadam kebakaran. Mohon diperiksa.'
		]
	},

	// --- Perhubungan ---
	angkot: {
		titles: ['Angkot ngetem sembarangan', 'Tarif angkot dinaikkan sepihak', 'Trayek angkot tidak jalan'],
		bodies: [
			'Angkot jurusan {kec} sering ngetem lama di {jalan} sampai menimbulkan macet.',
			'Sopir angkot di {kab} menaikkan tarif menjadi {nominal} sepihak tanpa ada keputusan resmi.'
		]
	},
	rambu: {
		titles: ['Lampu lalu lintas mati', 'Rambu lalu lintas hilang'],
		bodies: [
			'Lampu lalu lintas di simpang {jalan} mati sudah {durasi}, kendaraan saling serobot dan sering hampir tabrakan.',
			'Rambu dilarang parkir di {jalan} sudah hilang dan marka jalan tidak terlihat lagi.'
		]
	},
	kir: {
		titles: ['Pungli uji KIR', 'Antrean uji KIR lama'],
		bodies: [
			'Di tempat uji KIR {kab} ada calo yang menawarkan lulus tanpa uji dengan bayar {nominal}.',
			'Antrean uji KIR sangat panjang, saya sudah datang dari pagi dan disuruh kembali besok.'
		]
	},
	krl: {
		titles: ['Kereta sering terlambat', 'Fasilitas stasiun rusak'],
		bodies: [
			'Kereta jam berangkat kerja sering terlambat lebih dari {n}0 menit tanpa pengumuman.',
			'Eskalator dan toilet di stasiun dekat {kel} rusak sudah {durasi}, penumpang lansia kesulitan.'
		]
	},
	odol: {
		titles: ['Truk kelebihan muatan merusak jalan', 'Truk tambang lewat jalan desa'],
		bodies: [
			'Truk-truk bermuatan berlebih lewat {jalan} setiap malam sehingga jalan cepat rusak.',
			'Truk tanah dari galian di {kec} melintasi jalan desa {kel} tanpa penutup terpal, debu dan tanah berceceran.'
		]
	},

	// --- LHK ---
	sampah: {
		titles: ['Sampah tidak diangkut', 'TPS liar di pinggir jalan', 'Tumpukan sampah menggunung'],
		bodies: [
			'Sampah di TPS {kel} sudah {n} hari tidak diangkut, baunya sampai ke rumah warga dan banyak lalat.',
			'Ada TPS liar di pinggir {jalan}, sampah sudah menggunung sampai ke badan jalan.',
			'Petugas sampah di {rt} {kel} memungut iuran {nominal} per bulan tapi sampah hanya diangkut seminggu sekali.'
		]
	},
	limbah: {
		titles: ['Limbah pabrik mencemari sungai', 'Bau limbah menyengat'],
		bodies: [
			'Pabrik {pt} di {kec} membuang limbah ke sungai, air berubah warna hitam dan ikan mati.',
			'Setiap malam ada bau menyengat dari cerobong {pt}, warga {kel} banyak yang batuk dan sesak.'
		]
	},
	asap: {
		titles: ['Pembakaran sampah mengganggu', 'Asap pembakaran limbah'],
		bodies: [
			'Tetangga membakar sampah plastik setiap sore di {rt} {kel}, asapnya masuk ke rumah dan anak saya sesak napas.',
			'Ada pembakaran kabel dan limbah di lahan kosong dekat {jalan}, asap hitamnya sangat pekat.'
		]
	},
	pohon: {
		titles: ['Pohon besar rawan tumbang', 'Dahan pohon menimpa kabel'],
		bodies: [
			'Pohon besar di pinggir {jalan} sudah miring dan dahannya mengenai kabel listrik. Mohon segera dipangkas sebelum tumbang.',
			'Pohon tumbang di {jalan} tanggal {tgl} belum dibersihkan, menutup separuh jalan.'
		]
	},

	// --- TIK ---
	sinyal: {
		titles: ['Sinyal internet lemah di desa', 'Desa blank spot'],
		bodies: [
			'Desa {kel} Kec. {kec} masih blank spot, anak-anak harus naik ke bukit untuk dapat sinyal.',
			'Menara BTS di dekat {kel} sudah berdiri tapi sinyalnya tidak pernah aktif.'
		]
	},
	aplikasi: {
		titles: ['Aplikasi layanan pemda error', 'Website pemda tidak bisa diakses'],
		bodies: [
			'Aplikasi layanan online pemda {kab} sering error saat unggah dokumen, sudah {n} kali mencoba tetap gagal.',
			'Website resmi pemda {kab} tidak bisa diakses sejak {tgl}, padahal pendaftaran layanan hanya lewat online.'
		]
	},
	judol: {
		titles: ['Situs judi online marak', 'Iklan judi online di media sosial'],
		bodies: [
			'Banyak iklan judi online di media sosial dan pesan singkat. Mohon situs-situs tersebut diblokir.',
			'Anak-anak muda di {kel} kecanduan judi online dan banyak yang terjerat utang. Mohon pemerintah bertindak tegas.'
		]
	},

	// --- Kesehatan ---
	rsud: {
		titles: ['Pelayanan IGD lambat', 'Pasien BPJS ditolak RSUD', 'Antrean poli RSUD lama'],
		bodies: [
			'Pelayanan IGD {faskes} sangat lambat, ayah saya menunggu {n} jam tanpa penanganan dokter.',
			'Pasien BPJS di {faskes} disuruh membeli obat sendiri di luar dengan alasan stok kosong.',
			'Antrean poli di {faskes} dimulai subuh, pasien baru dipanggil menjelang sore.'
		]
	},
	puskesmas: {
		titles: ['Pelayanan puskesmas buruk', 'Dokter puskesmas tidak ada'],
		bodies: [
			'Di {faskes} dokter jarang ada di tempat, pasien hanya dilayani perawat.',
			'Petugas {faskes} meminta biaya {nominal} untuk surat keterangan sehat, padahal tarifnya tidak sebesar itu.'
		]
	},
	bpjs_kes: {
		titles: ['Iuran BPJS Kesehatan naik', 'Klaim BPJS ditolak rumah sakit'],
		bodies: [
			'Kepesertaan BPJS Kesehatan saya nonaktif karena menunggak, padahal sudah bayar lewat minimarket tanggal {tgl}.',
			'Rumah sakit menyatakan tindakan operasi tidak ditanggung BPJS, kami diminta membayar {nominal}.'
		]
	},
	dbd: {
		titles: ['Mohon fogging DBD', 'Kasus DBD meningkat'],
		bodies: [
			'Sudah ada {n} warga {rt} {kel} yang dirawat karena DBD bulan ini. Mohon segera dilakukan fogging.',
			'Pengajuan fogging dari {kel} sejak {tgl} belum ditanggapi puskesmas, padahal kasus DBD terus bertambah.'
		]
	},

	// --- Kependudukan ---
	ktp: {
		titles: ['KTP-el belum dicetak', 'Blanko KTP-el kosong', 'KTP-el tidak jadi-jadi'],
		bodies: [
			'Saya sudah rekam KTP-el sejak {durasi} lalu tapi sampai sekarang belum dicetak, alasannya blanko kosong. NIK {nik}.',
			'Setiap datang ke disdukcapil {kab} untuk ambil KTP-el selalu disuruh kembali minggu depan. Sudah {n} kali bolak-balik.',
			'Ada calo di depan kantor disdukcapil yang menawarkan KTP-el jadi cepat dengan bayar {nominal}.'
		]
	},
	kk: {
		titles: ['Perubahan data KK belum selesai', 'Nama di KK salah ketik'],
		bodies: [
			'Pengajuan perubahan data KK online sudah {durasi} statusnya masih diproses. Nomor KK saya diawali {nik}.',
			'Nama anak saya di KK salah ketik, sudah diajukan perbaikan tanggal {tgl} tapi belum ada hasil.'
		]
	},
	akta: {
		titles: ['Akta kelahiran belum terbit', 'Syarat akta kelahiran dipersulit'],
		bodies: [
			'Akta kelahiran anak saya yang diajukan tanggal {tgl} belum terbit, padahal dijanjikan selesai dalam {n} hari kerja.',
			'Untuk akta kelahiran kami diminta surat pengantar dari RT, RW, kelurahan dan kecamatan sekaligus. Apakah memang harus begitu?'
		]
	},
	pindah: {
		titles: ['Surat pindah belum keluar', 'Data pindah datang tidak sinkron'],
		bodies: [
			'Saya mengurus surat pindah dari {kab} sejak {tgl}, sampai sekarang data di daerah tujuan belum muncul.',
			'Data kependudukan saya setelah pindah datang tidak sinkron, sehingga tidak bisa mengurus BPJS dan rekening bank.'
		]
	},

	// --- Ekonomi dan Keuangan ---
	pbb: {
		titles: ['Tagihan PBB naik drastis', 'SPPT PBB ganda'],
		bodies: [
			'Tagihan PBB rumah saya tahun ini naik menjadi {nominal}, hampir tiga kali lipat dari tahun lalu tanpa penjelasan.',
			'Saya menerima dua SPPT PBB untuk satu bidang tanah yang sama. Mohon dibetulkan datanya.'
		]
	},
	kur: {
		titles: ['Pengajuan KUR ditolak', 'KUR diminta jaminan'],
		bodies: [
			'Pengajuan KUR mikro saya ditolak bank dengan alasan tidak jelas, padahal usaha sudah berjalan {n} tahun.',
			'Petugas bank meminta jaminan sertifikat untuk KUR di bawah {nominal}, padahal katanya tanpa agunan.'
		]
	},
	bpum: {
		titles: ['BPUM tidak cair', 'Banpres usaha mikro belum diterima'],
		bodies: [
			'Nama saya tercantum penerima BPUM tapi saat dicek ke bank dananya tidak ada. NIK {nik}.',
			'Pendaftaran BPUM di dinas koperasi {kab} sudah sejak {bulan}, tapi tidak ada kabar.'
		]
	},
	retribusi: {
		titles: ['Retribusi pasar tanpa karcis', 'Kios pasar dibiarkan rusak'],
		bodies: [
			'Petugas pasar di {kel} menarik retribusi {nominal} per hari tanpa memberi karcis.',
			'Atap los pasar di {kec} bocor sudah lama tapi retribusi terus dinaikkan.'
		]
	},

	// --- Energi dan SDA ---
	listrik: {
		titles: ['Listrik sering padam', 'Pemadaman listrik tanpa pemberitahuan'],
		bodies: [
			'Listrik di {kel} Kec. {kec} padam {n} kali seminggu tanpa pemberitahuan, alat elektronik warga banyak yang rusak.',
			'Tiang listrik di {jalan} miring dan kabelnya menjuntai rendah, sangat berbahaya.'
		]
	},
	tagihan_listrik: {
		titles: ['Tagihan listrik melonjak', 'Token listrik tidak masuk'],
		bodies: [
			'Tagihan listrik pascabayar bulan {bulan} melonjak menjadi {nominal}, padahal pemakaian tidak berubah.',
			'Saya beli token listrik {nominal} tanggal {tgl} tapi kodenya ditolak meteran.'
		]
	},
	lpg: {
		titles: ['Gas LPG 3 kg langka', 'Harga gas melon di atas HET'],
		bodies: [
			'Gas LPG 3 kg di {kel} langka sudah {durasi}, kalaupun ada harganya {nominal}, jauh di atas HET.',
			'Pangkalan gas di {jalan} menjual LPG 3 kg ke pengecer dan restoran besar, warga biasa tidak kebagian.'
		]
	},

	// --- Pertanian ---
	pupuk: {
		titles: ['Pupuk bersubsidi langka', 'Kios pupuk jual di atas HET'],
		bodies: [
			'Pupuk urea bersubsidi di kios resmi {kec} selalu habis saat musim tanam, petani terpaksa beli nonsubsidi.',
			'Kios pupuk di {kel} menjual pupuk subsidi {nominal} per karung, di atas HET.'
		]
	},
	ternak: {
		titles: ['Ternak sakit tidak ditangani', 'Vaksin ternak tidak sampai'],
		bodies: [
			'Sapi milik warga {kel} banyak yang sakit mulut dan kuku, petugas kesehatan hewan belum datang.',
			'Vaksinasi ternak yang dijanjikan belum sampai ke Desa {kel}, sudah {n} ekor ternak mati.'
		]
	},

	// --- Desa ---
	dana_desa: {
		titles: ['Penggunaan dana desa tidak transparan', 'Proyek desa mangkrak'],
		bodies: [
			'Penggunaan dana desa di Desa {kel} Kec. {kec} tidak transparan, tidak ada papan informasi APBDes.',
			'Proyek jalan rabat beton di Desa {kel} yang dibiayai dana desa mangkrak sejak {durasi} lalu.'
		]
	},
	perangkat_desa: {
		titles: ['Seleksi perangkat desa tidak fair', 'Kepala desa jarang di kantor'],
		bodies: [
			'Seleksi perangkat desa di {kel} diduga sudah diatur, yang lolos kerabat kepala desa.',
			'Kepala desa {kel} jarang di kantor, warga yang butuh tanda tangan harus datang ke rumahnya.'
		]
	},

	// --- smaller categories ---
	harga: {
		titles: ['Harga minyak goreng mahal', 'Harga beras naik'],
		bodies: [
			'Harga minyak goreng di pasar {kel} tembus {nominal} per liter dan stoknya sering kosong.',
			'Harga beras medium di {kab} naik terus, warga kecil sangat terbebani.'
		]
	},
	timbangan: {
		titles: ['Timbangan pedagang curang'],
		bodies: [
			'Timbangan beberapa pedagang di pasar {kel} tidak sesuai, beli 1 kg hanya dapat sekitar 8 ons.',
			'Takaran BBM di SPBU dekat {jalan} kurang dari yang tertera di mesin.'
		]
	},
	polisi: {
		titles: ['Laporan polisi tidak ditindaklanjuti', 'Pungli pembuatan SKCK'],
		bodies: [
			'Saya sudah membuat laporan polisi tanggal {tgl} tentang pencurian motor, tapi sampai sekarang tidak ada perkembangan.',
			'Untuk membuat SKCK di {kab} saya dimintai biaya tambahan {nominal} di luar PNBP.'
		]
	},
	haji: {
		titles: ['Antrean haji sangat lama', 'Pengembalian setoran haji'],
		bodies: [
			'Orang tua saya mendaftar haji tahun {n}0-an dan sampai sekarang belum berangkat. Mohon informasi estimasi keberangkatan.',
			'Pengajuan pembatalan dan pengembalian setoran haji sudah {durasi} belum diproses.'
		]
	},
	bsu: {
		titles: ['BSU tidak diterima', 'Subsidi gaji belum cair'],
		bodies: [
			'Saya memenuhi syarat penerima BSU, gaji di bawah {nominal}, tapi dana tidak masuk ke rekening.',
			'Status BSU saya sudah tersalurkan tapi uangnya tidak pernah masuk. Mohon dicek.'
		]
	},
	netralitas: {
		titles: ['ASN ikut kampanye', 'Kepala sekolah mengarahkan pilihan'],
		bodies: [
			'Ada oknum ASN di {kec} yang ikut kampanye calon tertentu dan memakai atribut partai, fotonya beredar di media sosial.',
			'Kepala {sekolah} mengarahkan guru untuk memilih calon tertentu dalam rapat sekolah tanggal {tgl}.'
		]
	},
	narkoba: {
		titles: ['Peredaran narkoba di kampung', 'Transaksi narkoba'],
		bodies: [
			'Di {rt} {kel} sering ada transaksi yang dicurigai narkoba pada malam hari, warga takut melapor langsung.',
			'Rumah kos di {jalan} diduga dipakai untuk pesta narkoba, banyak tamu keluar masuk sampai subuh.'
		]
	},
	lapor: {
		titles: ['Laporan sebelumnya tidak ditanggapi', 'Tindak lanjut laporan tidak sesuai'],
		bodies: [
			'Laporan saya sebelumnya tentang jalan rusak sudah {durasi} statusnya tetap terdisposisi, belum ada tanggapan instansi.',
			'Jawaban instansi atas laporan saya hanya "sudah diteruskan ke bidang terkait", tapi di lapangan tidak ada perubahan.'
		]
	},
	perundungan: {
		titles: ['Perundungan di sekolah', 'Anak dibully kakak kelas'],
		bodies: [
			'Anak saya kelas {n} di {sekolah} dirundung kakak kelas sampai tidak mau sekolah, pihak sekolah menganggapnya bercanda.',
			'Ada video kekerasan terhadap siswa {sekolah} beredar di media sosial. Mohon ditindaklanjuti.'
		]
	},
	disabilitas: {
		titles: ['Fasilitas disabilitas tidak ada', 'Trotoar tidak ramah disabilitas'],
		bodies: [
			'Kantor pelayanan di {kec} tidak punya ramp, pengguna kursi roda harus digotong ke lantai dua.',
			'Guiding block di trotoar {jalan} terputus dan tertutup PKL, membahayakan penyandang tunanetra.'
		]
	}
};

/** Used when a report is an aspiration: the topic's subject fills {subject}. */
export const ASPIRATION_TEXTS: TopicTexts = {
	titles: ['Usulan terkait {subject}', 'Saran perbaikan {subject}', 'Aspirasi warga {kel}'],
	bodies: [
		'Saran saya terkait {subject}: sebaiknya pemda {kab} menambah petugas dan membuat jadwal yang jelas supaya warga tidak bolak-balik.',
		'Usul agar {subject} di wilayah Kecamatan {kec} lebih diperhatikan. Banyak warga yang mengeluh tapi tidak tahu harus melapor ke mana.',
		'Mohon dipertimbangkan sosialisasi tentang {subject} sampai tingkat RT/RW, karena banyak warga belum paham prosedurnya.',
		'Kami warga {rt} {kel} mengusulkan supaya {subject} dievaluasi setiap tahun dengan melibatkan warga.'
	]
};

/** Used when a report is a request for information. */
export const INFORMATION_TEXTS: TopicTexts = {
	titles: ['Permohonan informasi {subject}', 'Tanya prosedur {subject}', 'Mohon info {subject}'],
	bodies: [
		'Mohon informasi bagaimana prosedur {subject}? Syarat apa saja yang harus dibawa dan berapa lama prosesnya?',
		'Saya mau bertanya soal {subject}, ke kantor mana saya harus datang dan apakah ada biayanya?',
		'Apakah ada nomor pengaduan khusus untuk {subject} di {kab}? Terima kasih.',
		'Bagaimana cara mengecek status {subject} secara online? Saya sudah mencari di website tapi tidak ketemu.'
	]
};

/** Incomplete reports, the kind deleted at verification. */
export const VAGUE_TEXTS: TopicTexts = {
	titles: ['Laporan', 'Pengaduan', 'Mohon bantuan', 'Tolong', 'Keluhan warga'],
	bodies: [
		'tolong pak',
		'mohon ditindaklanjuti',
		'{subject} gimana ini',
		'tolong dicek',
		'kok belum ada kabar ya',
		'lapor pak {subject}',
		'test',
		'halo admin'
	]
};

export const OPENERS = [
	'Selamat pagi Bapak/Ibu.',
	'Selamat siang admin LAPOR!',
	'Assalamualaikum wr wb.',
	'Yth. Bapak/Ibu pejabat terkait,',
	'Mohon maaf mengganggu waktunya.',
	'Izin melaporkan,',
	'Permisi pak,',
	'Dengan hormat,'
];

export const DETAILS = [
	'Kejadian terakhir tanggal {tgl} sekitar {jam}.',
	'Lokasinya dekat masjid di {kel}.',
	'Sudah dilaporkan ke RT/RW tapi tidak ada tindak lanjut.',
	'Sudah berkali-kali diadukan ke kelurahan, jawabannya selalu "nanti diteruskan".',
	'Foto kondisi di lapangan sudah saya lampirkan.',
	'Ini sudah berlangsung {durasi}.',
	'Warga lain juga mengeluhkan hal yang sama.'
];

export const CLOSERS = [
	'Mohon segera ditindaklanjuti. Terima kasih.',
	'Terima kasih atas perhatiannya.',
	'Tolong jangan hanya dijawab sudah diteruskan.',
	'Semoga cepat direspon.',
	'Mohon ditindak tegas.',
	'Kami sangat berharap ada solusi.',
	'Terima kasih.'
];

/** Sentences that put the reporter's own contact into the body (for the ETL's masking). */
export const CONTACT_SENTENCES = {
	phone: [
		'Hubungi saya di {phone}.',
		'WA saya {phone}.',
		'Bisa hubungi saya di nomor {phone}.',
		'No HP saya {phone} kalau perlu konfirmasi.'
	],
	email: ['Email saya {email}.', 'Balasan bisa dikirim ke {email}.'],
	both: ['Bisa hubungi saya di nomor {phone} atau email {email}.']
};

export const VILLAGES = [
	'Sukamaju',
	'Sukajaya',
	'Mekarsari',
	'Sumbersari',
	'Karangrejo',
	'Tanjungsari',
	'Margahayu',
	'Cibodas',
	'Pasir Jaya',
	'Kebonsari',
	'Sidomulyo',
	'Jatimulya',
	'Bojongsari',
	'Harapan Jaya',
	'Tegalrejo',
	'Sindangsari',
	'Wonorejo',
	'Mulyorejo',
	'Sukarame',
	'Pondok Jaya',
	'Suka Damai',
	'Sidorejo',
	'Karanganyar',
	'Mekar Jaya',
	'Tanjung Harapan',
	'Sumber Agung',
	'Sungai Raya',
	'Talang Jaya',
	'Lubuk Sari',
	'Kampung Baru',
	'Air Hitam',
	'Bukit Indah',
	'Padang Sari',
	'Kuta Baru',
	'Telaga Sari',
	'Banjarsari',
	'Cempaka Putih',
	'Rawa Bening',
	'Kedungsari',
	'Gunungsari',
	'Sukamulya',
	'Tirtomulyo',
	'Purwodadi',
	'Bangunrejo',
	'Makmur Jaya',
	'Teluk Pinang'
];

export const STREETS = [
	'Jl. Merdeka',
	'Jl. Kenanga',
	'Jl. Pahlawan',
	'Jl. Sudirman',
	'Jl. Diponegoro',
	'Jl. Melati',
	'Jl. Cempaka',
	'Jl. Flamboyan',
	'Jl. Veteran',
	'Jl. Ahmad Yani',
	'Jl. Gatot Subroto',
	'Jl. Imam Bonjol',
	'Jl. Mawar',
	'Jl. Anggrek',
	'Jl. Kartini',
	'Jl. Pemuda',
	'Jl. Siliwangi',
	'Jl. Hasanuddin',
	'Jl. Teuku Umar',
	'Jl. Pattimura',
	'Jl. Cut Nyak Dien',
	'Jl. Raya Pasar',
	'Jl. Masjid',
	'Jl. Pendidikan',
	'Jl. Nusantara',
	'Gg. Mushola',
	'Gg. Kelapa',
	'Jl. Lingkar Timur',
	'Jl. Bhayangkara',
	'Jl. Sisingamangaraja'
];

/** Made-up company names for the labour and environment topics. */
export const COMPANY_PARTS = {
	a: ['Sinar', 'Maju', 'Karya', 'Mitra', 'Cahaya', 'Bumi', 'Sumber', 'Indah', 'Prima', 'Duta', 'Anugerah', 'Surya'],
	b: ['Abadi', 'Sentosa', 'Jaya', 'Makmur', 'Lestari', 'Perkasa', 'Mandiri', 'Sejahtera', 'Utama', 'Nusantara'],
	c: ['Textile', 'Garmen', 'Plastindo', 'Logistik', 'Pangan', 'Kimia', 'Elektrindo', 'Mebel', 'Packaging', 'Foods']
};

export const NEIGHBOURS = ['Pak Slamet', 'Bu Sumarni', 'Mbah Karto', 'Pak Udin', 'Bu Yati', 'Nenek Aminah', 'Pak Rahmat', 'Bu Siti'];

/** Informal spellings reporters use; text.ts swaps words for these at a per-row rate. */
export const SLANG: Readonly<Record<string, readonly string[]>> = {
	tidak: ['tdk', 'gak', 'ga', 'nggak'],
	yang: ['yg'],
	belum: ['blm', 'blom'],
	karena: ['krn', 'karna'],
	dengan: ['dgn'],
	untuk: ['utk', 'buat'],
	saya: ['sy', 'aku'],
	sudah: ['udh', 'sdh', 'udah'],
	sampai: ['sampe', 'smp'],
	bagaimana: ['gmn', 'gimana'],
	tolong: ['tlg'],
	'terima kasih': ['trims', 'makasih', 'tks'],
	juga: ['jg'],
	kalau: ['kalo', 'klo'],
	bisa: ['bs'],
	harus: ['hrs'],
	lagi: ['lg'],
	tetapi: ['tp', 'tapi'],
	tapi: ['tp'],
	saja: ['aja'],
	banyak: ['byk'],
	dari: ['dr'],
	mohon: ['mhn'],
	segera: ['sgr'],
	sekarang: ['skrg'],
	orang: ['org'],
	bapak: ['pak'],
	sama: ['sm'],
	hari: ['hr'],
	pemerintah: ['pemerintah', 'pemda']
};
