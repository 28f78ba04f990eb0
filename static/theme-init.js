// Applies the remembered theme before first paint (an external file so the CSP needs no inline script).
try {
	var t = localStorage.getItem('sts-trainer:theme');
	if (t === 'light' || t === 'dark') document.documentElement.dataset.theme = t;
} catch (e) {
	/* storage unavailable: follow the system theme */
}
