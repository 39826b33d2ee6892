let counter = 0;

/** Turns each [data-tabs] group (panels stacked under labels without JS) into ARIA tabs. */
export function initTabs(): void {
  document.querySelectorAll<HTMLElement>('[data-tabs]').forEach((group) => {
    const panels = [...group.querySelectorAll<HTMLElement>(':scope > .tab-panel')];
    if (panels.length < 2) return;
    const list = document.createElement('div');
    list.setAttribute('role', 'tablist');
    const tabs = panels.map((panel, i) => {
      const id = `tabs-${++counter}`;
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.id = `${id}-tab`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', `${id}-panel`);
      tab.textContent = panel.dataset.tabLabel ?? String(i + 1);
      panel.id = `${id}-panel`;
      panel.setAttribute('role', 'tabpanel');
      panel.setAttribute('aria-labelledby', tab.id);
      panel.tabIndex = 0;
      list.append(tab);
      return tab;
    });
    const select = (k: number, focus: boolean) => {
      tabs.forEach((t, i) => {
        t.setAttribute('aria-selected', String(i === k));
        t.tabIndex = i === k ? 0 : -1;
        panels[i]!.hidden = i !== k;
      });
      if (focus) tabs[k]!.focus();
    };
    list.addEventListener('click', (e) => {
      const i = tabs.indexOf((e.target as HTMLElement).closest('[role="tab"]') as HTMLButtonElement);
      if (i >= 0) select(i, false);
    });
    list.addEventListener('keydown', (e) => {
      const i = tabs.indexOf(document.activeElement as HTMLButtonElement);
      const moves: Record<string, number> = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 };
      const to = moves[e.key];
      if (to === undefined || i < 0) return;
      e.preventDefault();
      select((to + tabs.length) % tabs.length, true);
    });
    group.prepend(list);
    group.setAttribute('data-enhanced', '');
    select(0, false);
  });
}
