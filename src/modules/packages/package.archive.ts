import { gunzipSync, gzipSync } from "node:zlib";

/**
 * A package is a gzip'd POSIX (ustar) tar archive of plain members. Node has gzip but no tar, and the members are
 * few and small enough to hold in memory, so the format is written and read here (no library): 512-byte headers,
 * the content padded to 512 bytes, two zero blocks at the end. Reading accepts only regular files with a valid
 * header checksum and safe names, and stops at a fixed size, so a hostile archive cannot exhaust memory.
 */
const BLOCK = 512;
/** The most a package may unpack to. */
export const MAX_PACKAGE_BYTES = 1024 * 1_048_576;

export class ArchiveInvalidError extends Error {}

function header(name: string, size: number, mtime: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  const put = (text: string, offset: number, length: number) => block.write(text, offset, length, "ascii");
  const octal = (value: number, length: number) => value.toString(8).padStart(length - 1, "0");
  put(name, 0, 100);
  put(octal(0o644, 8), 100, 8);
  put(octal(0, 8), 108, 8);
  put(octal(0, 8), 116, 8);
  put(octal(size, 12), 124, 12);
  put(octal(mtime, 12), 136, 12);
  put("        ", 148, 8); // checksum field counts as spaces while summing
  put("0", 156, 1);
  put("ustar\u000000", 257, 8);
  let sum = 0;
  for (const byte of block) sum += byte;
  put(`${octal(sum, 7)}\u0000`, 148, 8);
  return block;
}

const padding = (size: number) => Buffer.alloc((BLOCK - (size % BLOCK)) % BLOCK);

/** The archive of these members, in this order, gzip'd. */
export function writeArchive(members: { name: string; data: Buffer }[], at: Date): Buffer {
  const mtime = Math.floor(at.getTime() / 1000);
  const parts: Buffer[] = [];
  for (const member of members) {
    if (!/^[a-z0-9_.-]{1,99}$/.test(member.name)) throw new Error(`bad member name ${member.name}`);
    parts.push(header(member.name, member.data.length, mtime), member.data, padding(member.data.length));
  }
  parts.push(Buffer.alloc(BLOCK * 2));
  return gzipSync(Buffer.concat(parts));
}

const field = (block: Buffer, offset: number, length: number) =>
  block
    .subarray(offset, offset + length)
    .toString("ascii")
    .replace(/\0.*$/s, "")
    .trim();

/** The members of a package archive by name; refuses anything that is not a plain, well-formed archive. */
export function readArchive(archive: Buffer): Map<string, Buffer> {
  let tar: Buffer;
  try {
    tar = gunzipSync(archive, { maxOutputLength: MAX_PACKAGE_BYTES });
  } catch (error) {
    throw new ArchiveInvalidError(`not a gzip'd package archive (${(error as Error).message})`);
  }
  const members = new Map<string, Buffer>();
  let offset = 0;
  while (offset + BLOCK <= tar.length) {
    const block = tar.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) return members;
    let sum = 0;
    for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 32 : block[i]!;
    if (Number.parseInt(field(block, 148, 8), 8) !== sum)
      throw new ArchiveInvalidError(`a member header at byte ${offset} is damaged`);
    const name = field(block, 0, 100);
    const type = field(block, 156, 1);
    const size = Number.parseInt(field(block, 124, 12), 8);
    if (!/^[a-z0-9_.-]{1,99}$/.test(name) || (type !== "0" && type !== ""))
      throw new ArchiveInvalidError(`unexpected member ${JSON.stringify(name)} in the archive`);
    if (!Number.isSafeInteger(size) || offset + BLOCK + size > tar.length)
      throw new ArchiveInvalidError(`member ${name} is truncated`);
    if (members.has(name)) throw new ArchiveInvalidError(`member ${name} appears twice`);
    members.set(name, tar.subarray(offset + BLOCK, offset + BLOCK + size));
    offset += BLOCK + size + padding(size).length;
  }
  throw new ArchiveInvalidError("the archive has no end (truncated)");
}
