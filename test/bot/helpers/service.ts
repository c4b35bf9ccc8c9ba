import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { pino, type Logger } from 'pino';
import type restify from 'restify';
import { openApp, type App } from '../../../src/app/app.js';
import { loadConfig } from '../../../src/config.js';
import { createServer, type ServerOptions } from '../../../src/server/server.js';
import { type LocalIdentity, TENANT_ID } from './local-identity.js';

/**
 * The settings of the service as a single-tenant Bot Framework app whose tokens the local identity signs and checks;
 * `allowedCallers`, when given, are the root bots' app ids a skill accepts.
 */
export function singleTenantBot(identity: LocalIdentity, appId: string, allowedCallers?: string): Record<string, string> {
  return {
    MicrosoftAppId: appId,
    MicrosoftAppType: 'SingleTenant',
    MicrosoftAppPassword: 'placeholder-not-used',
    MicrosoftAppTenantId: TENANT_ID,
    ...(allowedCallers ? { ALLOWED_CALLERS: allowedCallers } : {}),
    BOT_OPENID_METADATA_URL: identity.metadataUrl,
  };
}

export interface RunningService {
  app: App;
  server: restify.Server;
  origin: string;
  /** Every log line the service wrote, parsed. */
  logs: Array<{ level: number; msg: string; [field: string]: unknown }>;
  close(): Promise<void>;
}

let shared: Promise<App> | undefined;

/**
 * One application (embedded store, demo library, trained classifier, knowledge index) for every bot test in
 * this process: training takes seconds, so each service gets the shared one under its own configuration.
 */
function sharedApp(): Promise<App> {
  shared ??= (async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'intent-skill-bot-'));
    const app = await openApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), pino({ level: 'silent' }));
    process.once('exit', () => {
      void app.close();
      rmSync(dataDir, { recursive: true, force: true });
    });
    return app;
  })();
  return shared;
}

/** The real service on a loopback port, configured by `env` (Bot Framework settings and the like). */
export async function startService(env: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningService> {
  const base = await sharedApp();
  const app: App = { ...base, config: loadConfig({ DATA_DIR: base.config.DATA_DIR, LOG_LEVEL: 'silent', ...env }) };
  const logs: RunningService['logs'] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') logs.push(JSON.parse(line) as RunningService['logs'][number]);
      done();
    },
  });
  const logger: Logger = pino({ level: 'info' }, sink);
  const server = createServer(app, logger, options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    app,
    server,
    origin,
    logs,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** A skill call as Copilot Studio sends it: an event activity, replies expected in the HTTP response. */
export function actionActivity(name: string, value: unknown, options: { conversationId?: string; serviceUrl?: string; deliveryMode?: string } = {}): Record<string, unknown> {
  return {
    type: 'event',
    name,
    value,
    id: `activity-${Math.random().toString(36).slice(2)}`,
    channelId: 'pva-studio',
    serviceUrl: options.serviceUrl ?? 'http://127.0.0.1:9/unused',
    deliveryMode: options.deliveryMode ?? 'expectReplies',
    conversation: { id: options.conversationId ?? `skill-${Math.random().toString(36).slice(2)}` },
    from: { id: 'copilot-user', role: 'user' },
    recipient: { id: 'intent-skill', role: 'skill' },
  };
}

export interface PostResult {
  status: number;
  body: unknown;
}

export async function postActivity(origin: string, body: unknown, headers: Record<string, string> = {}): Promise<PostResult> {
  const response = await fetch(`${origin}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) };
}

/** The endOfConversation among expectReplies replies. */
export function endOfConversation(result: PostResult): { code?: string; text?: string; value: Record<string, unknown> } {
  const activities = (result.body as { activities?: Array<{ type: string }> } | undefined)?.activities ?? [];
  const eoc = activities.find((activity) => activity.type === 'endOfConversation');
  if (!eoc) throw new Error(`no endOfConversation in the replies (HTTP ${result.status}): ${JSON.stringify(result.body)}`);
  return eoc as unknown as { code?: string; text?: string; value: Record<string, unknown> };
}
