// Request body limits, shared by the server and the scripts that start it, so the upload form,
// the server's checks, adapter-node's BODY_SIZE_LIMIT and the error message all agree.

const MIB = 1024 * 1024;
/** Multipart framing around the file (boundaries, headers, the other fields). */
export const MULTIPART_SLACK = 64 * 1024;
/** Every request body but an upload: sign-in and sign-out forms are a few hundred bytes. */
export const SMALL_BODY_MAX = 16 * 1024;

/** adapter-node's reading of BODY_SIZE_LIMIT ('512K', '60M', '1G', a number, 'Infinity'). */
export function parseByteSize(value: string): number {
	const multiplier = ({ K: 1024, M: MIB, G: 1024 * MIB } as Record<string, number>)[value.at(-1)?.toUpperCase() ?? ''] ?? 1;
	return Number(multiplier !== 1 ? value.slice(0, -1) : value) * multiplier;
}

/** adapter-node's default when BODY_SIZE_LIMIT is unset. */
const ADAPTER_DEFAULT = '512K';

/**
 * The largest upload the server takes: TELAAH_UPLOAD_MAX_MB (default 50), lowered to what
 * BODY_SIZE_LIMIT lets through, so the form never promises more than the server reads.
 */
export function uploadMaxBytes(env: NodeJS.ProcessEnv = process.env): number {
	const asked = Number(env.TELAAH_UPLOAD_MAX_MB || 50) * MIB;
	const body = parseByteSize(env.BODY_SIZE_LIMIT || ADAPTER_DEFAULT);
	return Math.max(0, Math.min(asked, body - MULTIPART_SLACK));
}

/**
 * The environment a server start adds: BODY_SIZE_LIMIT sized for TELAAH_UPLOAD_MAX_MB unless
 * the operator set one (then the upload limit shrinks to fit it, and the form says so).
 */
export function bodyLimitEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
	if (env.BODY_SIZE_LIMIT) return {};
	return { BODY_SIZE_LIMIT: String(Number(env.TELAAH_UPLOAD_MAX_MB || 50) * MIB + MULTIPART_SLACK) };
}
