#!/usr/bin/env node
'use strict';
// The `casebook` command. Its code is the plugin's compiled server code: build it first when missing.
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const entry = path.join(__dirname, '..', 'dist', 'server', 'cli', 'index.js');
if (!fs.existsSync(entry)) {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', path.join(__dirname, '..', 'server', 'tsconfig.json')], { stdio: 'inherit' });
}
require(entry)
  .main(process.argv)
  // Exit once standard output is written out: a large --json printed into a pipe is otherwise cut short.
  .then((code) => process.stdout.write('', () => process.exit(code)))
  .catch((error) => {
    console.error(`casebook: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  });
