import { fork, type ChildProcess } from 'node:child_process';
import type { AddressInfo } from 'node:net';

/** Set in a bench's child process: it only ever serves, and must never start servers of its own. */
export const BENCH_CHILD_ENV = 'INTENT_SKILL_BENCH_CHILD';

/** A server run by a bench in a child process of its own, so that its CPU time is its own. */
export interface Served {
  process: ChildProcess;
  /** http://127.0.0.1:<port> */
  origin: string;
}

/** In the child: listens on a free loopback port, tells the parent which, and answers each message with its CPU time. */
export function serveInChild(server: { listen(port: number, host: string, done: () => void): unknown; address(): AddressInfo | string | null }): void {
  process.on('message', () => {
    const { user, system } = process.cpuUsage();
    process.send?.({ cpuMicros: user + system });
  });
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
}

/** In the parent: runs `script` with `args` (it must call serveInChild) and resolves once it listens. */
export function startChild(script: string, args: readonly string[], what: string): Promise<Served> {
  const proc = fork(script, [...args], { execArgv: ['--import', 'tsx'], stdio: 'inherit', env: { ...process.env, [BENCH_CHILD_ENV]: '1' } });
  return new Promise((resolve, reject) => {
    proc.once('message', (message: { port: number }) => resolve({ process: proc, origin: `http://127.0.0.1:${message.port}` }));
    proc.once('exit', (code) => reject(new Error(`the ${what} exited with ${code}`)));
  });
}

/** CPU time (user + system) the served process has used so far, in microseconds. */
export function cpuOf(served: Served): Promise<number> {
  return new Promise((resolve) => {
    served.process.once('message', (message: { cpuMicros: number }) => resolve(message.cpuMicros));
    served.process.send('cpu');
  });
}

/** Whether this process is a bench's child, started to serve. */
export function isBenchChild(): boolean {
  return process.env[BENCH_CHILD_ENV] === '1';
}
