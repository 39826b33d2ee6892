import { chromium } from 'playwright-core';
const [, , path, out, scheme = 'light', width = '1280'] = process.argv;
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
const p = await b.newPage({ viewport: { width: Number(width), height: 900 }, colorScheme: scheme });
const errs = [];
p.on('console', (m) => {
  if (m.type() === 'error') errs.push(m.text());
});
p.on('pageerror', (e) => errs.push(e.message));
await p.goto('http://127.0.0.1:4321' + path);
await p.screenshot({ path: out, fullPage: process.env.FULL === '1' });
console.log(errs.join('\n'));
await b.close();
