-- AlterTable
ALTER TABLE "QualityTaskResult" ADD COLUMN     "summary" JSONB NOT NULL DEFAULT '{}';
