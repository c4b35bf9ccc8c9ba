import { parentPort, workerData } from 'node:worker_threads';
import type { IntentLibrary } from '../library/schema.js';
import { libraryQuality } from './library-overlap.js';

/** The body of the thread libraryQualityInThread starts: one check, its result posted back. */
parentPort?.postMessage(libraryQuality(workerData as IntentLibrary));
