// Synthetic reporters. An identity is a pure function of a 32-bit key, so repeat reporters come
// back with the same name, mail and number without the generator remembering anyone. Names are
// recombined from common given names and family names; mail domains are the RFC 2606 example
// domains; numbers follow Indonesian mobile prefixes but are random.

import { Rng } from './rng';

const GIVEN = [
	'Budi',
	'Siti',
	'Agus',
	'Dewi',
	'Rina',
	'Andi',
	'Ahmad',
	'Nur',
	'Sri',
	'Eko',
	'Dian',
	'Putri',
	'Rizky',
	'Fajar',
	'Wahyu',
	'Yusuf',
	'Indah',
	'Ayu',
	'Hendra',
	'Joko',
	'Lestari',
	'Made',
	'Ketut',
	'Wayan',
	'Nyoman',
	'Komang',
	'Teguh',
	'Bambang',
	'Slamet',
	'Hasan',
	'Ismail',
	'Maria',
	'Yohanes',
	'Fransiska',
	'Samuel',
	'Dedi',
	'Yanti',
	'Rudi',
	'Lina',
	'Ratna',
	'Arif',
	'Irfan',
	'Fitri',
	'Novi',
	'Taufik',
	'Reza',
	'Dimas',
	'Anisa',
	'Bayu',
	'Citra',
	'Galih',
	'Intan',
	'Kurnia',
	'Mega',
	'Nanda',
	'Oki',
	'Puji',
	'Rahmat',
	'Sari',
	'Tri',
	'Umar',
	'Vina',
	'Wulan',
	'Yogi',
	'Zainal',
	'Aminah',
	'Darmawan',
	'Erna',
	'Ferry',
	'Gita',
	'Heru',
	'Imam',
	'Juwita',
	'Kevin',
	'Lukman',
	'Melati',
	'Nia',
	'Robert',
	'Stefanus',
	'Theresia',
	'Yosef',
	'Abdul',
	'Fadli',
	'Haris',
	'Rosa'
];
const FAMILY = [
	'Santoso',
	'Wijaya',
	'Saputra',
	'Hidayat',
	'Kurniawan',
	'Setiawan',
	'Pratama',
	'Lubis',
	'Nasution',
	'Siregar',
	'Harahap',
	'Simanjuntak',
	'Sitompul',
	'Tanjung',
	'Rahman',
	'Hakim',
	'Susanto',
	'Gunawan',
	'Purnomo',
	'Wibowo',
	'Nugroho',
	'Syahputra',
	'Manurung',
	'Pasaribu',
	'Tambunan',
	'Mokoginta',
	'Rumbiak',
	'Sihombing',
	'Hutapea',
	'Situmorang',
	'Ginting',
	'Sembiring',
	'Tarigan',
	'Daulay',
	'Pohan',
	'Matondang',
	'Mahendra',
	'Permana',
	'Ramadhan',
	'Firmansyah',
	'Hasibuan',
	'Pangaribuan',
	'Latuconsina',
	'Pattiasina',
	'Wenda',
	'Kogoya',
	'Mandagi',
	'Sumual',
	'Lumban Gaol',
	'Effendi',
	'Hartono',
	'Suryadi',
	'Maulana',
	'Anggraini',
	'Utami',
	'Puspitasari',
	'Rahmawati',
	'Wulandari',
	'Handayani',
	'Kusuma',
	'Halim',
	'Pane',
	'Nainggolan',
	'Bakri',
	"Ma'ruf",
	'Siswanto'
];
const HONORIFIC = ['H.', 'Hj.', 'Ir.', 'Dr.'];
const DEGREE = ['S.Pd.', 'S.H.', 'S.E.', 'S.Kom.', 'S.T.', 'A.Md.'];
const MAIL_DOMAINS = ['example.com', 'example.net', 'example.org', 'mail.example.com', 'surel.example.org'];
const OPERATOR = [
	'811',
	'812',
	'813',
	'821',
	'822',
	'823',
	'851',
	'852',
	'853',
	'855',
	'856',
	'857',
	'858',
	'817',
	'818',
	'819',
	'859',
	'877',
	'878',
	'838',
	'831',
	'832',
	'895',
	'896',
	'897',
	'898',
	'899',
	'881',
	'882',
	'887'
];

export interface Identity {
	name: string;
	email: string;
	/** National significant number without the leading 0 or 62: '81234567890'. */
	phone: string;
	handle: string;
	/** Preferred way of writing the number, 0..4 (see formatPhone). */
	phoneStyle: number;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');

export function identityFor(key: number): Identity {
	const rng = new Rng(key, 'identity');
	const given = rng.pick(GIVEN);
	const family = rng.pick(FAMILY);
	const shape = rng.float();
	let plain: string;
	if (shape < 0.15) plain = given;
	else if (shape < 0.3) plain = `${given} ${rng.pick(GIVEN)} ${family}`;
	else plain = `${given} ${family}`;
	let name = plain;
	if (rng.chance(0.04)) name = `${rng.pick(HONORIFIC)} ${name}`;
	if (rng.chance(0.05)) name = `${name}, ${rng.pick(DEGREE)}`;
	const sep = rng.pick(['.', '_', '', '']);
	const digits = rng.chance(0.6) ? String(rng.range(1, 99)) : String(rng.range(1965, 2005));
	const local = shape < 0.15 ? `${slug(given)}${digits}` : `${slug(given)}${sep}${slug(family)}${rng.chance(0.5) ? digits : ''}`;
	const op = rng.pick(OPERATOR);
	let rest = '';
	const restLength = rng.chance(0.7) ? 8 : 7;
	for (let i = 0; i < restLength; i++) rest += String(rng.int(10));
	return {
		name,
		email: `${local}@${rng.pick(MAIL_DOMAINS)}`,
		phone: op + rest,
		handle: `@${slug(given)}${rng.chance(0.5) ? slug(family).slice(0, 5) : ''}${rng.range(1, 999)}`,
		phoneStyle: rng.int(5)
	};
}

/** A mobile number as people and systems write it: 0812-3456-7890, 081234567890, +62..., 62... */
export function formatPhone(phone: string, style: number): string {
	switch (style) {
		case 0:
			return `0${phone.slice(0, 3)}-${phone.slice(3, 7)}-${phone.slice(7)}`;
		case 1:
			return `0${phone}`;
		case 2:
			return `+62${phone}`;
		case 3:
			return `62${phone}`;
		default:
			return `0${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`;
	}
}

/**
 * The reporter columns of one report. Anonymous reports export no identity; each channel knows
 * only what it collects: SMS a gateway-style number, Twitter a handle, WhatsApp a number.
 */
export function reporterColumns(
	id: Identity,
	channel: string,
	anonymous: boolean,
	rng: Rng
): { name: string; email: string; phone: string } {
	if (anonymous) return { name: 'Anonim', email: '', phone: '' };
	switch (channel) {
		case 'SMS 1708':
			return { name: rng.chance(0.5) ? '' : id.name, email: '', phone: formatPhone(id.phone, 3) };
		case 'Twitter':
			return { name: id.handle, email: '', phone: '' };
		case 'WhatsApp':
			return { name: id.name, email: rng.chance(0.3) ? id.email : '', phone: formatPhone(id.phone, rng.chance(0.5) ? 2 : 3) };
		default:
			return { name: id.name, email: id.email, phone: rng.chance(0.2) ? '' : formatPhone(id.phone, id.phoneStyle) };
	}
}
