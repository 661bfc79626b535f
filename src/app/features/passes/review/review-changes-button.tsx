import { Button } from '../../../components/ui/button';

/** "Review changes" in the save bar: the save review, whatever the pass's status. */
export function ReviewChangesButton({ onClick }: { onClick: () => void }) {
  return (
    <Button size="sm" variant="ghost" onClick={onClick}>
      <span>
        Review<span className="sr-only sm:not-sr-only"> changes</span>
      </span>
    </Button>
  );
}
