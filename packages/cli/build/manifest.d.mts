// Types of manifest.mjs, for the TypeScript tests that check the staleness decision.
export interface ManifestFile {
  readonly path: string;
  readonly size: number;
  mtimeMs: number;
  readonly sha256: string;
}
export interface Manifest {
  readonly format: number;
  readonly root: string;
  readonly node: string;
  readonly outputs: string[];
  readonly files: ManifestFile[];
}
export const CLI_DIR: string;
export const ROOT: string;
export const DIST: string;
export const BUILD_FORMAT: number;
export function manifestOf(outputs: readonly string[], inputs: readonly string[], root?: string): Manifest;
export function writeManifest(m: Manifest, dist?: string): void;
export function staleReason(dist?: string, root?: string): string | undefined;
