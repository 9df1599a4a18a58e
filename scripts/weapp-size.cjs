// Sizes of a built mini-program: the main package is every file not under a `subPackages[].root` of app.json.
// Shared by scripts/weapp-quality.mjs (and its test) and the benchmark.
const { readFileSync, readdirSync, statSync } = require('node:fs');
const path = require('node:path');

/** Every file under dir, as posix paths relative to dir, with its size. */
function listFiles(dir, prefix = '') {
  const out = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    const abs = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...listFiles(abs, rel));
    else if (entry.isFile()) out.push({ path: rel, size: statSync(abs).size });
  }
  return out;
}

/** Main package vs subpackages of the build in `buildDir`, in bytes, by the roots its app.json declares. */
function measurePackages(buildDir) {
  const appJson = JSON.parse(readFileSync(path.join(buildDir, 'app.json'), 'utf8'));
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/^\/+|\/+$/g, ''));
  const files = listFiles(buildDir);
  const subPackages = Object.fromEntries(roots.map((r) => [r, 0]));
  let mainPackage = 0;
  const mainFiles = [];
  for (const file of files) {
    const root = roots.find((r) => file.path === r || file.path.startsWith(`${r}/`));
    if (root) subPackages[root] += file.size;
    else {
      mainPackage += file.size;
      mainFiles.push(file);
    }
  }
  mainFiles.sort((a, b) => b.size - a.size);
  return {
    mainPackage,
    subPackages,
    total: files.reduce((sum, f) => sum + f.size, 0),
    fileCount: files.length,
    largestMainFiles: mainFiles.slice(0, 8),
  };
}

module.exports = { measurePackages };
