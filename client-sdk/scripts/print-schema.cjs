#!/usr/bin/env node
// npm run schema:print — boots the CMS on a throw-away SQLite database and writes the GraphQL schema it
// serves to client-sdk/schema.graphql (the SDK's contract; the schema test fails when they differ).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { fetchLiveSchema, printSnapshot } = require('./live-schema.cjs');

const ROOT = path.resolve(__dirname, '..', '..');
const SNAPSHOT = path.join(ROOT, 'client-sdk', 'schema.graphql');

const main = async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-schema-'));
  Object.assign(process.env, {
    STRAPI_TELEMETRY_DISABLED: 'true',
    NODE_ENV: 'development',
    SERVE_ADMIN: 'false',
    LOG_LEVEL: 'error',
    LOG_STARTUP: 'false',
    DATABASE_CLIENT: 'sqlite',
    DATABASE_FILENAME: path.join(dir, 'schema.db'),
    // The descriptions state the configured read window: the contract is printed with the default one.
    CASEBOOK_VIEW_WINDOW_MINUTES: '30',
  });
  delete process.env.DATABASE_URL;
  const { compileCms, loadCms } = require('@casebook/strapi-plugin/boot');
  const cms = { appDir: path.join(ROOT, 'cms') };
  await compileCms(cms);
  const strapi = await loadCms(cms);
  try {
    strapi.server.mount();
    const server = strapi.server.httpServer;
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const schema = await fetchLiveSchema(`http://127.0.0.1:${server.address().port}/graphql`);
    fs.writeFileSync(SNAPSHOT, printSnapshot(schema));
    console.log(`wrote ${path.relative(process.cwd(), SNAPSHOT)}`);
  } finally {
    await strapi.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
