'use strict';

// The server part is TypeScript, compiled by `npm run build -w plugins/casebook` into dist/server.
module.exports = require('./dist/server');
