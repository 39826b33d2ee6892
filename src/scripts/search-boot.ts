// The only search code on every page: shows the header button, listens for `/` and Ctrl/⌘+K, and
// loads the dialog (search-dialog.ts) on first use. Links from a result carry `?highlight=`; only
// then is the highlighter (search-highlight.ts) loaded. Nothing else of search is fetched before.

/** The dialog's public face, as the lazily loaded module returns it. */
export interface SearchDialog {
  open(initialText: string): void;
}

/** Localized strings, read from the button's `data-search-strings`. */
export type SearchStrings = Record<string, string>;

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** Wires the header search button; call once per page. */
export function initSearch(): void {
  const button = document.querySelector<HTMLButtonElement>('[data-search-open]');
  if (!button) return;
  const strings = JSON.parse(button.dataset.searchStrings ?? '{}') as SearchStrings;
  button.hidden = false;

  let dialog: Promise<SearchDialog> | undefined;
  // Keys typed between the shortcut and the dialog's input appearing are kept, not lost.
  let typedAhead: string[] | undefined;
  const open = () => {
    typedAhead ??= [];
    dialog ??= import('./search-dialog').then((m) => m.createSearchDialog(button, strings));
    dialog.then(
      (d) => {
        d.open((typedAhead ?? []).join(''));
        typedAhead = undefined;
      },
      () => {
        // The dialog could not load (offline, blocked): the A–Z index still works.
        const fallback = document.querySelector<HTMLAnchorElement>('[data-search-slot]');
        if (fallback) location.href = fallback.href;
      },
    );
  };

  button.addEventListener('click', open);
  document.addEventListener('keydown', (e) => {
    if (typedAhead && e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
      typedAhead.push(e.key);
      e.preventDefault();
      return;
    }
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey;
    if ((e.key === 'k' || e.key === 'K') && (e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey) {
      e.preventDefault();
      open();
    } else if (e.key === '/' && plain && !isEditable(e.target)) {
      e.preventDefault();
      open();
    }
  });

  if (new URLSearchParams(location.search).has('highlight')) {
    void import('./search-highlight').then((m) => m.highlightFromUrl(strings));
  }
}
