/** One file that `tthc generate` owns, with its path relative to `generated/`. */
export interface GeneratedFile {
  path: string;
  content: string;
}
