-- CreateIndex
CREATE INDEX "Registration_sessionId_status_timeZone_idx" ON "Registration"("sessionId", "status", "timeZone");
