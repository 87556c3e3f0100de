// /admin/unggah: upload an export and load it with the ETL (auth/upload.ts); shows its summary.
// Admins only (handle hook). Uploads run one at a time; pages wait while the warehouse is busy.
import { fail } from '@sveltejs/kit';
import { audit } from '$lib/server/auth/audit';
import { ingestUpload, UPLOAD_MAX_BYTES, UploadRefused } from '$lib/server/auth/upload';
import { requestLang } from '$lib/server/lang';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => ({ lang: requestLang(event), maxMb: UPLOAD_MAX_BYTES / 1024 / 1024 });

export const actions: Actions = {
	default: async (event) => {
		const form = await event.request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || !file.name) return fail(400, { refused: 'no file' });
		const user = event.locals.user?.name;
		try {
			const { stored, summary } = await ingestUpload(file);
			audit('upload', { user, name: file.name, bytes: file.size, stored: stored.split('/').pop(), loaded: summary.loaded, updated: summary.updated, quarantined: summary.quarantined });
			return { summary, name: file.name.slice(0, 200) };
		} catch (e) {
			if (!(e instanceof UploadRefused)) throw e;
			audit('upload', { user, name: file.name, bytes: file.size, refused: e.message });
			return fail(400, { refused: e.message.slice(0, 300) });
		}
	}
};
