import { formatLink, type LinkFormat } from '../lib/link-formats';

/**
 * Adds a copy-link button after each heading self-link (README, "Permalinks"). It opens one shared
 * panel under the heading that copies the section's canonical URL as URL, Markdown, Confluence,
 * MediaWiki or HTML, and announces the result in its role=status line. Escape closes it.
 */
export function initCopyLinks(): void {
  const template = document.querySelector<HTMLTemplateElement>('#copy-link-template');
  const main = document.querySelector('main');
  if (!template || !main || !navigator.clipboard) return;
  const { pageUrl = '', label = '', copied = '', failed = '' } = template.dataset;
  const [button, panel] = [...template.content.children] as [HTMLButtonElement, HTMLElement];
  const status = panel.querySelector('[role="status"]')!;
  let open: { trigger: HTMLButtonElement; title: string; id: string } | undefined;

  const close = (refocus: boolean) => {
    if (!open) return;
    panel.hidden = true;
    open.trigger.setAttribute('aria-expanded', 'false');
    if (refocus) open.trigger.focus();
    open = undefined;
  };

  main.querySelectorAll<HTMLAnchorElement>('.heading-anchor[href^="#"]').forEach((anchor) => {
    const host = anchor.parentElement!;
    const section = { title: host.textContent!.trim(), id: anchor.getAttribute('href')!.slice(1) };
    const trigger = button.cloneNode(true) as HTMLButtonElement;
    trigger.setAttribute('aria-label', label.replace('{title}', section.title));
    anchor.after(trigger);
    trigger.addEventListener('click', () => {
      const wasOpen = open?.trigger === trigger;
      close(false);
      if (wasOpen) return;
      open = { trigger, ...section };
      status.textContent = '';
      // A panel inside <dl> must stay inside the <dt>; after a heading it goes below it.
      if (host.tagName === 'DT') host.append(panel);
      else host.after(panel);
      panel.hidden = false;
      trigger.setAttribute('aria-expanded', 'true');
      panel.querySelector('button')!.focus();
    });
  });
  // In the document from the start, so every trigger's aria-controls points at it.
  main.append(panel);

  panel.addEventListener('click', async (event) => {
    const choice = (event.target as Element).closest<HTMLButtonElement>('button[data-format]');
    if (!choice || !open) return;
    const text = formatLink(choice.dataset.format as LinkFormat, open.title, `${pageUrl}#${open.id}`);
    try {
      await navigator.clipboard.writeText(text);
      status.textContent = copied.replace('{format}', choice.textContent!);
    } catch {
      status.textContent = failed;
    }
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && open && (panel.contains(document.activeElement) || document.activeElement === open.trigger)) close(true);
  });
  const outside = (event: Event) => {
    const target = event.target as Node;
    if (open && !panel.contains(target) && !open.trigger.contains(target)) close(false);
  };
  document.addEventListener('click', outside);
  document.addEventListener('focusin', outside);
}
