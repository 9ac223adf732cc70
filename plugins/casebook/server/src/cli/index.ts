import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { extractDocument } from '../importer/pipeline';
import { ImportError, type ExtractedDocument } from '../importer/types';

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);

/** Files named, and the .txt, .md and .html files under folders named, in a stable order. */
export const collectPaths = (paths: string[]): string[] => {
  const files: string[] = [];
  const visit = (entry: string) => {
    const stat = fs.statSync(entry);
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(entry).sort()) {
        const child = path.join(entry, name);
        if (fs.statSync(child).isDirectory() || DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase())) visit(child);
      }
    } else {
      files.push(entry);
    }
  };
  for (const entry of paths) {
    if (!fs.existsSync(entry)) throw new Error(`no such file or folder: ${entry}`);
    visit(entry);
  }
  return files;
};

type DocumentReport =
  | ({ file: string; sha256: string; status: 'ok' } & ExtractedDocument)
  | { file: string; sha256: string | null; status: 'error'; error: string };

const extractFile = (file: string): DocumentReport => {
  try {
    const { sha256, document } = extractDocument(fs.readFileSync(file));
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
    .action((paths: string[], options: { json?: boolean }) => {
      const reports = collectPaths(paths).map(extractFile);
      if (options.json) process.stdout.write(`${JSON.stringify({ documents: reports }, null, 2)}\n`);
      else console.log(reports.map(summarise).join('\n'));
      if (reports.some((report) => report.status === 'error')) exitCode = 1;
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof Error && 'exitCode' in error) return Number((error as { exitCode: number }).exitCode);
    throw error;
  }
  return exitCode;
};
