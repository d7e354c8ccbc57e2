-- Retention of export files: an expired export keeps its row, sha256 and size, and can be rebuilt
-- AlterEnum
ALTER TYPE "ExportStatus" ADD VALUE 'EXPIRED';

-- AlterTable
ALTER TABLE "SnapshotExport" ADD COLUMN     "expiredAt" TIMESTAMP(3);
