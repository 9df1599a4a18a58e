#!/usr/bin/env node
/**
 * Offline code-quality report for the weapp build (dist/), with WeChat's own checker.
 *
 *   npm run build:weapp && node scripts/weapp-quality.mjs
 *
 * Runs miniprogram-ci's `checkCodeQuality` (the checks DevTools shows as 代码质量 before an upload) and `analyseCode`
 * on the project at the repository root: project.config.json there decides the compile settings and points at the
 * build (`miniprogramRoot`). Both work offline. miniprogram-ci insists on an appid and an upload key, so a throwaway
 * RSA key is generated into a temporary directory on every run and deleted afterwards (nothing is signed or sent).
 *
 * It also measures the packages itself: the main package is every file of the build that is not under a
 * `subPackages[].root` of app.json (WeChat's limit: 2 MB for the main package).
 *
 * Prints a short summary, then one line `QUALITY_JSON {...}` with everything (see `report` below).
 * Exit code: 0 when the checks ran (whatever their results), 1 on an error, 2 when there is no build.
 */
import { generateKeyPairSync } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { measurePackages } = require('./weapp-size.cjs');

/** WeChat's upload limit for the main package (and for each subpackage). */
const MAIN_PACKAGE_LIMIT = 2 * 1024 * 1024;
/** Any well-formed appid: the offline checks never send it anywhere. */
const PLACEHOLDER_APPID = 'wx0000000000000000';

const projectRoot = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));

function fail(code, message) {
  console.error(message);
  process.exit(code);
}

/** Relative to the working directory when inside it, else absolute. */
function shortPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

function readJson(file) {
  return JSON.parse(readFileSync(file, 'utf8'));
}

/** A small summary of miniprogram-ci's dependency analysis (the full result lists every module). */
function summariseAnalysis(analysis) {
  const files = analysis?.files ?? [];
  const modules = analysis?.modules ?? [];
  const bytesByPackage = {};
  for (const f of files) {
    const key = f.subPackage ?? '__APP__';
    bytesByPackage[key] = (bytesByPackage[key] ?? 0) + f.size;
  }
  const modulesByType = {};
  for (const m of modules) modulesByType[m.type] = (modulesByType[m.type] ?? 0) + 1;
  return {
    fileCount: files.length,
    moduleCount: modules.length,
    modulesByType,
    bytesByPackage,
    largestFiles: [...files]
      .sort((a, b) => b.size - a.size)
      .slice(0, 5)
      .map((f) => ({ path: f.path, size: f.size })),
  };
}

async function main() {
  const configFile = path.join(projectRoot, 'project.config.json');
  if (!existsSync(configFile)) fail(2, `No project.config.json in ${projectRoot}.`);
  const projectConfig = readJson(configFile);
  const miniprogramRoot = projectConfig.miniprogramRoot || '';
  const buildDir = path.join(projectRoot, miniprogramRoot);
  const appJsonFile = path.join(buildDir, 'app.json');
  if (!existsSync(appJsonFile)) {
    fail(2, `No weapp build: ${shortPath(appJsonFile)} is missing. Run \`npm run build:weapp\` first.`);
  }
  const appJson = readJson(appJsonFile);
  const measured = measurePackages(buildDir);
  const sizes = {
    ...measured,
    mainPackageLimit: MAIN_PACKAGE_LIMIT,
    mainPackageUnderLimit: measured.mainPackage < MAIN_PACKAGE_LIMIT,
  };

  // Loaded only now: requiring miniprogram-ci prints a line and starts services.
  const ci = require('miniprogram-ci');
  // The texts DevTools shows (代码质量), in Chinese.
  ci.locales.setLocale('zh');

  const keyDir = mkdtempSync(path.join(tmpdir(), 'weapp-quality-'));
  try {
    const { privateKey } = generateKeyPairSync('rsa', {
      modulusLength: 2048,
      publicKeyEncoding: { type: 'spki', format: 'pem' },
      privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    });
    const privateKeyPath = path.join(keyDir, `private.${PLACEHOLDER_APPID}.key`);
    writeFileSync(privateKeyPath, privateKey, { mode: 0o600 });

    // The project is the repository root (so its project.config.json applies); only the build is of interest,
    // so everything else at the root is left out of miniprogram-ci's file scan (node_modules is by default).
    const buildTop = miniprogramRoot.replace(/^\.?\/+/, '').split('/')[0];
    const ignores = readdirSync(projectRoot)
      .filter((name) => name !== buildTop && name !== 'project.config.json')
      .flatMap((name) => [name, `${name}/**`]);
    const project = new ci.Project({
      appid: PLACEHOLDER_APPID,
      type: 'miniProgram',
      projectPath: projectRoot,
      privateKeyPath,
      ignores,
    });

    // A check that throws is reported as passed by miniprogram-ci (it only logs the error): catch those.
    const checkErrors = [];
    const consoleError = console.error;
    console.error = (...args) => {
      checkErrors.push(args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}` : String(a))).join(' '));
      consoleError(...args);
    };
    let results;
    try {
      results = await ci.checkCodeQuality(project);
    } finally {
      console.error = consoleError;
    }

    const checks = results.map(({ name, success, text, detail }) => ({
      name,
      success: Boolean(success),
      text,
      ...(detail === undefined ? {} : { detail }),
    }));

    let analysis;
    try {
      analysis = summariseAnalysis(await ci.analyseCode(project, { silent: true }));
    } catch (e) {
      analysis = { error: e instanceof Error ? e.message : String(e) };
    }

    const report = {
      projectPath: projectRoot,
      miniprogramRoot,
      setting: projectConfig.setting ?? {},
      lazyCodeLoading: appJson.lazyCodeLoading ?? null,
      checks,
      checkErrors,
      sizes,
      analysis,
    };

    console.log('');
    console.log(`weapp quality (${shortPath(buildDir)})`);
    for (const c of checks) console.log(`  ${c.success ? 'pass' : 'FAIL'}  ${c.name.padEnd(30)} ${c.text ?? ''}`);
    const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
    console.log(`  main package ${kb(sizes.mainPackage)} (limit ${kb(MAIN_PACKAGE_LIMIT)})`);
    for (const [root, size] of Object.entries(sizes.subPackages)) console.log(`  ${root} ${kb(size)}`);
    console.log(`QUALITY_JSON ${JSON.stringify(report)}`);
  } finally {
    rmSync(keyDir, { recursive: true, force: true });
  }
}

main().then(
  // miniprogram-ci leaves a file watcher running: exit explicitly.
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
