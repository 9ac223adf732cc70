import fs from 'node:fs';
import path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import Table from 'cli-table3';
import type { ImportOptions, ImportReport } from '../importer';
import { compileCms, loadCms } from './boot';

/** cms/, beside the plugins folder, unless CASEBOOK_APP_DIR says otherwise. */
const appDir = () => path.resolve(process.env.CASEBOOK_APP_DIR ?? path.join(__dirname, '..', '..', '..', '..', '..', 'cms'));

const table = (reports: ImportReport[]) => {
  const output = new Table({ head: ['document', 'status', 'cases created', 'cases updated', 'hospitals created', 'initiatives', 'metrics', 'error'] });
  for (const report of reports) {
    output.push([
      path.basename(report.file),
      report.status,
      report.cases.created,
      report.cases.updated,
      report.hospitals.created,
      report.initiatives,
      report.metrics,
      report.error ?? '',
    ]);
  }
  const count = (status: ImportReport['status']) => reports.filter((report) => report.status === status).length;
  return `${output.toString()}\ncreated ${count('created')}, updated ${count('updated')}, unchanged ${count('unchanged')}, failed ${count('failed')}`;
};

/** `casebook import`: boots the CMS (no HTTP server) on its configured database and imports each file in its own transaction. */
export const runImport = async (files: string[], options: ImportOptions): Promise<number> => {
  process.env.LOG_LEVEL ??= 'warn';
  process.env.LOG_STARTUP ??= 'false';
  const cms = { appDir: appDir() };
  await compileCms(cms);
  const strapi = await loadCms(cms);
  const reports: ImportReport[] = [];
  const bar = process.stderr.isTTY ? new SingleBar({ format: 'importing [{bar}] {value}/{total} {file}', stream: process.stderr }, Presets.shades_classic) : null;
  try {
    bar?.start(files.length, 0, { file: '' });
    for (const file of files) {
      bar?.update({ file: path.basename(file) });
      reports.push(await strapi.plugin('casebook').service('importer').importDocument(file, fs.readFileSync(file), options));
      bar?.increment();
    }
  } finally {
    bar?.stop();
    await strapi.destroy();
  }
  console.log(`${options.dryRun ? '(dry run: nothing was written)\n' : ''}${table(reports)}`);
  return reports.some((report) => report.status === 'failed') ? 1 : 0;
};
