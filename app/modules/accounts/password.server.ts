import { hash, verify } from "@node-rs/argon2";

// argon2id (the library's default algorithm) with OWASP's recommended minimum cost:
// 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Checked against even when the account does not exist, so timing does not reveal which
// email addresses have accounts.
export const DUMMY_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$mGbKJX0AzaA/ctHi+rjw9A$/ch5WOFPpUMiS8RcZ3zSc3g80+f0/+64xI8Z58JdfTA";
