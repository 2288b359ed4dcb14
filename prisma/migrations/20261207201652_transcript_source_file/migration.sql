-- AlterTable
ALTER TABLE "Transcript" ADD COLUMN "sourceEncoding" TEXT;
ALTER TABLE "Transcript" ADD COLUMN "sourceFile" BLOB;
ALTER TABLE "Transcript" ADD COLUMN "sourceName" TEXT;
