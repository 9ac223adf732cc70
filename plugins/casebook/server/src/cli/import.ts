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

/** The cases written without an owner hospital (their document names it only partially), for someone to set it in the admin. */
const unresolvedOwners = (reports: ImportReport[], options: ImportOptions): string => {
  const rows = reports.flatMap((report) => report.unresolvedOwners.map((owner) => ({ file: path.basename(report.file), ...owner })));
  if (rows.length === 0) return '';
  const output = new Table({ head: ['document', 'case', 'the document calls its owner', ...(options.dryRun ? [] : ['documentId'])] });
  for (const row of rows) output.push([row.file, row.title, row.hint ?? '—', ...(options.dryRun ? [] : [row.documentId])]);
  const written = `${options.dryRun ? 'would be' : 'were'} ${options.publish ? 'kept as drafts, not published' : 'written as drafts'}`;
  return `\n${rows.length} case(s) have no owner hospital and ${written}: set each one's hospital in the admin (Content Manager → 案例 Case)\n${output.toString()}`;
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
  console.log(`${options.dryRun ? '(dry run: nothing was written)\n' : ''}${table(reports)}${unresolvedOwners(reports, options)}`);
  return reports.some((report) => report.status === 'failed') ? 1 : 0;
};
