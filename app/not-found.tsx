import Link from 'next/link';
import { EmptyState } from '@/components/ui/empty-state';

export default function NotFound() {
  return (
    <EmptyState
      title="Page not found"
      action={
        <Link className="text-blue-700 underline" href="/">
          Back to the overview
        </Link>
      }
    >
      There is nothing at this address.
    </EmptyState>
  );
}
