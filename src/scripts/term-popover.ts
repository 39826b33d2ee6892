/**
 * Glossary definitions are HTML popovers that work without JavaScript (centred by the browser).
 * This places an opening definition just under the button that opened it, inside the viewport:
 * before it shows (no jump), then corrected once its real size is known.
 */
function place(pop: HTMLElement, measured: boolean): void {
  const button = document.querySelector<HTMLElement>(`[popovertarget="${pop.id}"]`);
  if (!button) return;
  const r = button.getBoundingClientRect();
  const rem = parseFloat(getComputedStyle(document.documentElement).fontSize);
  const width = measured ? pop.offsetWidth : Math.min(28 * rem, window.innerWidth * 0.9);
  const height = measured ? pop.offsetHeight : 0;
  const left = Math.max(8, Math.min(r.left, window.innerWidth - width - 8));
  const below = r.bottom + 6;
  const top = below + height > window.innerHeight - 8 ? Math.max(8, r.top - height - 6) : below;
  pop.style.left = `${left}px`;
  pop.style.top = `${top}px`;
  pop.dataset.placed = '';
}

export function initTermPopovers(): void {
  const handler = (e: Event) => {
    const pop = e.target as HTMLElement;
    if (pop.classList?.contains('term-pop') && (e as ToggleEvent).newState === 'open') place(pop, e.type === 'toggle');
  };
  document.addEventListener('beforetoggle', handler, true);
  document.addEventListener('toggle', handler, true);
}
