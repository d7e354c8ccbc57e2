import { NotFoundView } from '@/components/ui/not-found-view';

export default function NotFound() {
  return (
    <div className="grid min-h-screen place-items-center px-4">
      <NotFoundView />
    </div>
  );
}
