import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { packageRoot } from '../../../src/config.js';
import { API_KEY, startAssistService } from '../../assist/helpers.js';
import type { RunningService } from '../../bot/helpers/service.js';
import { launchChromium } from './chromium.js';

/** Where page tests leave their screenshots. */
export const ARTIFACTS = path.join(packageRoot, 'test-artifacts');

export interface BrowserSession {
  readonly service: RunningService;
  readonly browser: Browser;
  /** Console errors and uncaught exceptions of every watched page, labelled. */
  readonly problems: string[];
  /** Collects the page's console errors and uncaught exceptions into `problems`. */
  watch(page: Page, label: string): Page;
}

/**
 * The real service (with the assist API key of test/assist/helpers.ts, and `env` on top) and headless Chromium, for
 * the tests of the describe block that calls this: started before them, closed after them.
 */
export function browserSession(env: Record<string, string> = {}): BrowserSession {
  let service: RunningService | undefined;
  let browser: Browser | undefined;
  const problems: string[] = [];

  before(async () => {
    service = await startAssistService({ ASSIST_API_KEY: API_KEY, ...env });
    browser = await launchChromium();
    await mkdir(ARTIFACTS, { recursive: true });
  });

  after(async () => {
    await browser?.close();
    await service?.close();
  });

  const started = <T>(part: T | undefined, name: string): T => {
    if (!part) throw new Error(`the ${name} is not started yet: use it inside a test or hook`);
    return part;
  };
  return {
    get service() {
      return started(service, 'service');
    },
    get browser() {
      return started(browser, 'browser');
    },
    problems,
    watch(page, label) {
      page.on('console', (entry) => {
        if (entry.type() === 'error') problems.push(`${label}: ${entry.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`${label}: ${error.message}`));
      return page;
    },
  };
}
