import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import { zipSync } from 'fflate';
import { packageRoot } from '../config.js';

export const teamsTemplateDir = path.join(packageRoot, 'manifests', 'teams');

export interface TeamsPackageOptions {
  /** The Teams app id (a GUID). */
  appId: string;
  /** The bot's Microsoft App ID, which Teams sends messages for. */
  botId: string;
  /** The service's public origin: its host becomes a valid domain and the developer links point at it. */
  publicUrl?: string;
  /** The app version, x.y.z; default the template's. */
  version?: string;
}

/** The parts of a Teams manifest this package fills in; the rest is carried over from the template. */
export interface Manifest {
  [field: string]: unknown;
  id: string;
  version: string;
  bots?: Array<{ botId: string; [field: string]: unknown }>;
  validDomains?: string[];
  developer: { websiteUrl: string; privacyUrl: string; termsOfUseUrl: string; [field: string]: unknown };
  icons: { color: string; outline: string };
}

/** The template with this deployment's ids filled in (pure). */
export function fillTeamsManifest(template: Manifest, options: TeamsPackageOptions): Manifest {
  const origin = options.publicUrl ? new URL(options.publicUrl) : undefined;
  return {
    ...template,
    id: options.appId,
    version: options.version ?? template.version,
    bots: (template.bots ?? []).map((bot) => ({ ...bot, botId: options.botId })),
    ...(origin
      ? {
          validDomains: [origin.host],
          developer: {
            ...template.developer,
            websiteUrl: origin.origin,
            privacyUrl: `${origin.origin}/privacy`,
            termsOfUseUrl: `${origin.origin}/terms`,
          },
        }
      : {}),
  };
}

export async function readTeamsTemplate(dir = teamsTemplateDir): Promise<Manifest> {
  return JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as Manifest;
}

/** Schema problems of a Teams manifest, checked against the schema shipped with @microsoft/app-manifest (offline). */
export async function teamsManifestProblems(manifest: Manifest): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest);
}

export class TeamsPackageError extends Error {
  override name = 'TeamsPackageError';
}

/** The app package Teams installs: manifest.json and the two icons, zipped at the root. */
export async function buildTeamsPackage(options: TeamsPackageOptions, dir = teamsTemplateDir): Promise<{ zip: Uint8Array; manifest: Manifest }> {
  const manifest = fillTeamsManifest(await readTeamsTemplate(dir), options);
  const problems = await teamsManifestProblems(manifest);
  if (problems.length > 0) throw new TeamsPackageError(`the Teams manifest is not valid:\n  ${problems.join('\n  ')}`);
  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`) };
  for (const icon of [manifest.icons.color, manifest.icons.outline]) files[icon] = await readFile(path.join(dir, icon));
  return { zip: zipSync(files, { level: 9 }), manifest };
}
