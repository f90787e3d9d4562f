import { hash, parseOptions, verify, type Options } from '@node-rs/argon2';

/**
 * Argon2id with OWASP's recommended minimum (19 MiB memory, 2 passes, 1 lane); about 40 ms per hash
 * on the development machines. Hashes are PHC strings carrying their own parameters, so raising
 * the parameters later rehashes each user at their next successful login (`needsRehash`).
 */
export const ARGON2_OPTIONS: Options = {
  algorithm: 2 as Options['algorithm'], // Algorithm.Argon2id (a const enum, not importable under isolatedModules)
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
  outputLen: 32,
};

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for anything that is not an Argon2 hash (never throws on bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash.startsWith('$argon2')) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

export function needsRehash(passwordHash: string): boolean {
  if (!passwordHash.startsWith('$argon2id$')) return true;
  try {
    const p = parseOptions(passwordHash);
    return p.memoryCost < ARGON2_OPTIONS.memoryCost! || p.timeCost < ARGON2_OPTIONS.timeCost! || p.outputLen < ARGON2_OPTIONS.outputLen!;
  } catch {
    return true;
  }
}

let dummy: Promise<string> | undefined;
/**
 * A hash to verify against when the user does not exist or cannot sign in, so that an unknown name
 * takes as long as a wrong password (no user enumeration by timing).
 */
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(`dummy-${Math.random()}`);
  return dummy;
}
