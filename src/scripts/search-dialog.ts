// The search dialog, loaded on first use by search-boot.ts. A modal <dialog> holds a combobox: the
// input keeps focus, ↑/↓ move the active option (aria-activedescendant), Enter opens it, Esc or the
// close button closes the dialog and focus returns to where it was. Pagefind is imported from the
// site's own /pagefind/ folder when the dialog first opens; results are built with DOM calls only.
import { highlightTerms, markSegments, normaliseQuery, searchForms } from '../lib/search-query';
import { toEntry, withHighlight, type PagefindResultData, type ResultEntry } from '../lib/search-results';
import type { SearchDialog, SearchStrings } from './search-boot';
import cssUrl from './search-dialog.css?url';
import { loadStylesheet } from './search-style';

interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  search(term: string, o?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] } | null>;
}

/** Results shown per step: each needs its page's fragment (about 10 KB), so fewer bytes per query. */
const PAGE_SIZE = 5;
/** Quiet time after a keystroke before results (and their fragments) are fetched. */
const DEBOUNCE_MS = 50;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, ...children: (Node | string)[]) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

function marked(text: string, terms: string[]): Node[] {
  return markSegments(text, terms).map((s) => (s.mark ? el('mark', {}, s.text) : document.createTextNode(s.text)));
}

const fill = (template: string, vars: Record<string, string | number>) =>
  template.replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** Builds the dialog once (after its stylesheet has loaded); `open()` shows it. */
export async function createSearchDialog(opener: HTMLButtonElement, s: SearchStrings): Promise<SearchDialog> {
  await loadStylesheet(cssUrl);
  const input = el('input', {
    id: 'search-input',
    type: 'text',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': 'search-results',
    'aria-autocomplete': 'list',
    'aria-describedby': 'search-help',
    autocomplete: 'off',
    autocapitalize: 'off',
    spellcheck: 'false',
    enterkeyhint: 'search',
    placeholder: s['search.placeholder'] ?? '',
  });
  // Its visible text is its accessible name; the help line under the results mentions Esc.
  const close = el('button', { type: 'button', class: 'button search-close' }, s['search.close'] ?? '');
  const filterName = 'search-kind';
  const filters = el(
    'fieldset',
    { class: 'search-filter' },
    el('legend', { class: 'sr-only' }, s['search.filter'] ?? ''),
    ...[
      ['', s['search.filterAll']],
      ['article', s['search.filterArticles']],
      ['glossary', s['search.filterGlossary']],
    ].map(([value, label], i) =>
      el('label', {}, el('input', { type: 'radio', name: filterName, value: value!, ...(i === 0 ? { checked: '' } : {}) }), label ?? ''),
    ),
  );
  const status = el('p', { class: 'search-status', role: 'status' });
  const list = el('div', { id: 'search-results', role: 'listbox', 'aria-label': s['search.results'] ?? '' });
  const more = el('button', { type: 'button', class: 'button search-more', hidden: '' }, s['search.more'] ?? '');
  const dialog = el(
    'dialog',
    { class: 'search-dialog', 'aria-labelledby': 'search-title' },
    el(
      'div',
      { class: 'search-panel' },
      el('h2', { id: 'search-title', class: 'sr-only' }, s['search.title'] ?? ''),
      el('div', { class: 'search-bar' }, el('label', { for: 'search-input', class: 'sr-only' }, s['search.title'] ?? ''), input, close),
      filters,
      status,
      list,
      more,
      el('p', { id: 'search-help', class: 'search-help' }, s['search.help'] ?? ''),
    ),
  );
  document.body.append(dialog);

  let pagefind: Promise<Pagefind> | undefined;
  let returnFocus: HTMLElement | null = null;
  let seq = 0;
  let shown = 0;
  let lastResults: PagefindResult[] = [];
  let active = -1;

  const load = () =>
    (pagefind ??= (async () => {
      const pf = (await import(/* @vite-ignore */ opener.dataset.searchBundle ?? '/pagefind/pagefind.js')) as Pagefind;
      // One small index: searching on the main thread avoids fetching Pagefind's worker script.
      // termSimilarity favours the word as typed over longer words it is a prefix of (`hyperv` over
      // `hypervisor`); chosen with the queries of tests/e2e/search.spec.ts.
      // baseUrl '/': the indexed URLs already carry the site's base path.
      await pf.options({ baseUrl: '/', excerptLength: 22, noWorker: true, ranking: { termSimilarity: 9 } });
      await pf.init();
      // init() returns before the WebAssembly and metadata are ready; an empty search waits for
      // them (it loads no index chunk), so the reader's first query does not pay for them.
      await pf.search('');
      return pf;
    })());

  const options = () => [...list.querySelectorAll<HTMLAnchorElement>('[role="option"]')];
  const setActive = (index: number) => {
    const all = options();
    active = all.length === 0 ? -1 : (index + all.length) % all.length;
    all.forEach((o, i) => o.setAttribute('aria-selected', String(i === active)));
    const current = all[active];
    if (current) {
      input.setAttribute('aria-activedescendant', current.id);
      current.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };

  const renderEntry = (entry: ResultEntry, n: number, terms: string[]) => {
    const labelId = `search-group-${n}`;
    const group = el('div', { role: 'group', 'aria-labelledby': labelId, class: 'search-group' });
    group.append(
      el(
        'div',
        { id: labelId, class: 'search-group-title' },
        el('span', {}, ...marked(entry.page, terms)),
        entry.group ? el('small', {}, entry.group) : '',
      ),
    );
    entry.sections.forEach((section, i) => {
      const title = section.isPageTop ? entry.page : section.title;
      group.append(
        el(
          'a',
          {
            role: 'option',
            id: `search-option-${n}-${i}`,
            href: withHighlight(section.url, terms),
            tabindex: '-1',
            'aria-selected': 'false',
            class: i === 0 ? 'search-option' : 'search-option search-option--sub',
          },
          el('span', { class: 'search-option-title' }, ...marked(title, terms)),
          el('span', { class: 'search-option-excerpt' }, ...marked(section.excerpt, terms)),
        ),
      );
    });
    return group;
  };

  /** Shows the next results; with `replace`, the first one replaces the old list (no empty flash). */
  const showPage = async (id: number, query: string, replace = false) => {
    const slice = lastResults.slice(shown, shown + PAGE_SIZE);
    const terms = highlightTerms(query);
    const from = shown;
    shown += slice.length;
    // Fragments load in parallel; each result is shown as soon as it and those above it are in.
    const pending = slice.map((r) => r.data());
    for (const [i, data] of pending.entries()) {
      const entry = toEntry(await data);
      if (id !== seq) return;
      const group = renderEntry(entry, from + i, terms);
      group.dataset.query = query;
      if (replace && i === 0) {
        list.replaceChildren(group);
        setActive(0);
      } else list.append(group);
    }
    if (replace && slice.length === 0) list.replaceChildren();
    more.hidden = shown >= lastResults.length;
  };

  const run = async () => {
    const id = ++seq;
    const query = input.value;
    const normalised = normaliseQuery(query);
    // One Latin letter matches nearly every page: wait for the second (one CJK character is a word).
    if (normalised === '' || (normalised.length < 2 && !/[^\p{Script=Latin}\p{N}]/u.test(normalised))) {
      delete list.dataset.query;
      list.replaceChildren();
      status.textContent = '';
      more.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      setActive(-1);
      return;
    }
    let pf: Pagefind;
    try {
      pf = await load();
    } catch {
      status.textContent = s['search.unavailable'] ?? '';
      return;
    }
    // `data-query` names the query the list shows once it is complete (tests and the benchmark wait for it).
    delete list.dataset.query;
    const kind = filters.querySelector<HTMLInputElement>('input:checked')?.value ?? '';
    // The query with its relation words first ("Dom0 equivalent" is an alias); without them if that finds nothing.
    let found: Awaited<ReturnType<Pagefind['search']>> | null = null;
    for (const form of searchForms(query)) {
      found = await pf.search(form, kind ? { filters: { kind } } : {});
      if (id !== seq || !found || found.results.length > 0) break;
    }
    if (id !== seq || !found) return;
    lastResults = found.results;
    shown = 0;
    await showPage(id, query, true);
    if (id !== seq) return;
    list.dataset.query = query;
    input.setAttribute('aria-expanded', String(lastResults.length > 0));
    status.textContent =
      lastResults.length > 0 ? fill(s['search.count'] ?? '', { n: lastResults.length }) : fill(s['search.none'] ?? '', { q: query.trim() });
    if (lastResults.length === 0) setActive(-1);
  };

  const hide = () => {
    if (dialog.open) dialog.close();
  };
  dialog.addEventListener('close', () => {
    (returnFocus ?? opener).focus();
  });
  // A click on the backdrop (outside the panel) closes the dialog.
  dialog.addEventListener('click', (e) => {
    if (e.target === dialog) hide();
  });
  close.addEventListener('click', hide);
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastInput = 0;
  input.addEventListener('input', () => {
    // The index chunks load at once; fragments only for the query the reader stops at. The first
    // change after a pause (a paste, a single key) searches at once; a burst of keys waits.
    seq++; // results still on their way are for an older query now
    clearTimeout(timer);
    const now = performance.now();
    if (now - lastInput > DEBOUNCE_MS) void run();
    else {
      const normalised = normaliseQuery(input.value);
      if (normalised.length >= 2) void pagefind?.then((pf) => pf.preload(normalised));
      timer = setTimeout(() => void run(), DEBOUNCE_MS);
    }
    lastInput = now;
  });
  filters.addEventListener('change', () => void run());
  more.addEventListener('click', () => {
    const first = shown;
    void showPage(seq, input.value).then(() => {
      setActive(options().findIndex((o) => o.id.startsWith(`search-option-${first}-`)));
      input.focus();
    });
  });
  list.addEventListener('mousemove', (e) => {
    const option = (e.target as HTMLElement).closest('[role="option"]');
    const index = options().indexOf(option as HTMLAnchorElement);
    if (index >= 0 && index !== active) setActive(index);
  });
  input.addEventListener('keydown', (e) => {
    // Keys that confirm or cancel an IME conversion (Japanese input) belong to the IME.
    if (e.isComposing) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(active + (e.key === 'ArrowDown' ? 1 : -1));
    } else if (e.key === 'Enter') {
      const target = options()[active];
      if (target) {
        e.preventDefault();
        location.href = target.href;
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      hide();
    }
  });

  return {
    open(initialText: string) {
      if (!dialog.open) {
        returnFocus =
          document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : opener;
        dialog.showModal();
        status.textContent = pagefind ? '' : (s['search.loading'] ?? '');
        void load().then(
          () => {
            if (status.textContent === s['search.loading']) status.textContent = '';
          },
          () => {
            status.textContent = s['search.unavailable'] ?? '';
          },
        );
      }
      input.focus();
      if (initialText) {
        input.value = initialText;
        void run();
      } else input.select();
    },
  };
}
