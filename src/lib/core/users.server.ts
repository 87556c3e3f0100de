// The user store: a small JSON file beside the warehouse (not inside it: the dashboard opens the
// warehouse read-only and the ETL is its only writer). Written atomically (temp file + rename)
// by `npm run user`; the server re-reads it when its mtime changes (src/lib/server/auth/users.ts).
import { randomBytes } from 'node:crypto';
import { chmodSync, constants, copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { areaLevelOf, REGION_CODE, type AreaLevel } from './vocab';

export const ROLES = ['nasional', 'provinsi', 'daerah', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** The level of the area a role sees: its region's (a province, a kab/kota), or the nation. */
export const ROLE_LEVEL = { nasional: 'national', provinsi: 'province', daerah: 'regency', admin: 'national' } as const satisfies Record<
	Role,
	AreaLevel
>;

const UserSchema = z
	.object({
		name: z.string().regex(/^[a-z0-9][a-z0-9._-]{0,39}$/),
		role: z.enum(ROLES),
		/** province code for `provinsi`, kab/kota code for `daerah`, null otherwise */
		region: z.string().regex(REGION_CODE).nullable(),
		hash: z.string(),
		created: z.string()
	})
	.refine(
		(u) => (ROLE_LEVEL[u.role] === 'national' ? u.region === null : u.region !== null && areaLevelOf(u.region) === ROLE_LEVEL[u.role]),
		{
			message: 'provinsi needs a province code (36), daerah a kab/kota code (36.03), other roles none'
		}
	);
export type User = z.infer<typeof UserSchema>;
const FileSchema = z.object({ version: z.literal(1), users: z.array(UserSchema) });

/**
 * Where the auth files live: a folder of the warehouse's own, `<warehouse>.auth/` beside it
 * (data/telaah.duckdb → data/telaah.auth/), or `$TELAAH_AUTH_DIR`. Two warehouses in one folder
 * thus never share users, session key, revocations, audit log or uploads.
 */
export function authFiles(env: NodeJS.ProcessEnv = process.env) {
	const db = resolve(process.cwd(), env.TELAAH_DB || 'data/telaah.duckdb');
	const dir = env.TELAAH_AUTH_DIR ? resolve(env.TELAAH_AUTH_DIR) : `${db.replace(/\.duckdb$/, '')}.auth`;
	return {
		dir,
		users: join(dir, 'users.json'),
		sessionKey: join(dir, 'session.key'),
		revoked: join(dir, 'revoked.json'),
		audit: join(dir, 'audit.log'),
		uploads: join(dir, 'uploads'),
		/** Where earlier versions kept them: the warehouse's folder, shared by every warehouse in it. */
		legacyDir: dirname(db)
	};
}

/**
 * Users made by an earlier version live in the warehouse's folder. Rather than fall back to demo
 * mode (no users: everyone in), copy them into the warehouse's own folder on first use, with the
 * session key so signed-in sessions survive. Every warehouse of that folder gets its own copy.
 */
export function adoptLegacyAuth(files: ReturnType<typeof authFiles>): boolean {
	const legacy = join(files.legacyDir, 'users.json');
	if (existsSync(files.users) || !existsSync(legacy) || files.dir === files.legacyDir) return false;
	mkdirSync(files.dir, { recursive: true, mode: 0o700 });
	for (const name of ['session.key', 'users.json']) {
		const from = join(files.legacyDir, name);
		if (existsSync(from)) copyFileSync(from, join(files.dir, name), constants.COPYFILE_EXCL);
	}
	chmodSync(files.users, 0o600);
	return true;
}

/**
 * The one form of a user name that sign-in, its throttling and the user CLI compare: NFKC,
 * trimmed, lower case. "victim1 " and "VICTIM1" are victim1 everywhere, locks included.
 */
export const canonicalUserName = (raw: unknown): string =>
	String(raw ?? '')
		.normalize('NFKC')
		.trim()
		.toLowerCase()
		.slice(0, 64);

export function readUsers(path: string): User[] {
	if (!existsSync(path)) return [];
	return FileSchema.parse(JSON.parse(readFileSync(path, 'utf8'))).users;
}

export function writeUsers(path: string, users: User[]): void {
	mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
	const body = JSON.stringify(FileSchema.parse({ version: 1, users }), null, '\t') + '\n';
	const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
	writeFileSync(tmp, body, { mode: 0o600 });
	renameSync(tmp, path);
}

export function validUser(u: User): User {
	return UserSchema.parse(u);
}
