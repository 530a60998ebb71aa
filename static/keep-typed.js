// What a person types or chooses before the page has hydrated is kept (issue 10 item 4).
// Svelte writes every form control's server value back into the DOM while it hydrates, wiping
// anything entered in the seconds a slow phone takes to run the page's JavaScript. This classic
// script runs before that JavaScript and notes each control the person changed, with its value;
// the root layout puts those values back once the page has hydrated (src/lib/keep-typed.ts).
(function () {
	var typed = new Map();
	window.__tmTyped = typed;
	function note(event) {
		var el = event.target;
		if (!typed || !(el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement)) return;
		typed.set(el, { value: el.value, checked: 'checked' in el ? el.checked : false });
	}
	document.addEventListener('input', note, true);
	document.addEventListener('change', note, true);
	window.__tmTypedDone = function () {
		document.removeEventListener('input', note, true);
		document.removeEventListener('change', note, true);
		var entries = typed;
		typed = null;
		window.__tmTyped = null;
		return entries;
	};
})();
