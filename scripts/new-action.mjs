#!/usr/bin/env node
// Scaffolds one new action of an existing cloud function, so that it starts with everything the project asks of an
// action: `npm run new:action -- <function> <action> [access]` (access: signedIn, member, staff, unitAdmin,
// countyAdmin; default signedIn). It adds the contract entry, the request schema, the action file with its declared
// access, the line in the function's table, the access-table and fuzz entries, and a test file; then it prints what
// is left to fill in. Each later edit is the ordinary work of the action.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ACCESS = ['signedIn', 'member', 'staff', 'unitAdmin', 'countyAdmin'];

/** Who may call, for the test file: an openid of the test county that holds the access. */
const CALLER = {
  signedIn: { id: 'stranger', setup: '' },
  member: { id: 'member-1', setup: "\n  await verifiedMember(t, 'member-1');" },
  staff: { id: 'staff-C01', setup: '' },
  unitAdmin: { id: 'admin-U01', setup: '' },
  countyAdmin: { id: 'county', setup: '' },
};

function fail(message) {
  console.error(message);
  process.exit(1);
}

const kebab = (name) => name.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
const pascal = (name) => name[0].toUpperCase() + name.slice(1);

/** The index just past the `}` that closes the `{` at `open`. */
function closingBrace(text, open) {
  let depth = 0;
  for (let i = open; i < text.length; i += 1) {
    if (text[i] === '{') depth += 1;
    else if (text[i] === '}') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  fail('Unbalanced braces while scaffolding.');
}

/** Inserts `lines` as the last entries of the `{ … }` block that starts at the first match of `start`. */
function appendToBlock(file, start, lines) {
  const full = path.join(ROOT, file);
  const text = readFileSync(full, 'utf8');
  const match = start.exec(text);
  if (!match) fail(`${file}: cannot find ${start} — add the entry by hand.`);
  const open = text.indexOf('{', match.index + match[0].length - 1);
  const lineStart = text.lastIndexOf('\n', closingBrace(text, open)) + 1;
  const before = text.slice(0, lineStart).replace(/\s*$/, '');
  const comma = /[{,;]$/.test(before) ? '' : ',';
  writeFileSync(full, `${before}${comma}\n${lines}\n${text.slice(lineStart)}`);
  return file;
}

function create(file, text) {
  const full = path.join(ROOT, file);
  if (existsSync(full)) fail(`${file} already exists.`);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, text);
  return file;
}

const [fn, action, access = 'signedIn'] = process.argv.slice(2);
if (!fn || !action) fail('Usage: npm run new:action -- <function> <action> [access]');
if (!/^[a-z][a-zA-Z]*$/.test(action)) fail('The action name is camelCase, e.g. listPosts.');
if (!ACCESS.includes(access)) fail(`Access is one of: ${ACCESS.join(', ')}.`);
if (!existsSync(path.join(ROOT, 'cloudfunctions', fn, 'index.ts'))) fail(`No function cloudfunctions/${fn}/.`);
const contract = `types/api/${fn}.ts`;
if (new RegExp(`^\\s+${action}:`, 'm').test(readFileSync(path.join(ROOT, contract), 'utf8'))) {
  fail(`${fn}.${action} is already in ${contract}.`);
}

const file = kebab(action);
const inputs = `${fn.toUpperCase()}_INPUTS`;
const touched = [];

touched.push(
  appendToBlock(
    contract,
    new RegExp(`export interface ${pascal(fn)}Api \\{`),
    `  /** ${access}: what ${action} does (fill in). */\n  ${action}: { req: Record<string, never>; res: Record<string, never> };`,
  ),
);

const schemas = `domain/schemas/${fn}.ts`;
touched.push(appendToBlock(schemas, new RegExp(`export const ${inputs} = \\{`), `  ${action}: noInput,`));
const schemaText = readFileSync(path.join(ROOT, schemas), 'utf8');
if (!/\bnoInput\b[^\n]*from '\.\/common'/.test(schemaText)) {
  writeFileSync(
    path.join(ROOT, schemas),
    schemaText.replace(
      /import \{([^}]*)\} from '\.\/common';/,
      (all, names) => `import {${names.trimEnd()}, noInput } from './common';`,
    ),
  );
}

touched.push(
  create(
    `cloudfunctions/${fn}/${file}.ts`,
    `import { ${inputs} } from '../../domain/schemas/${fn}';
import { defineAction } from '../_shared/handler';

/** What ${action} does, for whom (fill in). */
export const ${action} = defineAction<'${fn}', '${action}'>({
  access: '${access}',
  input: ${inputs}.${action},
  async run() {
    return {};
  },
});
`,
  ),
);

const index = `cloudfunctions/${fn}/index.ts`;
const indexText = readFileSync(path.join(ROOT, index), 'utf8');
writeFileSync(
  path.join(ROOT, index),
  indexText
    .replace(
      /(import \{ defineFunction \} from '\.\.\/_shared\/handler';\n)/,
      `$1import { ${action} } from './${file}';\n`,
    )
    .replace(
      /defineFunction<'([a-z]+)'>\(\{([^}]*)\}\)/,
      (all, name, list) => `defineFunction<'${name}'>({${list.trimEnd()}, ${action} })`,
    ),
);
touched.push(index);

touched.push(
  appendToBlock(
    'cloudfunctions/test/access.test.ts',
    new RegExp(`^  ${fn}: \\{`, 'm'),
    `    ${action}: { access: '${access}', valid: {} },`,
  ),
);
touched.push(
  appendToBlock('server/test/contract-actions.ts', new RegExp(`^  ${fn}: \\{`, 'm'), `    ${action}: nothing,`),
);

const caller = CALLER[access];
touched.push(
  create(
    `cloudfunctions/test/${fn}/${file}.test.ts`,
    `import type { TestCloud } from 'wx-local-cloud/testing';
import { ok, seedCounty, startFunctionsCloud${caller.setup ? ', verifiedMember' : ''} } from '../helpers';

let t: TestCloud;
beforeAll(async () => {
  t = await startFunctionsCloud();
  await seedCounty(t);${caller.setup}
});
afterAll(() => t.close());

describe('${fn}.${action}', () => {
  test('answers the caller it is for (replace with what it really does)', async () => {
    expect(await ok(t, '${caller.id}', '${fn}', '${action}', {})).toEqual({});
  });
});
`,
  ),
);

spawnSync(
  process.execPath,
  [path.join(ROOT, 'node_modules', 'prettier', 'bin', 'prettier.cjs'), '--write', ...touched],
  {
    cwd: ROOT,
    stdio: 'ignore',
  },
);
console.log(`Scaffolded ${fn}.${action} (${access}). Files:`);
for (const name of touched) console.log(`  ${name}`);
console.log(`
Next: describe the request and answer in ${contract}, write its schema in ${schemas}, the work in
cloudfunctions/${fn}/${file}.ts, a valid request in cloudfunctions/test/access.test.ts and the fields to fuzz in
server/test/contract-actions.ts, and the tests (success, refusals change nothing, concurrency where there is a slot).
Then: npm run build:functions && npx jest cloudfunctions/test/${fn}/${file} cloudfunctions/test/access`);
