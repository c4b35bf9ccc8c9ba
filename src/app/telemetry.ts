import type { Config } from '../config.js';

export type StopTelemetry = () => Promise<void>;

/**
 * Starts OpenTelemetry export to Application Insights when a connection string is configured, and
 * returns the function that flushes and stops it; null, with nothing loaded, without one.
 * Call it first at start. HTTP spans of this ESM app also need the loader hook registered before any
 * module loads: `node --import @azure/monitor-opentelemetry/loader ...` (deploy/ starts the app so).
 */
export async function startTelemetry(config: Pick<Config, 'APPLICATIONINSIGHTS_CONNECTION_STRING'>): Promise<StopTelemetry | null> {
  const connectionString = config.APPLICATIONINSIGHTS_CONNECTION_STRING;
  if (!connectionString) return null;
  const { useAzureMonitor, shutdownAzureMonitor } = await import('@azure/monitor-opentelemetry');
  useAzureMonitor({ azureMonitorExporterOptions: { connectionString } });
  return shutdownAzureMonitor;
}
