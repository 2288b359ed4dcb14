import type { Prisma } from "~/generated/prisma/client.ts";
import { prisma } from "~/utils/db.server.ts";

export type AuditAction = "created" | "updated" | "published" | "unpublished" | "cancelled" | "deleted" | "signed-in";

/** Written in the same transaction as the change it describes. */
export async function recordAudit(
  tx: Prisma.TransactionClient,
  entry: { actorId: string | null; action: AuditAction | string; entityType: string; entityId: string; details?: Record<string, unknown> },
) {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      details: JSON.stringify(entry.details ?? {}),
    },
  });
}

export async function listAudit({ page, pageSize = 50 }: { page: number; pageSize?: number }) {
  const [entries, total] = await Promise.all([
    prisma.auditLog.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: { id: true, action: true, entityType: true, entityId: true, details: true, createdAt: true, actor: { select: { email: true } } },
    }),
    prisma.auditLog.count(),
  ]);
  return { entries, total, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
