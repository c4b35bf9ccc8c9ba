import { existsSync } from 'node:fs';
import chromium from '@sparticuz/chromium';
import { chromium as playwright, type Browser } from 'playwright-core';

/** The flags these machines need (no sandbox in containers; nothing that phones home). */
const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'];

/**
 * Headless Chromium for page tests: CHROMIUM_PATH if set, else Debian's chromium if installed, else the one the
 * @sparticuz/chromium package unpacks (so `npm install` is all a newcomer needs).
 */
export async function launchChromium(): Promise<Browser> {
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : await chromium.executablePath());
  return playwright.launch({ executablePath, headless: true, args: FLAGS });
}
