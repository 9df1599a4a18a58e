import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(path) : [path];
  });
}

/** Sizes of a built mini-program: the main package and each subpackage (roots from app.json), in bytes. */
export function packageSizes(dist: string): { main: number; subpackages: Record<string, number>; total: number } {
  const app = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>;
    subpackages?: Array<{ root: string }>;
  };
  const roots = (app.subPackages ?? app.subpackages ?? []).map((pkg) => pkg.root.replace(/\/?$/, '/'));
  const subpackages: Record<string, number> = Object.fromEntries(roots.map((root) => [root, 0]));
  let main = 0;
  let total = 0;
  for (const file of filesUnder(dist)) {
    const path = relative(dist, file);
    if (path === 'project.config.json' || path.endsWith('.map')) continue;
    const size = statSync(file).size;
    total += size;
    const root = roots.find((r) => path.startsWith(r));
    if (root) subpackages[root] += size;
    else main += size;
  }
  return { main, subpackages, total };
}
