#!/usr/bin/env node
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli.js');
if (!existsSync(cli)) {
  console.error('wx-local-cloud is not built yet: run `npm run build` in the repository root first.');
  process.exit(1);
}
require(cli);
