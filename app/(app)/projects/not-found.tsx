import { NotFoundView } from '@/components/ui/not-found-view';

// Catches notFound() from a project's layout, so an unknown or foreign project renders inside the app shell.
export default function ProjectNotFound() {
  return <NotFoundView what="project" />;
}
