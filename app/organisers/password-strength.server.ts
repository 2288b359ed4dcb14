import { zxcvbn, zxcvbnOptions } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

// zxcvbn-ts with its language-neutral lists (the most common passwords, keyboard patterns):
// length alone let `aaaaaaaaaaaa` and `password1234` through. Server-only: the lists weigh ~1 MB.
zxcvbnOptions.setOptions({ dictionary: { ...dictionary }, graphs: adjacencyGraphs });

const PASSWORD_MIN_LENGTH = 12;
const PASSWORD_MAX_LENGTH = 200;
// 3 of 4: "safely unguessable", beyond 10^8 guesses; sign-ins are throttled besides.
const MIN_SCORE = 3;

/** What to fix, as a key under adminEvents.errors (every locale has each). */
export type PasswordProblem = "password" | "tooLong" | "passwordCommon" | "passwordPersonal" | "passwordWeak";

/** Why a new password is refused, or null. `account` is what an attacker would try first. */
export function passwordProblem(password: string, account: { email: string; name?: string | null }): PasswordProblem | null {
  if (password.length < PASSWORD_MIN_LENGTH) return "password";
  if (password.length > PASSWORD_MAX_LENGTH) return "tooLong";
  const email = account.email.trim().toLowerCase();
  const personal = [email, email.split("@")[0] ?? "", ...(account.name ?? "").toLowerCase().split(/\s+/)].filter((part) => part.length >= 4);
  const lower = password.toLowerCase();
  if (personal.some((part) => lower.includes(part))) return "passwordPersonal";
  const result = zxcvbn(password, personal);
  if (result.score >= MIN_SCORE) return null;
  if (result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "userInputs")) return "passwordPersonal";
  if (result.sequence.some((match) => match.pattern === "dictionary" && match.dictionaryName === "passwords")) return "passwordCommon";
  return "passwordWeak";
}
