import { execFileSync } from 'node:child_process';

/** Date of the last commit that touched a file, or undefined outside git or for new files. */
export function lastUpdated(path: string): Date | undefined {
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%cI', '--', path], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
    return out ? new Date(out) : undefined;
  } catch {
    return undefined;
  }
}
