import type { AddressInfo } from 'node:net';
import type { Server } from 'restify';
import { MESSAGES_PATH, SKILL_MANIFEST_PATH } from './bot-routes.js';
import { MCP_PATH } from './mcp-routes.js';

/** What a person opens or points a client at, in the order the start line names them. */
const PLACES = [
  { key: 'chat', path: '/chat', label: 'Web Chat' },
  { key: 'assist', path: '/assist', label: 'assist (representatives)' },
  { key: 'messages', path: MESSAGES_PATH, label: 'Bot Framework endpoint' },
  { key: 'skillManifest', path: SKILL_MANIFEST_PATH, label: 'skill manifest' },
  { key: 'assistApi', path: '/api/conversations', label: 'assist API' },
  { key: 'mcp', path: MCP_PATH, label: 'MCP tools' },
  { key: 'health', path: '/healthz', label: 'health' },
  { key: 'ready', path: '/readyz', label: 'readiness' },
] as const;

export type PlaceName = (typeof PLACES)[number]['key'];

export interface StartSummary {
  /** Each place this server routes, as a full URL (no /chat when Web Chat is off). */
  urls: Partial<Record<PlaceName, string>>;
  /** The same, as one line for a person. */
  message: string;
}

/** Where a person reaches the service: PUBLIC_URL when set, else localhost on the port it listens on. */
export function reachableOrigin(server: Server, publicUrl: string | undefined): string {
  if (publicUrl) return new URL(publicUrl).origin;
  return `http://localhost:${(server.address() as AddressInfo).port}`;
}

export function startSummary(server: Server, origin: string): StartSummary {
  const routed = new Set(Object.values(server.router.getRoutes()).map((route) => String(route.path)));
  const places = PLACES.filter((place) => routed.has(place.path));
  const urls = Object.fromEntries(places.map((place) => [place.key, `${origin}${place.path}`]));
  const message = `intent-skill is listening on ${origin}: ${places.map((place) => `${place.label} ${origin}${place.path}`).join(' · ')}`;
  return { urls, message };
}
