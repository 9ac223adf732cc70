import os from 'node:os';
import path from 'node:path';
import Piscina from 'piscina';
import { ImportError } from './types';
import type { ExtractionSummary, WorkerOutcome } from './worker';

/** How long one document may take to extract (waiting for a free thread included) before it is given up. */
export const EXTRACTION_TIME_LIMIT_MS = 30_000;

/** Heap of one extraction thread: a 5 MB page of 2,500 cases needs about 130 MB. */
const EXTRACTION_HEAP_MB = 512;

export type ExtractionPool = {
  /**
   * decode → normalise → split → extract, in a worker thread.
   * @throws ImportError when the document is refused, took longer than the time limit (code 'timeout') or needed
   * more memory than a thread has (code 'too-large').
   */
  extract(bytes: Uint8Array): Promise<ExtractionSummary>;
  /** Stops the threads; a later extract starts them again. */
  destroy(): Promise<void>;
};

/**
 * Worker threads (piscina) for the CPU-bound stages of the importer, which run on untrusted uploads: the
 * server's main thread keeps answering while a document is extracted, and a document that takes too long
 * or too much memory is given up, its thread terminated, with an ImportError. Threads start on first use
 * and stop after a minute idle; there is one for each core beyond the main thread's, and at most two. The
 * pool runs the compiled worker.js beside this file (dist/server/importer), so it is not for tests that
 * run the TypeScript sources: those call the stages directly.
 */
export const createExtractionPool = ({ timeLimitMs = EXTRACTION_TIME_LIMIT_MS } = {}): ExtractionPool => {
  let pool: Piscina<Uint8Array, WorkerOutcome> | null = null;
  const threads = () =>
    (pool ??= new Piscina({
      filename: path.join(__dirname, 'worker.js'),
      minThreads: 0,
      maxThreads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: EXTRACTION_HEAP_MB },
    }));

  return {
    async extract(bytes) {
      const timeout = AbortSignal.timeout(timeLimitMs);
      let outcome: WorkerOutcome;
      try {
        outcome = await threads().run(bytes, { signal: timeout });
      } catch (error) {
        if (timeout.aborted) {
          throw new ImportError(
            `the document took more than ${timeLimitMs / 1000} s to extract and was given up; split it into smaller documents, or report it if it is an ordinary one`,
            'timeout',
          );
        }
        if (error instanceof Error && 'code' in error && error.code === 'ERR_WORKER_OUT_OF_MEMORY') {
          throw new ImportError(`the document needed more than ${EXTRACTION_HEAP_MB} MB of memory to extract and was given up`, 'too-large');
        }
        throw error;
      }
      if ('refused' in outcome) throw new ImportError(outcome.refused.message, outcome.refused.code);
      return outcome.extraction;
    },

    async destroy() {
      const running = pool;
      pool = null;
      await running?.destroy();
    },
  };
};
