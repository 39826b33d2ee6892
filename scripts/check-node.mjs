// Fails loudly when an npm script would run on a Node older than Astro 7 needs.
// The repo brings Node 22 as the `node` devDependency; `npm ci --ignore-scripts` skips its install
// script and silently leaves the machine's older Node in charge.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `error: this project needs Node >= 22.12, but the script runs on Node ${process.versions.node}.\n` +
      'The repository installs Node 22 as a devDependency (package "node"). Run `npm ci` (without ' +
      '--ignore-scripts) so that its install script places it in node_modules/.bin, then use `npm run …`.',
  );
  process.exit(1);
}
