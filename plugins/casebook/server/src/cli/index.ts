import fs from 'node:fs';
import { Command } from 'commander';
import { collectPaths, createExtractionPool, ImportError, type ExtractedDocument, type ExtractionPool } from '../importer';
import { runImport } from './import';

type DocumentReport =
  | ({ file: string; sha256: string; status: 'ok' } & ExtractedDocument)
  | { file: string; sha256: string | null; status: 'error'; error: string };

const extractFile = async (pool: ExtractionPool, file: string): Promise<DocumentReport> => {
  try {
    const { sha256, document } = await pool.extract(fs.readFileSync(file));
    return { file, sha256, status: 'ok', ...document };
  } catch (error) {
    if (error instanceof ImportError) return { file, sha256: null, status: 'error', error: error.message };
    throw error;
  }
};

const summarise = (report: DocumentReport): string => {
  if (report.status === 'error') return `✗ ${report.file}: ${report.error}`;
  const lines = [`✓ ${report.file} (${report.cases.length} cases, ${report.hospitals.length} hospitals, sha256 ${report.sha256.slice(0, 12)})`];
  for (const extracted of report.cases) {
    lines.push(`  • ${extracted.hospital} — ${extracted.title}`);
    lines.push(`    ${extracted.initiatives.length} initiatives, ${extracted.metrics.length} metrics, people: ${extracted.people.map((person) => person.name).join('、') || '—'}`);
  }
  if (report.metrics.length > 0) lines.push(`  document-level metrics: ${report.metrics.length}`);
  return lines.join('\n');
};

/** Runs the command line; resolves to the exit code (1 when any document failed). */
export const main = async (argv: string[]): Promise<number> => {
  let exitCode = 0;
  const program = new Command('casebook').description('Casebook: import health-sector party-building cases').exitOverride();
  program
    .command('extract')
    .description('extract hospitals, cases, initiatives and metrics from documents, without any database')
    .option('--json', 'print exactly one JSON document on standard output')
    .argument('<paths...>', 'files, or folders searched for .txt, .md and .html files')
    .action(async (paths: string[], options: { json?: boolean }) => {
      // The server's extraction threads and time limit: a file that takes too long is reported, not waited for.
      const pool = createExtractionPool();
      const reports: DocumentReport[] = [];
      try {
        for (const file of collectPaths(paths)) reports.push(await extractFile(pool, file));
      } finally {
        await pool.destroy();
      }
      if (options.json) process.stdout.write(`${JSON.stringify({ documents: reports }, null, 2)}\n`);
      else console.log(reports.map(summarise).join('\n'));
      if (reports.some((report) => report.status === 'error')) exitCode = 1;
    });
  program
    .command('import')
    .description('import documents into the configured database (the CMS environment variables) as drafts')
    .option('--dry-run', 'report what would be created, updated or left unchanged, and write nothing')
    .option('--publish', 'publish the imported cases instead of leaving them as drafts')
    .option('--replace <documentId>', 'make the document a new version of this case (or of the cases of this source document), whatever its text')
    .argument('<paths...>', 'files, or folders searched for .txt, .md and .html files')
    .action(async (paths: string[], options: { dryRun?: boolean; publish?: boolean; replace?: string }) => {
      const files = collectPaths(paths);
      if (options.replace && files.length !== 1) program.error('--replace names what one document replaces: give exactly one file', { exitCode: 2 });
      exitCode = await runImport(files, options);
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof Error && 'exitCode' in error) return Number((error as { exitCode: number }).exitCode);
    throw error;
  }
  return exitCode;
};
