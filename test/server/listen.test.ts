import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { checkPortFree, describeListenError, listen } from '../../src/server/listen.js';
import { restify } from '../../src/server/restify.js';

describe('listening on a port', () => {
  let holder: Server;
  let port: number;

  before(async () => {
    holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    port = (holder.address() as AddressInfo).port;
  });

  after(async () => {
    await new Promise<void>((resolve) => holder.close(() => resolve()));
  });

  it('a port taken between the check and the listen is a rejection, not an unhandled error event', async () => {
    const server = restify.createServer();
    const error = await listen(server, port).then(
      () => assert.fail('listen succeeded on a taken port'),
      (reason: unknown) => reason,
    );
    assert.equal(describeListenError(error, port), `port ${port} is already in use by another program: stop that program, or set PORT to a free port (for example PORT=${port + 1})`);
  });

  it('the early check refuses the taken port and passes a free one', async () => {
    await assert.rejects(checkPortFree(port), { code: 'EADDRINUSE' });
    await checkPortFree(0);
  });

  it('leaves other errors to whoever called', () => {
    assert.equal(describeListenError(new Error('something else'), port), null);
  });
});
