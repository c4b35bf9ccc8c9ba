import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A load balancer on loopback, as App Service puts in front of its instances: each request goes to the next
 * instance in turn; one that refuses or drops the connection before answering is skipped for the next.
 */
export class RoundRobinProxy {
  /** The origin (http://127.0.0.1:port) that answered each request, in order. */
  readonly handledBy: string[] = [];
  private next = 0;
  private readonly server: http.Server;

  constructor(public upstreams: string[]) {
    this.server = http.createServer((req, res) => void this.forward(req, res));
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async forward(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    for (let attempt = 0; attempt < this.upstreams.length * 3; attempt += 1) {
      const origin = this.upstreams[this.next++ % this.upstreams.length] as string;
      const answered = await this.tryOne(origin, req, body, res);
      if (answered) {
        this.handledBy.push(origin);
        return;
      }
    }
    res.writeHead(502).end('no instance answered');
  }

  /** Resolves true once `origin` answers (the answer then streams through), false when it could not be reached. */
  private tryOne(origin: string, req: http.IncomingMessage, body: Buffer, res: http.ServerResponse): Promise<boolean> {
    return new Promise((resolve) => {
      const upstream = http.request(`${origin}${req.url ?? '/'}`, { method: req.method, headers: { ...req.headers, host: new URL(origin).host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
        answer.on('error', () => res.destroy());
        res.on('close', () => upstream.destroy());
        resolve(true);
      });
      upstream.on('error', () => resolve(false));
      upstream.end(body);
    });
  }
}
