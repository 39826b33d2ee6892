import { execFileSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';

function git(args: string[], cwd: string): string | undefined {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 256 * 1024 * 1024 });
  } catch {
    return undefined;
  }
}

/**
 * Last commit date of every file in a folder (absolute path → date), from one `git log` of the
 * folder: newest commits come first, so a file's first mention is its last change. Merges list the
 * files they changed against every parent, as `git log -1 -- <file>` would show them.
 */
function folderDates(dir: string): Map<string, Date> {
  const dates = new Map<string, Date>();
  const top = git(['rev-parse', '--show-toplevel'], dir)?.trim();
  const log =
    top && git(['-c', 'core.quotePath=false', 'log', '--format=%x00%cI', '--name-only', '--diff-merges=dense-combined', '--', dir], dir);
  if (!top || !log) return dates;
  let date: Date | undefined;
  for (const line of log.split('\n')) {
    if (line.startsWith('\0')) date = new Date(line.slice(1));
    else if (line !== '' && date && !dates.has(resolve(top, line))) dates.set(resolve(top, line), date);
  }
  return dates;
}

// One `git log` per content folder instead of one per page: the per-page processes took most of
// the page-rendering time of a large site.
const folders = new Map<string, Map<string, Date>>();

/**
 * Date of the last commit that touched a file, or undefined outside git or for new files. A build
 * reads each folder's dates once; `fresh` (the dev server, which lives across commits) reads them
 * again, so a page shows a commit made while the server runs.
 */
export function lastUpdated(path: string, options: { fresh?: boolean } = {}): Date | undefined {
  const file = resolve(path);
  const dir = dirname(file);
  let dates = options.fresh ? undefined : folders.get(dir);
  if (!dates) folders.set(dir, (dates = folderDates(dir)));
  return dates.get(file);
}
