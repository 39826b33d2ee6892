/** Adds a copy button to each code block; the result is announced to screen readers. */
export function initCopyButtons(): void {
  if (!navigator.clipboard) return;
  const lang = document.documentElement.lang;
  const text =
    lang === 'ja'
      ? { copy: 'コピー', done: 'コピーしました', label: 'コードをコピー' }
      : { copy: 'Copy', done: 'Copied', label: 'Copy code' };
  document.querySelectorAll<HTMLPreElement>('.prose pre').forEach((pre) => {
    const wrap = document.createElement('div');
    wrap.className = 'code-wrap';
    pre.replaceWith(wrap);
    wrap.append(pre);
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = text.copy;
    button.setAttribute('aria-label', text.label);
    const status = document.createElement('span');
    status.className = 'sr-only';
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(pre.innerText.replace(/\n$/, ''));
      button.textContent = text.done;
      status.textContent = text.done;
      setTimeout(() => {
        button.textContent = text.copy;
        status.textContent = '';
      }, 2000);
    });
    wrap.append(button, status);
  });
}
