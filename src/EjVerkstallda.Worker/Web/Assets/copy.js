// The copy buttons of the IVO checklist: the only script of the pages (served as a file: the CSP allows no inline script).
// Without JavaScript the buttons stay hidden and the values can be selected by hand.
'use strict';
document.addEventListener('DOMContentLoaded', () => {
  if (!navigator.clipboard) return;
  for (const b of document.querySelectorAll('button.copy')) b.hidden = false;
  document.addEventListener('click', async (e) => {
    const b = e.target.closest('button.copy');
    if (!b) return;
    const v = b.previousElementSibling;
    try {
      await navigator.clipboard.writeText(v.textContent.trim());
      b.textContent = 'Kopierat';
    } catch {
      b.textContent = 'Kunde inte kopiera';
    }
    setTimeout(() => { b.textContent = 'Kopiera'; }, 1500);
  });
});
