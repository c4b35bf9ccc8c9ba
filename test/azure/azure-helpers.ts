import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createAzureClients, type AzureClients } from '../../src/azure/clients.js';
import { azureSettings } from '../../src/azure/settings.js';
import { loadConfig, type Config } from '../../src/config.js';
import { testCertificate } from './peers/certificate.js';

/** Not secrets: the local peers accept any key. */
export const LOCAL_SEARCH_KEY = 'local-search-peer-key';
export const LOCAL_OPENAI_KEY = 'local-openai-peer-key';

export function azureConfig(env: Record<string, string>): Config {
  return loadConfig({ DATA_DIR: os.tmpdir(), ...env });
}

export async function clientsFor(config: Config): Promise<AzureClients> {
  return createAzureClients(azureSettings(config), { httpsAgent: (await testCertificate()).agent });
}

/** A knowledge-base folder with the given articles (file name -> Markdown with front matter). */
export function knowledgeBase(articles: Record<string, string>): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'intent-skill-kb-'));
  for (const [name, text] of Object.entries(articles)) fs.writeFileSync(path.join(dir, name), text);
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export const articles = {
  'reset-router.md': '---\ntitle: Reset your router\ntags: [router-reset, internet]\nurl: https://help.example.com/reset-router\n---\nHold the reset button for ten seconds until the router light blinks.\n',
  'error-e42.md': '---\ntitle: Error E42 on the display\ntags: [device-error]\n---\nError E42 means the firmware update failed. Restart the device and retry the update.\n',
  'billing-faq.md': '---\ntitle: Billing questions\ntags: [billing]\n---\nInvoices are sent on the first day of the month. Refunds take five business days.\n',
};
