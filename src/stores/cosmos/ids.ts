import { createHash } from 'node:crypto';

/** Characters Cosmos DB accepts in an id and that need no escaping in a resource path. */
const PLAIN_ID = /^[A-Za-z0-9_.:@|=+-]{1,250}$/;
const MAX_ID = 255;

/**
 * The Cosmos DB item id (and partition key) for a store key. Cosmos refuses `/ \ ? #` in ids and limits
 * them to 255 characters, while conversation ids from channels carry anything: such keys are base64url
 * encoded, or hashed when even that is too long. The stored document keeps the original key.
 */
export function itemId(key: string): string {
  if (PLAIN_ID.test(key)) return key;
  const encoded = `b64~${Buffer.from(key, 'utf8').toString('base64url')}`;
  return encoded.length <= MAX_ID ? encoded : `sha~${createHash('sha256').update(key, 'utf8').digest('base64url')}`;
}
