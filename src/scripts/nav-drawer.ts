/** Turns the "Menu" link (which targets #site-nav without JS) into a disclosure button. */
export function initNavDrawer(): void {
  const toggle = document.querySelector<HTMLAnchorElement>('[data-nav-toggle]');
  const nav = document.getElementById('site-nav');
  if (!toggle || !nav) return;
  toggle.setAttribute('role', 'button');
  toggle.setAttribute('aria-expanded', 'false');
  const set = (open: boolean) => {
    toggle.setAttribute('aria-expanded', String(open));
    if (open) nav.setAttribute('data-open', '');
    else nav.removeAttribute('data-open');
  };
  toggle.addEventListener('click', (e) => {
    e.preventDefault();
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    set(open);
    if (open) nav.querySelector<HTMLElement>('a')?.focus();
  });
  const close = nav.querySelector<HTMLAnchorElement>('[data-nav-close]');
  close?.setAttribute('role', 'button');
  close?.addEventListener('click', (e) => {
    e.preventDefault();
    set(false);
    toggle.focus();
  });
  toggle.addEventListener('keydown', (e) => {
    if (e.key === ' ') {
      e.preventDefault();
      toggle.click();
    }
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && toggle.getAttribute('aria-expanded') === 'true') {
      set(false);
      toggle.focus();
    }
  });
}
