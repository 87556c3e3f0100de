// Display labels for the warehouse vocabularies (status, channel, OPD type, authority, classification) in both languages.
import {
	AUTHORITIES,
	CLASSIFICATION_LABEL,
	LIFECYCLE_LABEL,
	OPD_TYPES,
	type Authority,
	type Channel,
	type Classification,
	type Lifecycle,
	type OpdType
} from '$lib/core/vocab';
import type { Lang } from './i18n';

const CHANNEL_LABEL: Record<Channel, { id: string; en: string }> = {
	web: { id: 'Situs web', en: 'Website' },
	sms: { id: 'SMS 1708', en: 'SMS 1708' },
	android: { id: 'Aplikasi Android', en: 'Android app' },
	ios: { id: 'Aplikasi iOS', en: 'iOS app' },
	whatsapp: { id: 'WhatsApp', en: 'WhatsApp' },
	twitter: { id: 'Twitter/X', en: 'Twitter/X' },
	instagram: { id: 'Instagram', en: 'Instagram' },
	facebook: { id: 'Facebook', en: 'Facebook' },
	email: { id: 'Surel', en: 'E-mail' },
	tatap_muka: { id: 'Tatap muka', en: 'In person' },
	lainnya: { id: 'Lainnya', en: 'Other' }
};

export const statusLabel = (lang: Lang, s: string) => LIFECYCLE_LABEL[s as Lifecycle]?.[lang] ?? s;
export const channelLabel = (lang: Lang, c: string) => CHANNEL_LABEL[c as Channel]?.[lang] ?? c;
export const opdLabel = (lang: Lang, t: string) => OPD_TYPES[t as OpdType]?.[lang] ?? t;
export const authorityLabel = (lang: Lang, a: string) => AUTHORITIES[a as Authority]?.[lang] ?? a;
export const classificationLabel = (lang: Lang, c: string) => CLASSIFICATION_LABEL[c as Classification]?.[lang] ?? c;
