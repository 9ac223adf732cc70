import fs from 'node:fs';
import path from 'node:path';

const DOCUMENT_EXTENSIONS = new Set(['.txt', '.md', '.html', '.htm']);

/** Files named, and the .txt, .md and .html files under folders named (recursively), in a stable order. */
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
