/** Marks the table-of-contents entry of the section being read with aria-current. */
export function initTocHighlight(): void {
  const toc = document.querySelector('[data-toc]');
  if (!toc || !('IntersectionObserver' in window)) return;
  const links = new Map<string, HTMLAnchorElement>();
  toc.querySelectorAll<HTMLAnchorElement>('a[href^="#"]').forEach((a) => links.set(decodeURIComponent(a.hash.slice(1)), a));
  const headings = [...links.keys()].map((id) => document.getElementById(id)).filter((h): h is HTMLElement => h !== null);
  const visible = new Set<Element>();
  const update = () => {
    const first = headings.find((h) => visible.has(h)) ?? headings.filter((h) => h.getBoundingClientRect().top < 0).pop();
    links.forEach((a, id) => {
      if (first && id === first.id) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    });
  };
  const io = new IntersectionObserver(
    (entries) => {
      entries.forEach((e) => (e.isIntersecting ? visible.add(e.target) : visible.delete(e.target)));
      update();
    },
    { rootMargin: '-60px 0px -55% 0px' },
  );
  headings.forEach((h) => io.observe(h));
}
