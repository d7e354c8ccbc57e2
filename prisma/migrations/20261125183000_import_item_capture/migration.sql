-- AlterTable
ALTER TABLE "ImportItem" ADD COLUMN     "capture" JSONB;
