// Progressive enhancement for the server-rendered charts (SVG in .chart-svg): a formatted
// tooltip on hover and keyboard focus. The SVG stays the source of truth: the text comes from
// an element's data-tip or its <title> (which also serves screen readers and JS-off visitors).
// Plain script, no framework: pages that ship no other JS (csr = false) still get it.
(() => {
	let tip;
	let hidden; // the <title> taken out while hovering, so the browser's own tooltip stays away

	const source = (node) => {
		for (let el = node; el && el instanceof Element && !el.classList.contains('chart-svg'); el = el.parentElement) {
			if (el.hasAttribute('data-tip')) return { el, text: el.getAttribute('data-tip') };
			const title = [...el.children].find((c) => c.tagName.toLowerCase() === 'title');
			if (title && el.closest('.chart-svg')) return { el, text: title.textContent, title };
		}
		return null;
	};

	const show = (text, x, y) => {
		if (!tip) {
			tip = document.createElement('div');
			tip.className = 'chart-tip';
			tip.setAttribute('role', 'tooltip');
			tip.setAttribute('data-testid', 'chart-tip');
			document.body.append(tip);
		}
		tip.textContent = text;
		tip.hidden = false;
		const r = tip.getBoundingClientRect();
		tip.style.left = `${Math.max(4, Math.min(x + 14, innerWidth - r.width - 4))}px`;
		tip.style.top = `${y + 14 + r.height > innerHeight ? y - r.height - 10 : y + 14}px`;
	};

	const hide = () => {
		if (tip) tip.hidden = true;
		if (hidden) {
			hidden.el.prepend(hidden.title);
			hidden = undefined;
		}
	};

	document.addEventListener('pointerover', (e) => {
		const s = source(e.target);
		if (!s) return;
		hide();
		if (s.title) {
			s.title.remove();
			hidden = s;
		}
		show(s.text, e.clientX, e.clientY);
	});
	document.addEventListener('pointermove', (e) => {
		if (tip && !tip.hidden && source(e.target)) show(tip.textContent, e.clientX, e.clientY);
	});
	document.addEventListener('pointerout', (e) => {
		if (source(e.target) && !(e.relatedTarget instanceof Node && source(e.relatedTarget)?.el === source(e.target).el)) hide();
	});
	document.addEventListener('focusin', (e) => {
		const s = source(e.target);
		if (!s) return hide();
		const r = s.el.getBoundingClientRect();
		show(s.text, r.left + r.width / 2, r.top + r.height / 2);
	});
	document.addEventListener('focusout', hide);
	document.addEventListener('keydown', (e) => e.key === 'Escape' && hide());

	const style = document.createElement('style');
	style.textContent =
		'.chart-tip{position:fixed;z-index:50;pointer-events:none;max-width:22rem;padding:.3rem .55rem;border-radius:4px;background:#1f2933;color:#fff;font:13px/1.35 system-ui,sans-serif;box-shadow:0 2px 6px rgb(0 0 0/.25)}.chart-tip[hidden]{display:none}@media print{.chart-tip{display:none}}';
	document.head.append(style);
})();
