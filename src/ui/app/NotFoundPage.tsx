import { Link, useLocation } from 'react-router';
import { PageHeader } from '../components/PageHeader.tsx';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <>
      <PageHeader title="Page not found" />
      <p className="px-6 py-4 text-slate-600 dark:text-slate-400">
        Nothing lives at <code className="font-mono">{location.pathname}</code>.{' '}
        <Link to="/clouds" className="text-teal-700 underline dark:text-teal-400">
          Go to the clouds
        </Link>
        .
      </p>
    </>
  );
}
