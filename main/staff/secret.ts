import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';

/**
 * PINs and passwords are kept only as scrypt hashes (memory-hard, in node:crypto, no
 * dependency) with a salt of their own. The cost is stored with each hash, so it can be
 * raised later without locking anyone out. N = 2^15, r = 8 takes 32 MB and about a
 * tenth of a second here: slow for a guesser with the database file, unnoticed at the
 * desk. A six-digit PIN is still only a million guesses offline: what keeps it safe in
 * use is the lockout (main/staff/service.ts), and the database stays on the clinic PC.
 */
const cost = { N: 2 ** 15, r: 8, p: 1 };
const keyLength = 32;

function derive(secret: string, salt: Buffer, params: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret.normalize('NFC'), salt, keyLength, { ...params, maxmem: 128 * params.N * params.r * 2 }, (e, key) => (e ? reject(e) : resolve(key))),
  );
}

export async function hashSecret(secret: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(secret, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifySecret(secret: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const given = await derive(secret, Buffer.from(salt, 'base64'), { N: Number(N), r: Number(r), p: Number(p) });
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A PIN is digits only (the keypad); anything else is a password. */
export const secretKind = (secret: string): 'pin' | 'password' => (/^\d+$/.test(secret) ? 'pin' : 'password');
