import { Worker } from 'node:worker_threads';
import type { IntentLibrary } from '../library/schema.js';
import type { LibraryQuality } from './library-overlap.js';

/**
 * libraryQuality on a thread of its own: cross-validation takes about a second of CPU on the demo library and grows
 * with the library, and a service must keep answering conversations meanwhile.
 */
// Run from source (tests and benches, under tsx) the body is the .ts file beside this one, loaded through tsx's API.
const fromSource = import.meta.url.endsWith('.ts');
const body = new URL(`./library-quality-worker${fromSource ? '.ts' : '.js'}`, import.meta.url);
const start = (library: IntentLibrary) =>
  fromSource
    ? new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(body.href)}); });`, { eval: true, workerData: library })
    : new Worker(body, { workerData: library });

export function libraryQualityInThread(library: IntentLibrary): Promise<LibraryQuality> {
  return new Promise((resolve, reject) => {
    const worker = start(library);
    let settled = false;
    worker.once('message', (quality: LibraryQuality) => {
      settled = true;
      resolve(quality);
    });
    worker.once('error', (error) => {
      settled = true;
      reject(error);
    });
    worker.once('exit', (code) => {
      if (!settled) reject(new Error(`the library quality check stopped (exit code ${code}) before it answered`));
    });
  });
}
