-- DropForeignKey
ALTER TABLE "Escalation" DROP CONSTRAINT "Escalation_raisedById_fkey";

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "doneAt" TIMESTAMP(3),
ADD COLUMN     "enteredPassAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "openSlots" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "passId" TEXT,
ADD COLUMN     "resultAnnotationId" TEXT,
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "Assignment" ADD COLUMN     "claimedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "queuedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "directed" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "passId" TEXT NOT NULL,
ADD COLUMN     "round" INTEGER NOT NULL DEFAULT 1,
ADD COLUMN     "skipReason" TEXT;

-- AlterTable
ALTER TABLE "Escalation" ADD COLUMN     "agreement" DOUBLE PRECISION,
ADD COLUMN     "chosenAnnotationId" TEXT,
ALTER COLUMN "raisedById" DROP NOT NULL;

-- AlterTable
ALTER TABLE "Comment" ADD COLUMN     "mentions" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "WorkflowPass" (
    "id" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "kind" "Pass" NOT NULL,
    "name" TEXT NOT NULL,
    "overlap" INTEGER NOT NULL DEFAULT 1,
    "sampleRate" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "agreementThreshold" DOUBLE PRECISION NOT NULL DEFAULT 0.8,
    "slaHours" INTEGER,
    "roles" "Role"[],
    "scope" JSONB NOT NULL DEFAULT '{}',
    "archivedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "WorkflowPass_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AnnotationRevision" (
    "id" TEXT NOT NULL,
    "annotationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "regions" JSONB NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AnnotationRevision_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WorkflowPass_projectId_position_idx" ON "WorkflowPass"("projectId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "AnnotationRevision_annotationId_version_key" ON "AnnotationRevision"("annotationId", "version");

-- CreateIndex
CREATE INDEX "Task_passId_enteredPassAt_idx" ON "Task"("passId", "enteredPassAt");

-- CreateIndex
CREATE INDEX "Assignment_passId_status_leaseExpiresAt_idx" ON "Assignment"("passId", "status", "leaseExpiresAt");

-- CreateIndex
CREATE UNIQUE INDEX "Assignment_taskId_passId_userId_key" ON "Assignment"("taskId", "passId", "userId");

-- AddForeignKey
ALTER TABLE "WorkflowPass" ADD CONSTRAINT "WorkflowPass_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Task" ADD CONSTRAINT "Task_passId_fkey" FOREIGN KEY ("passId") REFERENCES "WorkflowPass"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Assignment" ADD CONSTRAINT "Assignment_passId_fkey" FOREIGN KEY ("passId") REFERENCES "WorkflowPass"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnnotationRevision" ADD CONSTRAINT "AnnotationRevision_annotationId_fkey" FOREIGN KEY ("annotationId") REFERENCES "Annotation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Escalation" ADD CONSTRAINT "Escalation_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Hand-written rules Prisma's schema cannot express.

-- Superseded by the full unique (task, pass, user): nobody gets an item twice in a pass.
DROP INDEX "Assignment_one_active_per_task_user_pass";

-- The claim query's index: claimable tasks of a pass, best priority then oldest first.
CREATE INDEX "Task_claimable" ON "Task" ("passId", "priority" DESC, "createdAt") WHERE "openSlots" > 0;

ALTER TABLE "Task" ADD CONSTRAINT "Task_openSlots_nonnegative" CHECK ("openSlots" >= 0);
ALTER TABLE "Task" ADD CONSTRAINT "Task_version_positive" CHECK ("version" >= 1);
ALTER TABLE "WorkflowPass" ADD CONSTRAINT "WorkflowPass_overlap_range" CHECK ("overlap" BETWEEN 1 AND 20);
ALTER TABLE "WorkflowPass" ADD CONSTRAINT "WorkflowPass_sampleRate_range" CHECK ("sampleRate" > 0 AND "sampleRate" <= 1);
ALTER TABLE "WorkflowPass" ADD CONSTRAINT "WorkflowPass_agreementThreshold_range" CHECK ("agreementThreshold" >= 0 AND "agreementThreshold" <= 1);
