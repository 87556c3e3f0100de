// The scope of the current request, carried by AsyncLocalStorage from the `handle` hook down to
// the query layer, so no route has to pass it along (and none can forget to).
// Fails closed: inside the server (hooks.server.ts calls markServer()), a query that runs
// neither in a request nor in asSystem() is refused instead of running with no scope.
import { AsyncLocalStorage } from 'node:async_hooks';
import { error } from '@sveltejs/kit';
import { ALL, type Scope } from './scope';

const store = new AsyncLocalStorage<{ scope: Scope }>();
let inServer = false;

export function markServer(): void {
	inServer = true;
}

/** Runs `fn` (and everything it awaits) with `scope`. */
export function withScope<T>(scope: Scope, fn: () => T): T {
	return store.run({ scope }, fn);
}

/** Server-internal work with no user behind it (start-up warm-up). */
export const asSystem = <T>(fn: () => T): T => withScope(ALL, fn);

export function currentScope(): Scope {
	const ctx = store.getStore();
	if (ctx) return ctx.scope;
	// Outside the server (unit tests, CLIs) there are no users: the whole warehouse.
	if (!inServer) return ALL;
	error(500, { code: 'no_scope', message: 'Query outside a request scope refused' });
}
