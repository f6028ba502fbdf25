// The print sheet's "Print" button (inline handlers are not allowed by the CSP).
document.querySelectorAll('[data-print]').forEach(button => button.addEventListener('click', () => window.print()));
