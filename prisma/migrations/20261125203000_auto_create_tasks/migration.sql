-- AlterTable
ALTER TABLE "Project" ADD COLUMN     "autoCreateTasks" BOOLEAN NOT NULL DEFAULT false;

