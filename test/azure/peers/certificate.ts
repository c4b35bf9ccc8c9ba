import https from 'node:https';
import { generate } from 'selfsigned';

export interface TestCertificate {
  cert: string;
  key: string;
  /** An agent that trusts only this certificate, as NODE_EXTRA_CA_CERTS would make every client do. */
  agent: https.Agent;
}

let generated: Promise<TestCertificate> | undefined;

/** A self-signed certificate for 127.0.0.1 and localhost, made once per test process. */
export function testCertificate(): Promise<TestCertificate> {
  generated ??= generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true },
      { name: 'keyUsage', digitalSignature: true, keyCertSign: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }] },
    ],
  }).then((pems) => ({ cert: pems.cert, key: pems.private, agent: new https.Agent({ ca: pems.cert, keepAlive: true }) }));
  return generated;
}
