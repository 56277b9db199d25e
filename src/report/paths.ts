import path from 'node:path';

/** A path as printed to users: relative to the working directory, with forward slashes. */
export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return (rel === '' ? '.' : rel).split(path.sep).join('/');
}
