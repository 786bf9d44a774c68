import { hash, verify } from "@node-rs/argon2";

// @node-rs/argon2 defaults to argon2id; the parameters follow OWASP's argon2id guidance (19 MiB, t=2, p=1).
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (!passwordHash) {
    // Spend the same time as a real check so that timing does not tell which usernames exist.
    await hash(password, OPTIONS);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Returns a reason the password is too weak, or null. */
export function passwordWeakness(password: string, username: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > 200) return "must be at most 200 characters";
  if (password.toLowerCase().includes(username.toLowerCase())) return "must not contain the username";
  if (new Set(password).size < 5) return "must use more different characters";
  return null;
}
