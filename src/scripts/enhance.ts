// Progressive enhancements for every page. The site works without them; each one is small and
// independent. Kept framework-free: the whole file stays far below the 12 KB budget.
import { initCopyButtons } from './copy-code';
import { initCopyLinks } from './copy-link';
import { initNavDrawer } from './nav-drawer';
import { initSearch } from './search-boot';
import { initTabs } from './tabs';
import { initTermPopovers } from './term-popover';
import { initThemeSwitch } from './theme';
import { initTocHighlight } from './toc';

initThemeSwitch();
initNavDrawer();
initTocHighlight();
initCopyButtons();
initCopyLinks();
initTabs();
initTermPopovers();
initSearch();
