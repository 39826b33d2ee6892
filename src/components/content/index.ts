import Callout from './Callout.astro';
import Figure from './Figure.astro';
import Misconception from './Misconception.astro';
import Tab from './Tab.astro';
import Tabs from './Tabs.astro';

/** Components every article can use without importing them. */
export const contentComponents = { Callout, Figure, Misconception, Tab, Tabs };
