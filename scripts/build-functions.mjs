// Bundles each cloud function (cloudfunctions/<name>/index.ts plus the shared code it imports) into a deployable
// folder dist-cloud/<name>/ with index.js, config.json and a package.json that lists wx-server-sdk for the cloud to
// install. wx-server-sdk stays external: the function code is exactly what would be uploaded to WeChat.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const source = join(root, 'cloudfunctions');
const out = join(root, 'dist-cloud');
const sdkVersion = JSON.parse(readFileSync(join(root, 'node_modules/wx-server-sdk/package.json'), 'utf8')).version;

const names = readdirSync(source, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(source, entry.name, 'index.ts')))
  .map((entry) => entry.name);

rmSync(out, { recursive: true, force: true });
for (const name of names) {
  const dir = join(out, name);
  mkdirSync(dir, { recursive: true });
  await build({
    entryPoints: [join(source, name, 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    platform: 'node',
    target: 'node16',
    format: 'cjs',
    external: ['wx-server-sdk'],
    legalComments: 'none',
    logLevel: 'warning',
  });
  const config = join(source, name, 'config.json');
  writeFileSync(join(dir, 'config.json'), existsSync(config) ? readFileSync(config) : '{}\n');
  const manifest = { name, version: '1.0.0', main: 'index.js', dependencies: { 'wx-server-sdk': `~${sdkVersion}` } };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
}
console.log(`built ${names.length} cloud functions into dist-cloud/: ${names.join(', ')}`);
