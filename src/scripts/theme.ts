const KEY = 'hv-theme';
type Choice = 'system' | 'light' | 'dark';

function apply(choice: Choice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset.theme;
  else root.dataset.theme = choice;
  try {
    if (choice === 'system') localStorage.removeItem(KEY);
    else localStorage.setItem(KEY, choice);
  } catch {
    // Storage may be disabled; the choice then lasts for this page only.
  }
  document.querySelectorAll<HTMLButtonElement>('[data-theme-choice]').forEach((b) => {
    b.setAttribute('aria-pressed', String(b.dataset.themeChoice === choice));
  });
}

/** Shows the theme switch (it needs JavaScript) and wires its three buttons. */
export function initThemeSwitch(): void {
  const group = document.querySelector<HTMLElement>('[data-theme-switch]');
  if (!group) return;
  group.hidden = false;
  const current = (document.documentElement.dataset.theme as Choice | undefined) ?? 'system';
  apply(current);
  group.addEventListener('click', (e) => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>('[data-theme-choice]');
    if (button) apply(button.dataset.themeChoice as Choice);
  });
}
