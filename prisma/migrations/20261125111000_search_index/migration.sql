-- Full-text search over transcript cues and event texts (SQLite FTS5).
--
-- Written by hand: the schema engine knows nothing of virtual tables or triggers, so
-- scripts/lib/schema-engine.ts lists these tables (and FTS5's shadow tables) as external
-- and the drift check leaves them alone.
--
-- `remove_diacritics 2` folds accents ("educacion" finds "educación") and unicode61 splits
-- Arabic on spaces and punctuation like any other script.
--
-- cue_fts keeps its own copy of the text (snippet() and highlight() need it) and shares
-- TranscriptCue's rowid, so the triggers find the row to replace without a scan.
-- CAUTION for later migrations: redefining "TranscriptCue", "Event" or "EventTranslation"
-- (Prisma's DROP TABLE + RENAME pattern) drops these triggers and renumbers rowids; such a
-- migration must recreate the triggers and rebuild the index with the INSERT … SELECT below.

CREATE VIRTUAL TABLE "cue_fts" USING fts5(
    "text",
    "speaker",
    "cue_id" UNINDEXED,
    "transcript_id" UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

CREATE VIRTUAL TABLE "event_fts" USING fts5(
    "title",
    "summary",
    "description",
    "event_id" UNINDEXED,
    "locale" UNINDEXED,
    tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO "cue_fts" ("rowid", "text", "speaker", "cue_id", "transcript_id")
SELECT "rowid", "text", COALESCE("speaker", ''), "id", "transcriptId" FROM "TranscriptCue";

-- One row per event in its own language (locale '') and one per translation.
INSERT INTO "event_fts" ("title", "summary", "description", "event_id", "locale")
SELECT "title", "summary", "description", "id", '' FROM "Event";

INSERT INTO "event_fts" ("title", "summary", "description", "event_id", "locale")
SELECT "title", "summary", "description", "eventId", "locale" FROM "EventTranslation";

CREATE TRIGGER "TranscriptCue_search_insert" AFTER INSERT ON "TranscriptCue" BEGIN
    INSERT OR REPLACE INTO "cue_fts" ("rowid", "text", "speaker", "cue_id", "transcript_id")
    VALUES (new."rowid", new."text", COALESCE(new."speaker", ''), new."id", new."transcriptId");
END;

CREATE TRIGGER "TranscriptCue_search_update" AFTER UPDATE ON "TranscriptCue" BEGIN
    DELETE FROM "cue_fts" WHERE "rowid" = old."rowid";
    INSERT OR REPLACE INTO "cue_fts" ("rowid", "text", "speaker", "cue_id", "transcript_id")
    VALUES (new."rowid", new."text", COALESCE(new."speaker", ''), new."id", new."transcriptId");
END;

CREATE TRIGGER "TranscriptCue_search_delete" AFTER DELETE ON "TranscriptCue" BEGIN
    DELETE FROM "cue_fts" WHERE "rowid" = old."rowid";
END;

CREATE TRIGGER "Event_search_insert" AFTER INSERT ON "Event" BEGIN
    INSERT INTO "event_fts" ("title", "summary", "description", "event_id", "locale")
    VALUES (new."title", new."summary", new."description", new."id", '');
END;

CREATE TRIGGER "Event_search_update" AFTER UPDATE OF "title", "summary", "description", "id" ON "Event" BEGIN
    DELETE FROM "event_fts" WHERE "event_id" = old."id" AND "locale" = '';
    INSERT INTO "event_fts" ("title", "summary", "description", "event_id", "locale")
    VALUES (new."title", new."summary", new."description", new."id", '');
END;

CREATE TRIGGER "Event_search_delete" AFTER DELETE ON "Event" BEGIN
    DELETE FROM "event_fts" WHERE "event_id" = old."id" AND "locale" = '';
END;

CREATE TRIGGER "EventTranslation_search_insert" AFTER INSERT ON "EventTranslation" BEGIN
    INSERT INTO "event_fts" ("title", "summary", "description", "event_id", "locale")
    VALUES (new."title", new."summary", new."description", new."eventId", new."locale");
END;

CREATE TRIGGER "EventTranslation_search_update" AFTER UPDATE ON "EventTranslation" BEGIN
    DELETE FROM "event_fts" WHERE "event_id" = old."eventId" AND "locale" = old."locale";
    INSERT INTO "event_fts" ("title", "summary", "description", "event_id", "locale")
    VALUES (new."title", new."summary", new."description", new."eventId", new."locale");
END;

CREATE TRIGGER "EventTranslation_search_delete" AFTER DELETE ON "EventTranslation" BEGIN
    DELETE FROM "event_fts" WHERE "event_id" = old."eventId" AND "locale" = old."locale";
END;
