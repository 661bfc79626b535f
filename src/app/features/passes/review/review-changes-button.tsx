import { useEffect } from 'react';
import { useFormState } from 'react-hook-form';
import { Button } from '../../../components/ui/button';
import { prefetchOnIntent } from '../../../lib/lazy-on-use';
import { loadReview } from './review-loader';

/**
 * "Review changes" in the save bar: the save review, whatever the pass's status. Once the form has
 * changes a save (which may stop at the review) is likely, so the review's code loads then.
 */
export function ReviewChangesButton({ onClick }: { onClick: () => void }) {
  const { isDirty } = useFormState();
  useEffect(() => {
    if (isDirty) void loadReview().catch(() => undefined);
  }, [isDirty]);
  return (
    <Button size="sm" variant="ghost" onClick={onClick} {...prefetchOnIntent(loadReview)}>
      <span>
        Review<span className="sr-only sm:not-sr-only"> changes</span>
      </span>
    </Button>
  );
}
