// Progressive enhancements for every page. The site works without them; each one is small and
// independent. Kept framework-free: the whole file stays far below the 12 KB budget.
import { initCopyButtons } from './copy-code';
import { initNavDrawer } from './nav-drawer';
import { initTabs } from './tabs';
import { initTermPopovers } from './term-popover';
import { initThemeSwitch } from './theme';
import { initTocHighlight } from './toc';

initThemeSwitch();
initNavDrawer();
initTocHighlight();
initCopyButtons();
initTabs();
initTermPopovers();
