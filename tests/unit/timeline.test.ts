import { readFileSync } from 'node:fs';
import type { Heading, Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parse } from './helpers';

// The timeline's contract (issue #8): every event is dated in its heading and sourced in its body,
// and the events run in date order.

interface TimelineEvent {
  heading: string;
  line: number;
  date: string;
  body: RootContent[];
}

/** The `###` sections of the timeline; a `##` (a year) ends the event before it. */
function events(tree: Root): TimelineEvent[] {
  const out: TimelineEvent[] = [];
  let current: TimelineEvent | undefined;
  for (const node of tree.children) {
    if (node.type === 'heading' && node.depth <= 3) {
      current = undefined;
      if (node.depth < 3) continue;
      const text = toString(node as Heading);
      current = {
        heading: text,
        line: node.position?.start.line ?? 0,
        date: /^(\d{4}-\d{2}(?:-\d{2})?) — /.exec(text)?.[1] ?? '',
        body: [],
      };
      out.push(current);
    } else current?.body.push(node);
  }
  return out;
}

/** Citation keys (`[@id]`) in the body of an event, as the author wrote them. */
const citations = (source: string, event: TimelineEvent) => {
  const start = event.body[0]?.position?.start.offset ?? 0;
  const end = event.body.at(-1)?.position?.end.offset ?? start;
  return [...source.slice(start, end).matchAll(/\[@([a-z0-9-]+)/g)].map((m) => m[1]);
};

describe('the timeline (content/en/timeline.mdx)', () => {
  const source = readFileSync('content/en/timeline.mdx', 'utf8').replace(/^---[\s\S]*?\n---\n/, (m) =>
    '\n'.repeat(m.split('\n').length - 1),
  );
  const tree = parse(source);
  const all = events(tree);

  it('has events', () => expect(all.length).toBeGreaterThan(30));

  it('dates every event in its heading ("YYYY-MM[-DD] — what")', () => {
    expect(all.filter((e) => !e.date).map((e) => `line ${e.line}: ${e.heading}`)).toEqual([]);
  });

  it('cites at least one source for every event', () => {
    expect(all.filter((e) => citations(source, e).length === 0).map((e) => `line ${e.line}: ${e.heading}`)).toEqual([]);
  });

  it('lists the events in date order', () => {
    const dates = all.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
  });
});
