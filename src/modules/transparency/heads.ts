import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  sign,
  verify,
} from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Config } from "../../config.js";

/**
 * Signed tree heads. A head states that the log `origin` had `treeSize` entries with root `rootHash` at `timestamp`;
 * the signature is Ed25519 over the text below (one field a line, ending in a newline), so that a verifier needs
 * nothing but node:crypto (scripts/verify-proof.mjs repeats this in a dozen lines).
 *
 *     accord-transparency-log/v1
 *     <origin>
 *     <treeSize>
 *     <rootHash, 64 hex digits>
 *     <timestamp, ISO 8601 UTC with milliseconds>
 *     <keyId>
 */
export interface SignedHead {
  origin: string;
  treeSize: number;
  rootHash: string;
  timestamp: string;
  /** The first 16 hex digits of SHA-256 of the public key's SPKI DER. */
  keyId: string;
  /** SPKI DER, base64: for convenience only; a verifier pins the key it trusts (by id or in full). */
  publicKey: string;
  /** Ed25519, base64. */
  signature: string;
}

export const HEAD_FORMAT = "accord-transparency-log/v1";

export const signedText = (head: Omit<SignedHead, "signature" | "publicKey">) =>
  `${HEAD_FORMAT}\n${head.origin}\n${head.treeSize}\n${head.rootHash}\n${head.timestamp}\n${head.keyId}\n`;

export const keyIdOf = (publicKeyDer: Buffer) =>
  createHash("sha256").update(publicKeyDer).digest("hex").slice(0, 16);

export interface SigningKey {
  privateKey: KeyObject;
  keyId: string;
  /** SPKI DER, base64. */
  publicKey: string;
}

function fromPrivate(privateKey: KeyObject): SigningKey {
  if (privateKey.asymmetricKeyType !== "ed25519")
    throw new Error("the transparency log's signing key must be an Ed25519 key");
  const der = createPublicKey(privateKey).export({ type: "spki", format: "der" });
  return { privateKey, keyId: keyIdOf(der), publicKey: der.toString("base64") };
}

/** A key given as PEM or as base64 of PKCS#8 DER. */
export function parsePrivateKey(text: string): SigningKey {
  const trimmed = text.trim();
  const key = trimmed.startsWith("-----")
    ? createPrivateKey(trimmed)
    : createPrivateKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "pkcs8" });
  return fromPrivate(key);
}

/** A public key given as PEM or as base64 of SPKI DER. */
export function parsePublicKey(text: string): KeyObject {
  const trimmed = text.trim();
  return trimmed.startsWith("-----")
    ? createPublicKey(trimmed)
    : createPublicKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "spki" });
}

export function generateSigningKeyPem(): string {
  const { privateKey } = generateKeyPairSync("ed25519");
  return privateKey.export({ type: "pkcs8", format: "pem" }).toString();
}

const loaded = new Map<string, SigningKey>();

/** The configured key, or the one in the data directory (created with mode 0600 the first time). */
export function signingKey(config: Config): SigningKey {
  const given = config.transparency.signingKey;
  const file = path.join(config.dataDir, "transparency", "signing-key.pem");
  const cacheKey = given ?? file;
  const cached = loaded.get(cacheKey);
  if (cached) return cached;
  let key: SigningKey;
  if (given) key = parsePrivateKey(given);
  else {
    mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    try {
      writeFileSync(file, generateSigningKeyPem(), { flag: "wx", mode: 0o600 });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
    key = parsePrivateKey(readFileSync(file, "utf8"));
  }
  loaded.set(cacheKey, key);
  return key;
}

export function signHead(
  key: SigningKey,
  fields: { origin: string; treeSize: number; rootHash: string; timestamp: string },
): SignedHead {
  const unsigned = { ...fields, keyId: key.keyId };
  const signature = sign(null, Buffer.from(signedText(unsigned)), key.privateKey).toString("base64");
  return { ...unsigned, publicKey: key.publicKey, signature };
}

/** Null when the head is well-formed and signed by `publicKey` (default: the key it carries), else what is wrong. */
export function headProblem(head: SignedHead, publicKey?: KeyObject): string | null {
  if (!/^[0-9a-f]{64}$/.test(head.rootHash ?? "")) return "its root hash is not 64 hex digits";
  if (!Number.isInteger(head.treeSize) || head.treeSize < 0) return "its tree size is not a whole number";
  let key: KeyObject;
  try {
    key = publicKey ?? parsePublicKey(head.publicKey);
  } catch {
    return "its public key cannot be read";
  }
  const der = key.export({ type: "spki", format: "der" });
  if (keyIdOf(der) !== head.keyId)
    return `it names key ${head.keyId}, but the key checked is ${keyIdOf(der)}`;
  const ok = verify(null, Buffer.from(signedText(head)), key, Buffer.from(head.signature ?? "", "base64"));
  return ok ? null : "its signature does not verify";
}
