import Module, { createRequire } from 'node:module';
import type * as Restify from 'restify';

/**
 * restify itself, for every file of the HTTP layer (types come from 'restify' directly).
 *
 * restify 11 requires spdy when it loads (lib/server.js, line 14) although it uses spdy only when a server is created
 * with the `spdy` option, which this service never passes. spdy loads http-deceiver, which calls
 * process.binding('http_parser') twice as it loads, so Node printed DEP0111 twice at every start
 * (restify/node-restify#1876; restify's master loads spdy lazily since #1943, in no release as of 11.1.0).
 * A stand-in registered under spdy's own path, as restify resolves it, keeps spdy and http-deceiver from loading at all.
 */
function loadRestify(): typeof Restify {
  const require = createRequire(import.meta.url);
  const spdyPath = createRequire(require.resolve('restify')).resolve('spdy');
  if (!require.cache[spdyPath]) {
    const standIn = new Module(spdyPath);
    standIn.filename = spdyPath;
    standIn.loaded = true;
    standIn.exports = {
      createServer: () => {
        throw new Error('spdy is not loaded: intent-skill serves HTTP/1.1 (src/server/restify.ts)');
      },
    };
    require.cache[spdyPath] = standIn;
  }
  return require('restify') as typeof Restify;
}

export const restify = loadRestify();
