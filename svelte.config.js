import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
export default {
	preprocess: vitePreprocess(),
	kit: {
		// precompress: .br and .gz of every static and built asset, served by adapter-node when the client accepts them.
		adapter: adapter({ out: 'build', precompress: true }),
		// Content-Security-Policy: scripts only from this origin (SvelteKit adds a nonce to its
		// own inline hydration script), no plugins, no framing, forms post only here. Styles
		// allow inline attributes: the server-rendered Plot SVGs carry style="…".
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'frame-ancestors': ['none']
			}
		}
	}
};
