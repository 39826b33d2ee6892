import { describe, expect, it } from 'vitest';
import { toHtml } from 'hast-util-to-html';
import { toHast } from 'mdast-util-to-hast';
import { accessibleText, diagramId, mermaidDiagrams, parseCaption } from '../../src/plugins/mermaid';
import { mergeThemes } from '../../src/integrations/mermaid/theme-merge';
import { browserCandidates, findBrowser, findBuildBrowser } from '../../src/integrations/mermaid/find-browser';
import { file, parse } from './helpers';

const diagram = (body: string, meta = '') => `Intro.\n\n\`\`\`mermaid ${meta}\nflowchart LR\n${body}\n\`\`\`\n`;
const good = '  accTitle: Two boxes\n  accDescr: Root points to child.\n  A --> B';
const stub = async (code: string, id: string) =>
  `<svg id="${id}" aria-roledescription="flowchart"><g><text>${code.length}</text></g></svg>`;

describe('mermaid helpers', () => {
  it('reads the caption from the fence meta', () => {
    expect(parseCaption('caption="Who runs where"')).toBe('Who runs where');
    expect(parseCaption('caption="Say \\"hi\\""')).toBe('Say "hi"');
    expect(parseCaption('')).toBeUndefined();
  });
  it('finds accTitle and single-line or block accDescr', () => {
    expect(accessibleText(good)).toEqual({ title: 'Two boxes', descr: 'Root points to child.' });
    expect(accessibleText('accTitle: T\naccDescr {\n  Line one\n  line two\n}')).toEqual({ title: 'T', descr: 'Line one line two' });
  });
  it('makes stable ids from source and position', () => {
    expect(diagramId('a', 1)).toBe(diagramId('a', 1));
    expect(diagramId('a', 1)).not.toBe(diagramId('a', 2));
    expect(diagramId('a', 1)).toMatch(/^dgm-[0-9a-f]{8}-1$/);
  });
});

describe('mermaidDiagrams transform (renderer stubbed)', () => {
  it('replaces the fence with an accessible figure holding the SVG', async () => {
    const tree = parse(diagram(good, 'caption="Two boxes"'));
    await mermaidDiagrams(stub)(tree, file());
    const html = toHtml(toHast(tree));
    expect(html).toMatch(/<figure class="diagram" aria-labelledby="(dgm-[\w-]+)-name" aria-describedby="\1-desc">/);
    expect(html).toContain('<div class="diagram-scroll" tabindex="0" role="group"');
    expect(html).toContain('<svg id="dgm-');
    expect(html).toContain('<span id="');
    expect(html).toContain('>Root points to child.</span>');
    expect(html).toContain('<figcaption>Two boxes</figcaption>');
    expect(html).not.toContain('language-mermaid');
  });

  it('fails when accTitle or accDescr is missing, naming the fence line', async () => {
    const tree = parse(diagram('  accTitle: Only a title\n  A --> B'));
    await expect(mermaidDiagrams(stub)(tree, file('en', 12))).rejects.toThrow(/^content\/en\/test\.mdx:15:1: diagram has no `accDescr:`/);
  });

  it('maps a Mermaid parse error to the line in the content file', async () => {
    const failing = async () => {
      throw Object.assign(new Error('Parse error on line 4: unexpected token'), { line: 4 });
    };
    const tree = parse(diagram(good));
    // Fence on line 3 of the body, error on line 4 of the diagram, 10 lines of frontmatter.
    await expect(mermaidDiagrams(failing)(tree, file('en', 10))).rejects.toThrow(
      /test\.mdx:17:1: Mermaid could not parse the diagram: Parse error on line 4/,
    );
  });

  it('leaves other code blocks alone', async () => {
    const tree = parse('```c\nint x;\n```');
    await mermaidDiagrams(stub)(tree, file());
    expect(toHtml(toHast(tree))).toContain('language-c');
  });
});

describe('mergeThemes', () => {
  it('turns differing colours into light-dark() and keeps equal ones', () => {
    const light = '<svg><style>#d .node{fill:#ECECFF;stroke:#333}</style><path fill="#ECECFF"/></svg>';
    const dark = '<svg><style>#d .node{fill:#1f2020;stroke:#333}</style><path fill="#1f2020"/></svg>';
    expect(mergeThemes(light, dark)).toBe(
      '<svg><style>#d .node{fill:light-dark(#ECECFF, #1f2020);stroke:#333}</style><path style="fill:light-dark(#ECECFF, #1f2020)"/></svg>',
    );
  });
  it('keeps the light rendering when the two differ only in numbers (id counters)', () => {
    expect(mergeThemes('<svg><g id="actor1" fill="#fff"/></svg>', '<svg><g id="actor3" fill="#000"/></svg>')).toBe(
      '<svg><g id="actor1" style="fill:light-dark(#fff, #000)"/></svg>',
    );
  });
  it('gives up when the drawings differ in more than colours and numbers', () => {
    expect(mergeThemes('<svg><rect/></svg>', '<svg><path/></svg>')).toBeUndefined();
  });
});

describe('findBrowser', () => {
  it('prefers an explicit path and explains a wrong one', () => {
    expect(browserCandidates({ CHROMIUM_PATH: '/x/chrome' })[0]).toBe('/x/chrome');
    expect(() => findBrowser({ CHROMIUM_PATH: '/nonexistent/chrome' })).toThrow(/CHROMIUM_PATH is set to `\/nonexistent\/chrome`/);
  });
  it('says how to install a browser when none exists', () => {
    expect(() => findBrowser({}, () => false)).toThrow(/apt-get install -y chromium/);
    expect(findBrowser({}, (p) => p === '/usr/bin/google-chrome')).toBe('/usr/bin/google-chrome');
    const candidates = browserCandidates({});
    expect(candidates).toContain('/usr/bin/chromium');
    expect(candidates.indexOf('/usr/bin/chromium')).toBeLessThan(candidates.indexOf('/usr/bin/google-chrome'));
  });
  it('renders with the headless shell when it is installed, else with any Chromium; an explicit path wins', () => {
    const shell = '/usr/lib/chromium/chromium-headless-shell';
    const env = { PLAYWRIGHT_BROWSERS_PATH: '/nonexistent' };
    expect(findBuildBrowser(env, (p) => p === shell || p === '/usr/bin/chromium')).toBe(shell);
    expect(findBuildBrowser(env, (p) => p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
    expect(findBuildBrowser({ ...env, CHROMIUM_PATH: '/x/chrome' }, () => true)).toBe('/x/chrome');
    expect(() => findBuildBrowser(env, () => false)).toThrow(/apt-get install -y chromium/);
    // The browser tests use the full browser, not the shell.
    expect(findBrowser(env, (p) => p === shell || p === '/usr/bin/chromium')).toBe('/usr/bin/chromium');
  });
});
