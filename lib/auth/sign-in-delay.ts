// How long a sign-in must wait after failed attempts for one account from one address. The delay
// belongs to the (account, address) pair, never to the account alone: ten wrong passwords from
// anywhere used to lock the account for everyone, its owner included, so anyone could lock anyone
// out. Now an attacker's address is slowed down (then held to one guess per CEILING) while the
// owner, signing in from their own address, is not affected. Guessing from many addresses is held
// back by the per-address limit in auth-data.ts, which counts every attempt from an address.
/** Sign-in attempts one address may make a minute, whatever the accounts (auth-data.ts enforces it). */
export const SIGN_IN_PER_ADDRESS_PER_MINUTE = 30;
export const FREE_ATTEMPTS = 5;
export const CEILING_SECONDS = 15 * 60;
/** A pair's count starts again after this long without an attempt. */
export const FORGET_AFTER_SECONDS = 24 * 3600;

/**
 * The wait, after the latest of `attempts` unsuccessful attempts, before the next one: none for the
 * first FREE_ATTEMPTS (typos), then 1 s, 2 s, 4 s… doubling up to CEILING_SECONDS.
 */
export function delaySeconds(attempts: number): number {
  if (attempts < FREE_ATTEMPTS) return 0;
  return Math.min(CEILING_SECONDS, 2 ** Math.min(30, attempts - FREE_ATTEMPTS));
}
