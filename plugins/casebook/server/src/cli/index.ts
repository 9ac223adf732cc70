import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { createExtractionPool, extractDocument, ImportError, type ExtractedDocument, type ExtractionPool } from '../importer';
import { collectPaths } from './files';
import { corpusSet, evaluate, formatEvaluation, pooled, seedSet, type EvaluationSet } from './eval';
import { runImport } from './import';
import { figuresOf, formatTallies, MEASURES, type Measure } from './score';

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
    lines.push(`  • ${extracted.hospital ?? `(owner not named in full: ${extracted.owner.hint ?? 'no words for it'})`} — ${extracted.title}`);
    lines.push(`    ${extracted.initiatives.length} initiatives, ${extracted.metrics.length} metrics, people: ${extracted.people.map((person) => person.name).join('、') || '—'}`);
  }
  if (report.metrics.length > 0) lines.push(`  document-level metrics: ${report.metrics.length}`);
  return lines.join('\n');
};

/** Runs the command line; resolves to the exit code (1 when any document failed). */
export { collectPaths };

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
    .option('--publish', 'publish the imported cases instead of leaving them as drafts (a case without an owner hospital stays a draft)')
    .option('--replace <documentId>', 'make the document a new version of this case (or of the cases of this source document), whatever its text')
    .argument('<paths...>', 'files, or folders searched for .txt, .md and .html files')
    .action(async (paths: string[], options: { dryRun?: boolean; publish?: boolean; replace?: string }) => {
      const files = collectPaths(paths);
      if (options.replace && files.length !== 1) program.error('--replace names what one document replaces: give exactly one file', { exitCode: 2 });
      exitCode = await runImport(files, options);
    });
  program
    .command('eval')
    .description("score the extraction against the annotated seeds and corpus with the shared scorer's matching, by genre and pooled")
    .option('--seeds <dir>', 'the repository whose seeds/documents and seeds/expected are scored', '.')
    .option('--corpus <dir>', 'the annotated corpus (docs/, expected/, sources.tsv); scored when present', '../shared/corpus')
    .option('--documents', "print each document's tallies too")
    .option('--json', 'print the tallies as one JSON document')
    .option('--min <measure=F1...>', 'exit 1 when a pooled F1 over every set is below this (owner, case, metric, initiative)', (value: string, all: string[] = []) => [...all, value])
    .action(async (options: { seeds: string; corpus: string; documents?: boolean; json?: boolean; min?: string[] }) => {
      const minimums = new Map<Measure, number>();
      for (const entry of options.min ?? []) {
        const [measure, figure] = entry.split('=');
        if (!MEASURES.includes(measure as Measure) || !figure || Number.isNaN(Number(figure))) program.error(`--min takes measure=F1 with a measure among ${MEASURES.join(', ')}: ${entry}`, { exitCode: 2 });
        minimums.set(measure as Measure, Number(figure));
      }
      const sets: EvaluationSet[] = [seedSet(options.seeds)];
      if (fs.existsSync(options.corpus)) sets.push(corpusSet(options.corpus));
      else console.error(`casebook eval: no corpus at ${options.corpus}; scoring the seeds alone`);
      const evaluation = await evaluate(sets, async (bytes) => extractDocument(bytes).document);
      const all = pooled(evaluation.documents);
      if (options.json) process.stdout.write(`${JSON.stringify({ ...evaluation, pooled: all }, null, 2)}\n`);
      else {
        if (options.documents) {
          for (const document of evaluation.documents) {
            console.log(`${path.basename(document.file)}: ${document.refused ? `refused (${document.refused}) ` : ''}${formatTallies(document.tallies)}`);
          }
        }
        console.log(formatEvaluation(evaluation));
      }
      for (const [measure, minimum] of minimums) {
        const { f1 } = figuresOf(all[measure]);
        if (f1 < minimum) {
          console.error(`casebook eval: pooled ${measure} F1 ${f1.toFixed(3)} is below ${minimum}`);
          exitCode = 1;
        }
      }
    });
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof Error && 'exitCode' in error) return Number((error as { exitCode: number }).exitCode);
    throw error;
  }
  return exitCode;
};
