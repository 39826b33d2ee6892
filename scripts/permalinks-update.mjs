// `npm run permalinks:update [-- --prune]` (README, "Permalinks"): builds the site and, from the
// built pages, writes the permalink manifest `<content>/permalinks.json`: every page and anchor the
// build serves, plus every listed one that still works through an alias or a redirect. Entries that
// no longer work stay listed (the build then fails on them) unless `--prune` retires them.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--prune');
if (unknown.length > 0) {
  console.error(`permalinks:update: unknown argument(s) ${unknown.join(' ')}. Usage: npm run permalinks:update [-- --prune]`);
  process.exit(2);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = spawnSync(process.execPath, [join(root, 'node_modules/astro/bin/astro.mjs'), 'build'], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', PERMALINKS_UPDATE: args.includes('--prune') ? 'prune' : 'add' },
});
process.exit(result.status ?? 1);
