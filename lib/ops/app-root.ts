/**
 * The application's own directory (the repository): migrations, worker entry files and the
 * embedded database's default folder are found there. The dashboard runs bundled, where a module
 * cannot know where its source lives, and `npm start` runs it from the root, so the default is the
 * working directory; the command line, which people run from anywhere, sets it from its own
 * location before loading anything else (bin/edgestack.js).
 */
let root: string | null = null;

export function appRoot(): string {
  return root ?? process.cwd();
}

export function setAppRoot(dir: string): void {
  root = dir;
}
