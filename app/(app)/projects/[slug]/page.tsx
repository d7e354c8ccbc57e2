import { projectAccessOrNotFound } from '@/app/_lib/project-access';
import { ProjectOverview } from '@/components/projects/project-overview';

export default async function ProjectPage({ params }: { params: Promise<{ slug: string }> }) {
  const { slug } = await params;
  const access = await projectAccessOrNotFound(slug);
  return <ProjectOverview slug={access.slug} />;
}
