-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Registration" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "sessionId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "emailNormalized" TEXT NOT NULL,
    "organisation" TEXT NOT NULL DEFAULT '',
    "country" TEXT NOT NULL DEFAULT '',
    "timeZone" TEXT NOT NULL,
    "locale" TEXT NOT NULL,
    "accessibilityNeeds" TEXT NOT NULL DEFAULT '',
    "answers" TEXT NOT NULL DEFAULT '{}',
    "status" TEXT NOT NULL,
    "manageTokenHash" TEXT NOT NULL,
    "consentPrivacyAt" DATETIME,
    "consentRecordingAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "cancelledAt" DATETIME,
    "calendarSequence" INTEGER NOT NULL DEFAULT 0,
    CONSTRAINT "Registration_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "Session" ("id") ON DELETE RESTRICT ON UPDATE CASCADE
);
INSERT INTO "new_Registration" ("accessibilityNeeds", "answers", "cancelledAt", "consentPrivacyAt", "consentRecordingAt", "country", "createdAt", "email", "emailNormalized", "id", "locale", "manageTokenHash", "name", "organisation", "sessionId", "status", "timeZone", "updatedAt") SELECT "accessibilityNeeds", "answers", "cancelledAt", "consentPrivacyAt", "consentRecordingAt", "country", "createdAt", "email", "emailNormalized", "id", "locale", "manageTokenHash", "name", "organisation", "sessionId", "status", "timeZone", "updatedAt" FROM "Registration";
DROP TABLE "Registration";
ALTER TABLE "new_Registration" RENAME TO "Registration";
CREATE UNIQUE INDEX "Registration_manageTokenHash_key" ON "Registration"("manageTokenHash");
CREATE INDEX "Registration_sessionId_status_createdAt_idx" ON "Registration"("sessionId", "status", "createdAt");
CREATE INDEX "Registration_sessionId_status_timeZone_idx" ON "Registration"("sessionId", "status", "timeZone");
CREATE UNIQUE INDEX "Registration_sessionId_emailNormalized_key" ON "Registration"("sessionId", "emailNormalized");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
