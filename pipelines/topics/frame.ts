// The letter around a complaint: what citizens and portals wrap every report in, which says who it
// is addressed to and how it is signed, not what it is about. Pure string -> string, applied to the
// raw title and body each (complaintText) and in text.ts prepare, so topic features and theme tags
// never see it.
//   - escapes and markup: newlines exported as the two characters "\n", HTML tags and entities
//   - salutations and greetings at the start: "Yth. Dinas … Kota Semarang,", "Kepada Bapak …,",
//     "Selamat siang Bapak/Ibu admin,"
//   - sign-offs at the end: "Hormat kami, <name>", "Wassalamualaikum …", "Terima kasih. <name>",
//     LAPOR!'s closings "Mohon ditindaklanjuti / informasinya / dipertimbangkan, terima kasih"
//   - channel tags and tracking footers: @mentions, hashtags naming a channel (#lapor, #SP4NLAPOR),
//     "Dikirim dari …", "ID tracking: …"
// The addressee in a LAPOR! salutation is the gold label of the LAPOR! 2017 evaluation, so the
// salutation must go whole (evaluate.ts).

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Escaped newlines and tabs, HTML tags and entities -> plain text. */
export function unescapeText(text: string): string {
	let t = text;
	// most texts have none of these: the checks keep the regexes off them
	if (t.includes('\\')) t = t.replace(/\\+[rnt]/g, '\n');
	if (t.includes('<')) t = t.replace(/<\/?[a-z][a-z0-9]*(?:\s[^<>]{0,300})?\/?>/gi, ' ');
	if (t.includes('&')) {
		t = t
			.replace(/&#(x[0-9a-f]{1,6}|[0-9]{1,7});/gi, (_, code: string) => {
				const n = code[0] === 'x' || code[0] === 'X' ? parseInt(code.slice(1), 16) : Number(code);
				return n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : ' ';
			})
			// an unknown name ("&mohon;" in LAPOR! 2017) is a word that lost its spaces
			.replace(/&([a-z]{2,12});/gi, (_, name: string) => ENTITIES[name.toLowerCase()] ?? ` ${name} `);
	}
	return t;
}

// A salutation names its addressee up to the first comma, colon or line end ("Yth. Pemerintah Kab.
// Semarang," has full stops inside), in at most 120 characters (the longest agency names in LAPOR!
// 2017 are ~95; a longer "line" is a report without commas) and asks nothing; after a bare "Kepada"
// only a short one ("Kepada pihak terkait kami selaku ketua RW mohon bantuan karung …," is a report).
// A greeting is the greeting and the courtesy words after it ("Selamat siang Bapak/Ibu admin,"),
// never more: "Selamat sore kami melaporkan jalan berlubang" keeps its report.
const SALUTATION =
	/^[\s,.!-]*(?:(?:(?:kepada\s+)?(?:kpd\.?\s+)?(?:yth|yang\s+terhormat|ykh)\b\.?[^\n,:?!]{0,120})|(?:kepada\b[^\n,:?!]{0,60}))[\n,:]+/i;
const GREETING = new RegExp(
	'^[\\s,.!-]*(?:selamat\\s+(?:pagi|siang|sore|malam)|salam\\s+sejahtera|salam|ass?alamu\\W{0,3}\\s*alaikum|asww?|halo|hallo|hai|permisi|dengan\\s+hormat)' +
		'(?:[\\s/,.&]+(?:wr|wb|warahmatullahi|wabarakatuh|bapak|ibu|pak|bu|admin|min|mimin|kak|kakak|tim|semua|rekan|sobat|staf|staff|petugas|pejabat|yang|terhormat|dan))*\\b[\\s,.!?:]*',
	'i'
);

/** Salutations and greetings at the start, several in a row ("Assalamualaikum. Yth. Bapak …,"). */
export function stripOpening(text: string): string {
	let t = text;
	for (let i = 0; i < 4; i++) {
		const next = t.replace(SALUTATION, '').replace(GREETING, '');
		if (next === t) break;
		t = next;
	}
	return t;
}

// Closings are only taken within the last 240 characters, so a "terima kasih" in the middle of a
// long report does not cut its second half.
const TAIL = 240;
const CLOSING_WORD = /hormat|salam|mohon|kasih|trim|tks|thank/i;
const THANKS = '(?:terima\\s*kasih|terimakasih|terimaksih|trima\\s*kasih|makasih|trims?|tks|thanks?|thx)';
const COURTESY =
	'(?:atas|perhatian(?:nya)?|bantuan(?:nya)?|kerja\\s*sama(?:nya)?|banyak|sebelumnya|pak|bu|bapak|ibu|admin|min|semua|kami|saya|ucapkan|sampaikan|dan|respon(?:s|nya)?|tanggapan(?:nya)?|waktunya)';
// after the thanks: courtesy words, punctuation or emoji, and at most one short last line (a name)
const AFTER_THANKS = `(?:[^\\p{L}\\n]*${COURTESY}\\b)*[^\\p{L}]*(?:\\n[^\\n]{0,30})?$`;
const CLOSINGS: readonly RegExp[] = [
	/\b(?:hormat\s+(?:saya|kami)|salam\s+hormat|wassalamu\W{0,3}\s*alaikum|wassalam|was+alamualaikum)\b[\s\S]*$/i,
	new RegExp(
		`\\bmohon\\s+(?:segera\\s+)?(?:ditindak\\s*lanjuti|di\\s*tindak\\s*lanjuti|informasinya|dipertimbangkan|tanggapannya|responnya)\\b[^\\p{L}]*(?:${THANKS}\\b${AFTER_THANKS}|$)`,
		'iu'
	),
	new RegExp(`\\b${THANKS}\\b${AFTER_THANKS}`, 'iu')
];

/** Sign-offs at the end: regards with the name under them, LAPOR!'s closing phrases, thanks. */
export function stripClosing(text: string): string {
	let t = text.trimEnd();
	if (!CLOSING_WORD.test(t.slice(-TAIL))) return t;
	for (let pass = 0; pass < 3; pass++) {
		const cut = Math.max(0, t.length - TAIL);
		let changed = false;
		for (const re of CLOSINGS) {
			const m = re.exec(t.slice(cut));
			// a closing with no words before it is the whole complaint ("Terima kasih, lampu sudah menyala")
			if (m && /\p{L}{3}/u.test(t.slice(0, cut + m.index))) {
				t = t.slice(0, cut + m.index).trimEnd();
				changed = true;
			}
		}
		if (!changed) break;
	}
	return t;
}

// Hashtags that name a channel or an agency's account, not a topic.
const CHANNEL_TAG = /lapor|sp4n|1708|kominfo|humas|pemkot|pemkab|pemprov|pemda|official/i;
const SENT_FROM =
	/(?:dikirim|terkirim|sent)\s+(?:dari|melalui|via|from|lewat)\s+(?:my\s+)?(?:iphone|ipad|android|samsung|xiaomi|oppo|vivo|aplikasi|ponsel|hp|perangkat|device|mobile)\b[^\n]{0,40}$/i;
const TRACKING =
	/\b(?:id\s*tracking|tracking\s*id|nomor\s+(?:tiket|laporan|tracking)|no\.?\s*(?:tiket|laporan))\s*[:#]?\s*[a-z0-9-]*\d[a-z0-9-]*/gi;

/** @mentions, channel hashtags and tracking footers; other hashtags keep their word (#banjir -> banjir). */
export function stripChannelTags(text: string): string {
	let t = text;
	if (t.includes('@')) t = t.replace(/(^|[^\w@])@\w{1,30}/g, '$1 ');
	if (t.includes('#')) t = t.replace(/#(\w{1,60})/g, (_, tag: string) => (CHANNEL_TAG.test(tag) ? ' ' : ` ${tag} `));
	const tail = Math.max(0, t.length - 100);
	const sent = SENT_FROM.exec(t.slice(tail));
	if (sent) t = t.slice(0, tail + sent.index);
	if (/tracking|tiket|laporan/i.test(t)) t = t.replace(TRACKING, ' ');
	return t;
}

/** The complaint without its letter: unescaped, no channel tags, no opening, no closing. */
export function stripFrame(text: string): string {
	return stripClosing(stripOpening(stripChannelTags(unescapeText(text))));
}

/** A complaint's title and body as one text for the topic pipeline, each without its frame. */
export const complaintText = (title: string | null | undefined, body: string | null | undefined): string =>
	[title, body]
		.map((t) => (t ? stripFrame(t).trim() : ''))
		.filter(Boolean)
		.join('\n');
