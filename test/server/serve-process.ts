import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../cli/run-cli.js';

export interface LogLine {
  level: number;
  msg: string;
  [field: string]: unknown;
}

/** `intent-skill serve` in a child process, as a user's shell starts it, with its output as it comes. */
export class ServeProcess {
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;
  private readonly child: ChildProcessWithoutNullStreams;

  constructor(env: NodeJS.ProcessEnv) {
    this.child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src', 'cli', 'main.ts'), 'serve'], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child.stdout.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    this.child.stderr.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.exited = new Promise((resolve, reject) => {
      this.child.on('error', reject);
      this.child.on('close', (code) => resolve(code));
    });
  }

  /** The JSON log lines written so far. */
  logs(): LogLine[] {
    return this.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as LogLine);
  }

  /** The first log line that `matches`, waiting for it; fails if the process ends first. */
  async line(matches: (line: LogLine) => boolean): Promise<LogLine> {
    for (let ended = false; ; ) {
      const found = this.logs().find(matches);
      if (found) return found;
      if (ended) throw new Error(`serve ended before the expected log line:\n${this.stdout}\n${this.stderr}`);
      ended = await Promise.race([this.exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), 100))]);
    }
  }

  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

export interface ServeInstance {
  serve: ServeProcess;
  /** http://127.0.0.1:port */
  origin: string;
}

/** `intent-skill serve` on a free port with `env`; resolves with its origin once it listens. */
export async function startServeInstance(env: NodeJS.ProcessEnv): Promise<ServeInstance> {
  const serve = new ServeProcess({ PORT: '0', LIBRARY_RELOAD_SECONDS: '0', ...env });
  const started = await serve.line((line) => typeof line.urls === 'object');
  const health = (started.urls as Record<string, string>).health ?? '';
  return { serve, origin: new URL(health).origin.replace('localhost', '127.0.0.1') };
}
