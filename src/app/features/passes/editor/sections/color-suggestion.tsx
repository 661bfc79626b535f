/**
 * Colours suggested from the pass's artwork (logo first, else strip): background = the dominant
 * colour, text = white or black at 4.5:1 or better. Applied only when the marketer clicks.
 */
import { useFormContext } from 'react-hook-form';
import type { PassFormValues } from '../../model/form-model';
import { Button } from '../../../../components/ui/button';
import type { Rgb } from '../../../../lib/color';
import { suggestColors } from '../../../../lib/dominant-color';
import { useImageSizes } from '../image-sizes';
import { useFormValue } from '../use-form-value';

/** The suggestion from the logo or strip picked in this editor (stored artwork suggests nothing). */
export function ArtworkColorSuggestion() {
  const images = useImageSizes();
  const logo = images.logo?.picked ? images.logo.dominant : null;
  const strip = images.strip?.picked ? images.strip.dominant : null;
  return logo ? <ColorSuggestion dominant={logo} source="logo" /> : <ColorSuggestion dominant={strip} source="strip" />;
}

export function ColorSuggestion({ dominant, source }: { dominant: Rgb | null | undefined; source: string }) {
  const { setValue } = useFormContext<PassFormValues>();
  const [background, text] = [
    useFormValue('passMetadata.backgroundColor'),
    useFormValue('passMetadata.displayTextColor'),
  ];
  if (!dominant) return null;
  const suggestion = suggestColors(dominant);
  if (background?.toUpperCase() === suggestion.background && text?.toUpperCase() === suggestion.text) return null;
  const apply = () => {
    setValue('passMetadata.backgroundColor', suggestion.background, { shouldDirty: true, shouldValidate: true });
    setValue('passMetadata.displayTextColor', suggestion.text, { shouldDirty: true, shouldValidate: true });
  };
  return (
    <div className="mt-3 flex flex-wrap items-center gap-3 rounded-lg border border-surface-border bg-surface-sunken px-3 py-2 text-sm">
      <span
        aria-hidden="true"
        className="flex h-7 w-12 shrink-0 items-center justify-center rounded-md border border-surface-border text-xs font-semibold"
        style={{ backgroundColor: suggestion.background, color: suggestion.text }}
      >
        Aa
      </span>
      <span className="min-w-0 flex-1 text-ink-muted">
        From the {source}: background <span className="font-mono text-ink">{suggestion.background}</span>, text{' '}
        <span className="font-mono text-ink">{suggestion.text}</span> ({suggestion.contrast.toFixed(1)}:1)
      </span>
      <Button size="sm" onClick={apply}>
        Use these colours
      </Button>
    </div>
  );
}
