import { readFileSync } from 'node:fs';
import path from 'node:path';
import { packageRoot } from '../config.js';

/** This package's version, from its package.json: the skill manifest states it and `intent-skill --version` prints it. */
export function packageVersion(): string {
  const manifest = JSON.parse(readFileSync(path.join(packageRoot, 'package.json'), 'utf8')) as { version?: string };
  return manifest.version ?? '0.0.0';
}
