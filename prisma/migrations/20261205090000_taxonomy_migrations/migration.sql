-- Taxonomy migrations: the draft's operations, a migration's progress, and one row per annotation moved (never twice)
-- CreateEnum
CREATE TYPE "MigrationStatus" AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- AlterTable
ALTER TABLE "TaxonomyVersion" ADD COLUMN     "operations" JSONB NOT NULL DEFAULT '[]';

-- AlterTable
ALTER TABLE "TaxonomyMigration" ADD COLUMN     "decisions" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "done" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "failureReason" TEXT,
ADD COLUMN     "impact" JSONB,
ADD COLUMN     "projectId" TEXT NOT NULL,
ADD COLUMN     "startedAt" TIMESTAMP(3),
ADD COLUMN     "status" "MigrationStatus" NOT NULL DEFAULT 'QUEUED',
ADD COLUMN     "total" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "AnnotationMigration" (
    "id" TEXT NOT NULL,
    "migrationId" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "fromVersionId" TEXT NOT NULL,
    "toVersionId" TEXT NOT NULL,
    "versionBefore" INTEGER NOT NULL,
    "versionAfter" INTEGER NOT NULL,
    "operations" INTEGER[],
    "changes" JSONB NOT NULL DEFAULT '[]',
    "needsDecision" JSONB NOT NULL DEFAULT '[]',
    "pending" BOOLEAN NOT NULL DEFAULT false,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationMigration_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AnnotationMigration_migrationId_pending_idx" ON "AnnotationMigration"("migrationId", "pending");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationMigration_annotationId_migrationId_key" ON "AnnotationMigration"("annotationId", "migrationId");

-- CreateIndex
CREATE INDEX "TaxonomyMigration_projectId_createdAt_idx" ON "TaxonomyMigration"("projectId", "createdAt");

-- CreateIndex
CREATE INDEX "Annotation_taxonomyVersionId_id_idx" ON "Annotation"("taxonomyVersionId", "id");

-- AddForeignKey
ALTER TABLE "TaxonomyMigration" ADD CONSTRAINT "TaxonomyMigration_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationMigration" ADD CONSTRAINT "AnnotationMigration_migrationId_fkey" FOREIGN KEY ("migrationId") REFERENCES "TaxonomyMigration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationMigration" ADD CONSTRAINT "AnnotationMigration_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationMigration" ADD CONSTRAINT "AnnotationMigration_resolvedById_fkey" FOREIGN KEY ("resolvedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
