import { extractDocument } from './pipeline';
import { ImportError, type Decoded, type ExtractedDocument } from './types';

/** The parts of an extraction the write stage and the admin read, without the offsets of every character. */
export type ExtractionSummary = { sha256: string; decoded: Omit<Decoded, 'text'>; document: ExtractedDocument };

/** A worker's answer: an ImportError crosses the thread boundary as a value, since a thrown one would lose its class and code. */
export type WorkerOutcome = { extraction: ExtractionSummary } | { refused: { message: string; code: ImportError['code'] } };

/** The extraction pool's task, run in a worker thread: decode → normalise → split → extract. */
export default function extract(bytes: Uint8Array): WorkerOutcome {
  try {
    const { decoded, sha256, document } = extractDocument(bytes);
    const { original, encoding, byteLength, format } = decoded;
    return { extraction: { sha256, decoded: { original, encoding, byteLength, format }, document } };
  } catch (error) {
    if (error instanceof ImportError) return { refused: { message: error.message, code: error.code } };
    throw error;
  }
}
