/**
 * A throwaway PKI for the signature tests: a root CA, an intermediate, and leaves (Alexa's SAN, a wrong SAN,
 * an expired one), plus request signing the way Alexa signs. Keys come from node:crypto, certificates from
 * node-forge (a dependency of ask-sdk-express-adapter).
 */
import { generateKeyPairSync, sign, X509Certificate } from 'node:crypto';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const forge: any = require('node-forge');

interface KeyPair {
  privatePem: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  forgePrivate: any;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  forgePublic: any;
}

function keyPair(): KeyPair {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const privatePem = privateKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  return {
    privatePem,
    forgePrivate: forge.pki.privateKeyFromPem(privatePem),
    forgePublic: forge.pki.publicKeyFromPem(publicPem),
  };
}

let serial = 1;

interface Issued {
  pem: string;
  keys: KeyPair;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  subject: any[];
}

function issue(
  commonName: string,
  issuer: Issued | 'self',
  options: { ca: boolean; san?: string[]; notBefore?: Date; notAfter?: Date },
): Issued {
  const keys = keyPair();
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.forgePublic;
  cert.serialNumber = (serial++).toString(16).padStart(4, '0');
  const now = Date.now();
  cert.validity.notBefore = options.notBefore ?? new Date(now - 24 * 3600_000);
  cert.validity.notAfter = options.notAfter ?? new Date(now + 30 * 24 * 3600_000);
  const subject = [
    { name: 'commonName', value: commonName },
    { name: 'organizationName', value: 'Test PKI' },
  ];
  cert.setSubject(subject);
  cert.setIssuer(issuer === 'self' ? subject : issuer.subject);
  const extensions: unknown[] = [
    { name: 'basicConstraints', cA: options.ca, critical: true },
    options.ca
      ? { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true }
      : { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
  ];
  if (options.san) {
    extensions.push({
      name: 'subjectAltName',
      altNames: options.san.map((value) =>
        /^\d+\.\d+\.\d+\.\d+$/.test(value) ? { type: 7, ip: value } : { type: 2, value },
      ),
    });
  }
  cert.setExtensions(extensions);
  const signer = issuer === 'self' ? keys : issuer.keys;
  cert.sign(signer.forgePrivate, forge.md.sha256.create());
  return { pem: forge.pki.certificateToPem(cert), keys, subject };
}

export interface TestPki {
  root: X509Certificate;
  /** Leaf + intermediate, as Alexa serves it. */
  chain: string;
  /** Same shape, signed by a root nobody trusts. */
  untrustedChain: string;
  wrongSanChain: string;
  expiredChain: string;
  /** Signs a body with the leaf key: the Signature-256 header value. */
  sign(body: string): string;
  /** A certificate for 127.0.0.1 (TLS for the server itself). */
  server: { cert: string; key: string; ca: string };
}

export function createTestPki(): TestPki {
  const root = issue('Test Root CA', 'self', { ca: true });
  const intermediate = issue('Test Intermediate CA', root, { ca: true });
  const leaf = issue('echo-api.amazon.com', intermediate, { ca: false, san: ['echo-api.amazon.com'] });
  const wrongSan = issue('not-alexa.example.com', intermediate, {
    ca: false,
    san: ['not-alexa.example.com'],
  });
  const expired = issue('echo-api.amazon.com', intermediate, {
    ca: false,
    san: ['echo-api.amazon.com'],
    notBefore: new Date(Date.now() - 10 * 24 * 3600_000),
    notAfter: new Date(Date.now() - 24 * 3600_000),
  });
  const otherRoot = issue('Untrusted Root', 'self', { ca: true });
  const otherIntermediate = issue('Untrusted Intermediate', otherRoot, { ca: true });
  const otherLeaf = issue('echo-api.amazon.com', otherIntermediate, {
    ca: false,
    san: ['echo-api.amazon.com'],
  });
  const server = issue('127.0.0.1', root, { ca: false, san: ['127.0.0.1'] });
  return {
    root: new X509Certificate(root.pem),
    chain: leaf.pem + intermediate.pem,
    untrustedChain: otherLeaf.pem + otherIntermediate.pem,
    wrongSanChain: wrongSan.pem + intermediate.pem,
    expiredChain: expired.pem + intermediate.pem,
    sign: (body) => sign('sha256', Buffer.from(body, 'utf8'), leaf.keys.privatePem).toString('base64'),
    server: { cert: server.pem, key: server.keys.privatePem, ca: root.pem },
  };
}
