/**
 * The service cannot start on this configuration or data (an unwritable data folder, an undeployed Cosmos DB
 * database, a live library with nothing to detect): the message says what is wrong and what to do, in one line.
 */
export class AppStartError extends Error {
  override name = 'AppStartError';
}
