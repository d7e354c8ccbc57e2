-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "qualitySettings" JSONB NOT NULL DEFAULT '{}';

-- CreateTable
CREATE TABLE "QualityReport" (
    "projectId" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "report" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityReport_pkey" PRIMARY KEY ("projectId")
);

-- CreateTable
CREATE TABLE "QualityTaskResult" (
    "taskId" TEXT NOT NULL,
    "passId" TEXT NOT NULL,
    "projectId" TEXT NOT NULL,
    "sourceKey" TEXT NOT NULL,
    "comparison" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "QualityTaskResult_pkey" PRIMARY KEY ("taskId","passId")
);

-- CreateIndex
CREATE INDEX "QualityTaskResult_projectId_idx" ON "QualityTaskResult"("projectId");

-- AddForeignKey
ALTER TABLE "QualityReport" ADD CONSTRAINT "QualityReport_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityTaskResult" ADD CONSTRAINT "QualityTaskResult_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "QualityTaskResult" ADD CONSTRAINT "QualityTaskResult_projectId_fkey" FOREIGN KEY ("projectId") REFERENCES "Project"("id") ON DELETE CASCADE ON UPDATE CASCADE;
