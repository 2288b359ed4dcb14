// npm run user:create -- --email E --password P --role admin|organiser [--name N]
// Without --password the password is read from standard input (first line), so it
// need not appear in the shell history: `echo "$PW" | npm run user:create -- --email E`.
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES, createOrganiser } from "../app/organisers/organisers.server.ts";
import { prisma } from "../app/utils/db.server.ts";
import { passwordProblem } from "../app/organisers/password-strength.server.ts";
import admin from "../app/locales/admin/en.ts";
import { databasePath, getEnv } from "../app/utils/env.server.ts";
import { migrateDatabase } from "../app/utils/migrate.server.ts";

const input = z.object({
  email: z.string().trim().email("--email must be an email address"),
  password: z.string(),
  role: z.enum(ROLES, { errorMap: () => ({ message: "--role must be admin or organiser" }) }),
  name: z.string().max(200).optional(),
});

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write("Password: ");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8").split(/\r?\n/)[0] ?? "";
}

async function main() {
  const { values } = parseArgs({
    options: {
      email: { type: "string" },
      password: { type: "string" },
      role: { type: "string", default: "organiser" },
      name: { type: "string" },
    },
  });
  const password = values.password ?? (await readStdin());
  const parsed = input
    .superRefine((value, ctx) => {
      // The same rule and words as the organiser pages (zxcvbn-ts, the account's own email/name).
      const problem = passwordProblem(value.password, value);
      if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: `the password: ${admin.adminEvents.errors[problem].replace("{{max}}", "200")}` });
    })
    .safeParse({ ...values, password });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`error: ${issue.message}`);
    process.exitCode = 2;
    return;
  }
  migrateDatabase(databasePath(getEnv().DATABASE_URL), { log: () => {} });
  const existing = await prisma.organiser.findUnique({ where: { email: parsed.data.email.toLowerCase() } });
  if (existing) {
    console.error(`error: an account for ${parsed.data.email} already exists`);
    process.exitCode = 1;
    return;
  }
  const organiser = await createOrganiser(parsed.data);
  console.log(`Created ${organiser.role} ${organiser.email}`);
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(() => prisma.$disconnect());
