-- CreateEnum
CREATE TYPE "ImportItemStatus" AS ENUM ('PENDING', 'ACCEPTED', 'DUPLICATE', 'REJECTED');

-- CreateEnum
CREATE TYPE "StageRunOutcome" AS ENUM ('OK', 'QUARANTINED', 'ERROR');

-- AlterEnum
ALTER TYPE "DerivativeKind" ADD VALUE 'THUMBNAIL_STRIP';

-- DropIndex
DROP INDEX "AssetDerivative_assetId_kind_key";

-- AlterTable
ALTER TABLE "Asset" ADD COLUMN     "probe" JSONB,
ADD COLUMN     "readyAt" TIMESTAMP(3),
ADD COLUMN     "stagedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "AssetDerivative" ADD COLUMN     "variant" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "AssetStageRun" (
    "id" TEXT NOT NULL,
    "assetId" TEXT NOT NULL,
    "stage" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "attempt" INTEGER NOT NULL,
    "outcome" "StageRunOutcome" NOT NULL,
    "error" TEXT,
    "tools" JSONB NOT NULL DEFAULT '{}',
    "startedAt" TIMESTAMP(3) NOT NULL,
    "finishedAt" TIMESTAMP(3) NOT NULL,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "AssetStageRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ImportItem" (
    "id" TEXT NOT NULL,
    "batchId" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "sourceUri" TEXT,
    "assetId" TEXT,
    "status" "ImportItemStatus" NOT NULL,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ImportItem_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AssetStageRun_assetId_startedAt_idx" ON "AssetStageRun"("assetId", "startedAt");

-- CreateIndex
CREATE INDEX "AssetStageRun_stage_finishedAt_idx" ON "AssetStageRun"("stage", "finishedAt");

-- CreateIndex
CREATE INDEX "ImportItem_batchId_status_idx" ON "ImportItem"("batchId", "status");

-- CreateIndex
CREATE INDEX "ImportItem_assetId_idx" ON "ImportItem"("assetId");

-- CreateIndex
CREATE UNIQUE INDEX "AssetDerivative_assetId_kind_variant_key" ON "AssetDerivative"("assetId", "kind", "variant");

-- AddForeignKey
ALTER TABLE "AssetStageRun" ADD CONSTRAINT "AssetStageRun_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportItem" ADD CONSTRAINT "ImportItem_batchId_fkey" FOREIGN KEY ("batchId") REFERENCES "ImportBatch"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ImportItem" ADD CONSTRAINT "ImportItem_assetId_fkey" FOREIGN KEY ("assetId") REFERENCES "Asset"("id") ON DELETE SET NULL ON UPDATE CASCADE;

