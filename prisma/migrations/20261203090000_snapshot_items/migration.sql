-- CreateEnum
CREATE TYPE "ExportStatus" AS ENUM ('QUEUED', 'BUILDING', 'READY', 'FAILED');

-- DropForeignKey
ALTER TABLE "SnapshotFile" DROP CONSTRAINT "SnapshotFile_snapshotId_fkey";

-- AlterTable
ALTER TABLE "Snapshot" ADD COLUMN     "itemCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "split" JSONB NOT NULL DEFAULT '{}';

-- DropTable
DROP TABLE "SnapshotFile";

-- CreateTable
CREATE TABLE "SnapshotItem" (
    "snapshotId" TEXT NOT NULL,
    "index" INTEGER NOT NULL,
    "assetId" TEXT NOT NULL,
    "sha256" TEXT NOT NULL,
    "asset" JSONB NOT NULL,
    "annotationId" TEXT NOT NULL,
    "annotationVersion" INTEGER NOT NULL,
    "split" TEXT NOT NULL,
    "regions" JSONB NOT NULL,
    "provenance" JSONB NOT NULL,

    CONSTRAINT "SnapshotItem_pkey" PRIMARY KEY ("snapshotId","index")
);

-- CreateTable
CREATE TABLE "SnapshotExport" (
    "id" TEXT NOT NULL,
    "snapshotId" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "includeMedia" BOOLEAN NOT NULL DEFAULT false,
    "status" "ExportStatus" NOT NULL DEFAULT 'QUEUED',
    "done" INTEGER NOT NULL DEFAULT 0,
    "total" INTEGER NOT NULL DEFAULT 0,
    "blobSha256" TEXT,
    "bytes" BIGINT,
    "error" TEXT,
    "requestedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "startedAt" TIMESTAMP(3),
    "readyAt" TIMESTAMP(3),

    CONSTRAINT "SnapshotExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SnapshotItem_assetId_idx" ON "SnapshotItem"("assetId");

-- CreateIndex
CREATE UNIQUE INDEX "SnapshotExport_snapshotId_format_includeMedia_key" ON "SnapshotExport"("snapshotId", "format", "includeMedia");

-- AddForeignKey
ALTER TABLE "SnapshotItem" ADD CONSTRAINT "SnapshotItem_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SnapshotExport" ADD CONSTRAINT "SnapshotExport_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "Snapshot"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SnapshotExport" ADD CONSTRAINT "SnapshotExport_requestedById_fkey" FOREIGN KEY ("requestedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- A snapshot's items never change once written, whatever code path (or hand-run SQL) tries, and deletes
-- stay allowed so removing a project cascades. A READY snapshot keeps its manifest and checksum.
-- (Semicolons in the bodies are written \073: Prisma's migration engine splits at every semicolon.)
CREATE FUNCTION "snapshot_item_immutable"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  RAISE EXCEPTION ''snapshot items are immutable (snapshot %)'', OLD."snapshotId" USING ERRCODE = ''P0001''\073
END
';

CREATE TRIGGER "SnapshotItem_immutable"
  BEFORE UPDATE ON "SnapshotItem"
  FOR EACH ROW EXECUTE FUNCTION "snapshot_item_immutable"();

CREATE FUNCTION "snapshot_immutable_when_ready"() RETURNS trigger LANGUAGE plpgsql AS E'
BEGIN
  IF OLD."status" = ''READY'' AND (NEW."manifest" IS DISTINCT FROM OLD."manifest" OR NEW."checksum" IS DISTINCT FROM OLD."checksum"
      OR NEW."itemCount" <> OLD."itemCount" OR NEW."taxonomyVersionId" <> OLD."taxonomyVersionId" OR NEW."status" <> OLD."status") THEN
    RAISE EXCEPTION ''snapshot % is published and immutable'', OLD."id" USING ERRCODE = ''P0001''\073
  END IF\073
  RETURN NEW\073
END
';

CREATE TRIGGER "Snapshot_immutable_when_ready"
  BEFORE UPDATE ON "Snapshot"
  FOR EACH ROW EXECUTE FUNCTION "snapshot_immutable_when_ready"();
