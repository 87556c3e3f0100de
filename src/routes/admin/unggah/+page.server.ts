// /admin/unggah: upload an export and load it with the ETL (auth/upload.ts); shows its summary.
// Admins only (handle hook). Uploads run one at a time; pages wait while the warehouse is busy.
import { fail } from '@sveltejs/kit';
import { MULTIPART_SLACK } from '$lib/core/limits';
import { audit } from '$lib/server/auth/audit';
import { ingestUpload, tooLarge, UPLOAD_MAX_BYTES, uploadMaxMb, UploadRefused } from '$lib/server/auth/upload';
import { requestLang } from '$lib/server/lang';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) => ({ lang: requestLang(event), maxMb: uploadMaxMb() });

export const actions: Actions = {
	default: async (event) => {
		const user = event.locals.user?.name;
		// Refused before the body is read, with the limit the form states.
		const declared = Number(event.request.headers.get('content-length') ?? 0);
		if (declared > UPLOAD_MAX_BYTES + MULTIPART_SLACK) {
			audit('upload', { user, bytes: declared, refused: tooLarge() });
			return fail(413, { refused: tooLarge() });
		}
		let form: FormData;
		try {
			form = await event.request.formData();
		} catch (e) {
			// adapter-node stops reading past BODY_SIZE_LIMIT (a body without a declared length).
			const status = (e as { status?: number }).status;
			return fail(status === 413 ? 413 : 400, { refused: status === 413 ? tooLarge() : 'the form could not be read' });
		}
		const file = form.get('file');
		if (!(file instanceof File) || !file.name) return fail(400, { refused: 'no file' });
		try {
			const { stored, summary } = await ingestUpload(file);
			audit('upload', {
				user,
				name: file.name,
				bytes: file.size,
				stored: stored.split('/').pop(),
				loaded: summary.loaded,
				updated: summary.updated,
				quarantined: summary.quarantined
			});
			return { summary, name: file.name.slice(0, 200) };
		} catch (e) {
			if (!(e instanceof UploadRefused)) throw e;
			audit('upload', { user, name: file.name, bytes: file.size, refused: e.message });
			return fail(400, { refused: e.message.slice(0, 300) });
		}
	}
};
