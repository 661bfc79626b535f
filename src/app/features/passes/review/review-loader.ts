/**
 * The review's code (the comparison of two versions and its dialog) loads on use: when a save of a
 * Published pass or "Review changes" needs it. The editor asks for it early, as soon as the form
 * has changes, so a save is not held up by the download.
 */
const importReview = () =>
  Promise.all([import('./pass-changes'), import('./candidate'), import('./review-dialog')]).then(
    ([changes, candidate, dialog]) => ({
      compareVersions: changes.compareVersions,
      candidateVersion: candidate.candidateVersion,
      ReviewDialog: dialog.ReviewDialog,
    }),
  );

export type ReviewModule = Awaited<ReturnType<typeof importReview>>;

let loading: Promise<ReviewModule> | undefined;

/** Starts the download or reuses the one under way; a failed one is forgotten so a retry can work. */
export function loadReview(): Promise<ReviewModule> {
  loading ??= importReview().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}
