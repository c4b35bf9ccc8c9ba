import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** The package root, so defaults work from any working directory (src/ under tsx, dist/ when built). */
export const packageRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

const logLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * Every environment variable the service reads, with its default. `.env.example` documents each;
 * the deployment templates set exactly these.
 */
export const configSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  LOG_LEVEL: z.enum(logLevels).default('info'),
  DATA_DIR: z.string().min(1).default('data'),
  SQLITE_PATH: z.string().min(1).optional(),
  LIBRARY_ID: z.string().min(1).default('demo'),
  LIBRARY_SEED_FILE: z.string().min(1).default(path.join(packageRoot, 'samples', 'library.json')),
  KB_DIR: z.string().min(1).default(path.join(packageRoot, 'samples', 'kb')),
  DEFAULT_PHONE_REGION: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter region code such as "US"').default('US'),
});

export type RawConfig = z.output<typeof configSchema>;

export interface Config extends RawConfig {
  sqlitePath: string;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.fromEntries(
    Object.keys(configSchema.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = configSchema.safeParse(known);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  const raw = parsed.data;
  return { ...raw, sqlitePath: raw.SQLITE_PATH ?? path.join(raw.DATA_DIR, 'intent-skill.db') };
}
