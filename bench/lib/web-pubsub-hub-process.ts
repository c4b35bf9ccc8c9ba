/**
 * The tests' local Web PubSub peer and identity endpoint in a process of their own (as the service is not in the
 * bench's process): writes its certificate to the file named by argv[2] and prints one JSON line with the endpoints;
 * runs until it is sent SIGTERM.
 */
import { writeFileSync } from 'node:fs';
import { testCertificate } from '../../test/azure/peers/certificate.js';
import { startIdentityPeer } from '../../test/azure/peers/identity-peer.js';
import { startWebPubSubPeer, WEB_PUBSUB_AUDIENCE } from '../../test/azure/peers/web-pubsub-peer.js';

const caFile = process.argv[2];
if (!caFile) throw new Error('usage: web-pubsub-hub-process.ts <certificate file to write>');
const identity = await startIdentityPeer();
const hub = await startWebPubSubPeer({ bearerToken: identity.tokenFor(WEB_PUBSUB_AUDIENCE) });
writeFileSync(caFile, (await testCertificate()).cert);
console.log(JSON.stringify({ hub: hub.endpoint, identity: identity.endpoint }));
process.once('SIGTERM', () => {
  void Promise.all([hub.close(), identity.close()]).then(() => process.exit(0));
});
