// Plain JS on purpose: it must run (and explain itself) on the old system Node before any .ts file loads.
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  console.error(
    `ieum needs Node.js 24 or newer; this is Node ${process.versions.node} (${process.execPath}).\n` +
      'Run it through npm (npm start, npm test, npx ieum …): npm puts the pinned Node 24 from node_modules first on PATH.\n' +
      'If node_modules is missing or was installed with --ignore-scripts, run `npm ci` first.',
  );
  process.exit(1);
}
