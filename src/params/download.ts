import type { ParamMatcher } from '@sveltejs/kit';
import { isFormat } from '$lib/downloads';

/** `[ext=download]`: one of the download formats (csv, xlsx, arrow). */
export const match: ParamMatcher = isFormat;
