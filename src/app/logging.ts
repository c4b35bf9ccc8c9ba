import { pino, type Logger } from 'pino';
import type { Config } from '../config.js';

/** One JSON logger for the service; secrets are redacted by key wherever they appear. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL'>): Logger {
  return pino({
    level: config.LOG_LEVEL,
    redact: {
      paths: [
        '*.password',
        '*.secret',
        '*.token',
        '*.key',
        '*.apiKey',
        'headers.authorization',
        'req.headers.authorization',
        '*.MicrosoftAppPassword',
        '*.AZURE_COSMOS_KEY',
        '*.AZURE_SEARCH_KEY',
        '*.AZURE_OPENAI_API_KEY',
      ],
      censor: '[redacted]',
    },
  });
}
