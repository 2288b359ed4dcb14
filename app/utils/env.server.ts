import path from "node:path";
import { z } from "zod";
import { checkSessionSecret, demoSessionSecret } from "./session-secret.server.ts";

// The one place that reads process.env. A bad value stops start-up with a message
// that names the variable.
const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("production"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default("0.0.0.0"),
  DATABASE_URL: z
    .string()
    .regex(/^file:/, "must be a SQLite file URL such as file:./data/app.db")
    .default("file:./data/app.db"),
  BASE_URL: z.string().url("must be an absolute URL such as http://localhost:3000").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must start with smtp:// or smtps://")
    .optional(),
  MAIL_DIR: z.string().default("data/mail"),
  MAIL_FROM: z.string().default("Learning Events <no-reply@localhost>"),
  SESSION_SECRET: z
    .string()
    .superRefine((value, ctx) => {
      const problem = checkSessionSecret(value);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
    })
    .optional(),
  UPLOAD_DIR: z.string().default("data/uploads"),
  // Largest recording or poster an organiser may upload, in bytes (default 500 MB).
  UPLOAD_MAX_BYTES: z.coerce.number().int().min(1, "must be a positive number of bytes").default(500 * 1024 * 1024),
  SEED_ON_EMPTY: z.enum(["true", "false"]).default("true"),
  LOG_REQUESTS: z.enum(["true", "false"]).default("true"),
  WORKER: z.enum(["true", "false"]).default("true"),
  // "off" disables the per-address and per-email registration limits: for load tests from one
  // machine only, never in production.
  RATE_LIMITS: z.enum(["on", "off"]).default("on"),
});

type Env = z.infer<typeof schema> & { BASE_URL: string; SESSION_SECRET: string };

let cached: Env | undefined;

export function getEnv(): Env {
  if (cached) return cached;
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, v]) => v !== ""));
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues
      .map((issue) => `  ${issue.path.join(".")}: ${issue.message}`)
      .join("\n");
    throw new Error(`Invalid environment configuration:\n${problems}`);
  }
  const env = parsed.data;
  cached = {
    ...env,
    BASE_URL: (env.BASE_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    SESSION_SECRET: env.SESSION_SECRET ?? secretWithoutConfiguration(raw.NODE_ENV, env.DATABASE_URL),
  };
  return cached;
}

/**
 * No SESSION_SECRET: a deployment that says NODE_ENV=production stops here, since whoever knows
 * the secret can sign in as anyone. The demo (`npm start` on a fresh clone sets no NODE_ENV;
 * server/index.js marks that with DEMO=true), development and tests make a random secret once and
 * keep it beside the database, so sign-ins and manage links survive restarts.
 */
function secretWithoutConfiguration(nodeEnv: string | undefined, databaseUrl: string): string {
  // The value as set, not the parsed one (whose default is "production" too), and not read as
  // `process.env.NODE_ENV`, which the build replaces with a constant.
  if (nodeEnv === "production" && process.env.DEMO !== "true") {
    throw new Error(
      "Invalid environment configuration:\n  SESSION_SECRET: is required when NODE_ENV=production. It signs sign-in " +
        "cookies and manage links. Make one with `openssl rand -base64 32` and set it in the environment " +
        "(the same value on every machine).",
    );
  }
  return demoSessionSecret(path.dirname(databasePath(databaseUrl)));
}

/** The SQLite file path from DATABASE_URL, relative paths resolved from the working directory. */
export function databasePath(url = getEnv().DATABASE_URL): string {
  return url.replace(/^file:/, "");
}
