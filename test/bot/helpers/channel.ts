import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Activity } from 'botbuilder';

/** One activity a bot posted to the channel. */
export interface Posted {
  conversationId: string;
  /** Set when the bot answered a given activity (`.../activities/{activityId}`); absent for a message of its own. */
  replyToId?: string;
  authorization?: string;
  activity: Partial<Activity>;
}

const ROUTE = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/;

/**
 * A channel's connector service on loopback, as Teams' or Azure Bot Service's: the bot posts its activities to
 * `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`; this records each one, and answers with an error
 * status where a test asks it to.
 */
export class RecordingChannel {
  readonly posted: Posted[] = [];
  private readonly refusals = new Map<string, number>();

  private constructor(
    private readonly server: Server,
    readonly serviceUrl: string,
  ) {}

  static async start(): Promise<RecordingChannel> {
    let channel: RecordingChannel | undefined;
    const server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const match = req.method === 'POST' ? ROUTE.exec(req.url ?? '') : null;
        if (!match?.[1] || !channel) {
          answer(res, 404, { error: { code: 'NotFound', message: 'no such route' } });
          return;
        }
        const conversationId = decodeURIComponent(match[1]);
        const refusal = channel.refusals.get(conversationId);
        if (refusal) {
          answer(res, refusal, { error: { code: 'Refused', message: `refused with ${refusal}` } });
          return;
        }
        channel.posted.push({
          conversationId,
          ...(match[2] ? { replyToId: decodeURIComponent(match[2]) } : {}),
          ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
          activity: JSON.parse(body) as Partial<Activity>,
        });
        answer(res, 200, { id: `posted-${channel.posted.length}` });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    channel = new RecordingChannel(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
    return channel;
  }

  /** What the bot posted to one conversation, in order. */
  to(conversationId: string): Posted[] {
    return this.posted.filter((posted) => posted.conversationId === conversationId);
  }

  /** Answers every later post to the conversation with `status`, as a channel that no longer lets the bot write there. */
  refuse(conversationId: string, status: number): void {
    this.refusals.set(conversationId, status);
  }

  async close(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

function answer(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}
