import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../../../..');
const CRUISER = path.join(ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs');

type Violation = { rule: { name: string }; from: string; to: string };

/** The violations of the project's import rules (.dependency-cruiser.cjs) among `paths`, as dependency-cruiser reports them. */
const violationsIn = (...paths: string[]): Violation[] => {
  const output = execFileSync(process.execPath, [CRUISER, '--config', '.dependency-cruiser.cjs', '--output-type', 'json', '--no-progress', ...paths], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return (JSON.parse(output) as { summary: { violations: Violation[] } }).summary.violations;
};

const tree = (files: Record<string, string>): string => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'casebook-wings-'));
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  }
  return root;
};

describe("the plugin's wings", () => {
  test('import no circle and enter one another through their index alone (and the SDK has no circle)', () => {
    const plugin = path.join(ROOT, 'plugins/casebook');
    expect(violationsIn(path.join(plugin, 'server/src'), path.join(plugin, 'admin/src'), path.join(ROOT, 'client-sdk/src'))).toEqual([]);
  }, 60_000);

  test('are checked by rules that catch a circle, a deep import across wings, and a deep import from the top or the admin', () => {
    const root = tree({
      'server/src/entry.ts': "import { inner } from './alpha/inner';\nexport const entry = inner;\n",
      'server/src/alpha/index.ts': "export { inner } from './inner';\n",
      'server/src/alpha/inner.ts': 'export const inner = 1;\n',
      'server/src/alpha/__tests__/inner.test.ts': "import { inner } from '../../beta/hidden';\nexport const seen = inner;\n",
      'server/src/beta/index.ts': "import { inner } from '../alpha/inner';\nexport const beta = inner;\n",
      'server/src/beta/hidden.ts': 'export const inner = 2;\n',
      'server/src/gamma/index.ts': "import type { Two } from './two';\nexport type One = { two?: Two };\n",
      'server/src/gamma/two.ts': "import type { One } from './index';\nexport type Two = { one?: One };\n",
      'admin/src/page.ts': "import { inner } from '../../server/src/alpha/inner';\nimport { beta } from '../../server/src/beta';\nexport const page = [inner, beta];\n",
      'admin/src/typed.ts': "import type { One } from '../../server/src/gamma';\nimport { label } from '../../server/src/closed-sets';\nexport const typed: One = { two: undefined };\nexport const shown = label;\n",
      'server/src/closed-sets/index.ts': "export const label = 'closed';\n",
    });
    try {
      const found = violationsIn(root).map(({ rule, from, to }) => `${rule.name}: ${path.relative(root, path.resolve(ROOT, from))} → ${path.relative(root, path.resolve(ROOT, to))}`);
      expect(found.sort()).toEqual(
        [
          'admin-through-wing-index: admin/src/page.ts → server/src/alpha/inner.ts',
          'admin-values-from-closed-sets: admin/src/page.ts → server/src/alpha/inner.ts',
          'admin-values-from-closed-sets: admin/src/page.ts → server/src/beta/index.ts',
          'no-circular: server/src/gamma/index.ts → server/src/gamma/two.ts',
          'top-level-through-wing-index: server/src/entry.ts → server/src/alpha/inner.ts',
          'wing-through-its-index: server/src/beta/index.ts → server/src/alpha/inner.ts',
        ].sort(),
      );
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  }, 60_000);
});
