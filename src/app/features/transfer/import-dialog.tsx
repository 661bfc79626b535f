import { useQueryClient } from '@tanstack/react-query';
import { useId, useRef, useState } from 'react';
import type { ImportCheck, ImportProblem, ImportablePass } from '../../../contract/pass-transfer';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { useConnection } from '../../lib/connection';
import { Link, paths } from '../../history-router';
import { passQueries } from '../passes/api/pass-queries';
import { type ImportResult, importPasses, readImportFile } from './import-passes';

type State =
  | { step: 'choose' }
  | { step: 'reading'; file: string }
  | { step: 'refused'; file: string; problems: ImportProblem[] }
  | { step: 'ready'; file: string; passes: ImportablePass[] }
  | { step: 'running' | 'done'; file: string; passes: ImportablePass[]; results: ImportResult[] };

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * Import passes from an export (zip or JSON) into this workspace as new Drafts: the file is read
 * and checked in the browser first; a file with any bad pass is refused with each pass's
 * problems and creates nothing; then each pass is created in turn with its result.
 */
export default function ImportDialog({
  workspaceId,
  workspaceName,
  onClose,
}: {
  workspaceId: string;
  workspaceName: string;
  onClose: () => void;
}) {
  const { client, connectionId } = useConnection();
  const queryClient = useQueryClient();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [state, setState] = useState<State>({ step: 'choose' });

  async function choose(file: File | undefined) {
    if (!file) return;
    setState({ step: 'reading', file: file.name });
    const check: ImportCheck = await readImportFile(file);
    setState(
      check.ok
        ? { step: 'ready', file: file.name, passes: check.passes }
        : { step: 'refused', file: file.name, problems: check.problems },
    );
  }

  async function run(file: string, passes: ImportablePass[]) {
    const results: ImportResult[] = [];
    setState({ step: 'running', file, passes, results });
    await importPasses(client, workspaceId, passes, (result) => {
      results.push(result);
      setState({ step: 'running', file, passes, results: [...results] });
    });
    setState({ step: 'done', file, passes, results });
    void queryClient.invalidateQueries({ queryKey: passQueries.lists(connectionId, workspaceId) });
  }

  const running = state.step === 'running';
  const created = 'results' in state ? state.results.filter((r) => r.ok).length : 0;
  const failed = 'results' in state ? state.results.length - created : 0;

  return (
    <Dialog
      open
      size="lg"
      onClose={() => (running ? undefined : onClose())}
      title="Import passes"
      description={
        <>
          A zip or JSON file exported from Pass Studio (or written in the same shape). Each pass is created in{' '}
          <span className="font-medium text-ink">{workspaceName}</span> as a new draft, with its images and locations.
        </>
      }
    >
      <div className="space-y-4">
        {state.step === 'choose' || state.step === 'refused' || state.step === 'reading' ? (
          <div>
            <label htmlFor={inputId} className="block text-sm font-medium text-ink">
              File to import
            </label>
            <input
              ref={inputRef}
              id={inputId}
              type="file"
              accept=".zip,.json,application/zip,application/json"
              disabled={state.step === 'reading'}
              onChange={(e) => {
                void choose(e.target.files?.[0]);
                e.target.value = '';
              }}
              className="mt-1 block w-full text-sm text-ink-muted file:mr-3 file:h-10 file:cursor-pointer file:rounded-lg file:border file:border-surface-strong file:bg-surface file:px-4 file:text-sm file:font-medium file:text-ink hover:file:bg-surface-sunken"
            />
            {state.step === 'reading' ? (
              <p role="status" className="mt-2 text-sm text-ink-muted">
                Checking {state.file}…
              </p>
            ) : null}
          </div>
        ) : null}

        {state.step === 'refused' ? (
          <Alert tone="danger" title={`${state.file} cannot be imported; nothing was created`}>
            <ul className="mt-1 space-y-2">
              {state.problems.map((problem) => (
                <li key={problem.index}>
                  <span className="font-medium">{problem.name}</span>
                  <ul className="list-disc pl-5">
                    {problem.messages.map((message) => (
                      <li key={message} className="break-words">
                        {message}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </Alert>
        ) : null}

        {state.step === 'ready' ? (
          <div className="space-y-2">
            <p className="text-sm text-ink">
              <span className="font-medium">{state.file}</span>: {plural(state.passes.length, 'pass', 'passes')} ready
              to import.
            </p>
            <ul className="max-h-60 divide-y divide-surface-border overflow-y-auto rounded-lg border border-surface-border text-sm">
              {state.passes.map((pass) => (
                <li key={pass.index} className="flex flex-wrap justify-between gap-x-3 px-3 py-2">
                  <span className="min-w-0 truncate font-medium text-ink">{pass.name}</span>
                  <span className="text-ink-muted">
                    {plural(pass.images.length, 'image', 'images')} ·{' '}
                    {plural(pass.locations.length, 'location', 'locations')}
                  </span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        {state.step === 'running' || state.step === 'done' ? (
          <div className="space-y-2">
            <p role="status" className="text-sm text-ink">
              {state.step === 'running'
                ? `Importing ${state.results.length + 1} of ${state.passes.length}…`
                : `${plural(created, 'pass', 'passes')} imported${failed ? `, ${failed} failed` : ''}.`}
            </p>
            <progress
              className="h-2 w-full overflow-hidden rounded-full accent-brand-600"
              max={state.passes.length}
              value={state.results.length}
              aria-label="Import progress"
            />
            <ul
              aria-label="Import results"
              className="max-h-72 divide-y divide-surface-border overflow-y-auto rounded-lg border border-surface-border text-sm"
            >
              {state.results.map((result) => (
                <li key={result.index} className="px-3 py-2">
                  <div className="flex flex-wrap items-baseline justify-between gap-x-3">
                    {result.pass ? (
                      <Link
                        to={paths.pass(workspaceId, result.pass.id)}
                        className="min-w-0 truncate font-medium text-brand-700 underline-offset-2 hover:underline"
                      >
                        {result.pass.passName}
                      </Link>
                    ) : (
                      <span className="min-w-0 truncate font-medium text-ink">{result.name}</span>
                    )}
                    <span className={result.ok ? 'text-success-700' : 'text-danger-700'}>
                      {result.ok ? 'Imported' : 'Failed'}
                    </span>
                  </div>
                  {result.notes.map((note) => (
                    <p key={note} className={result.ok ? 'text-ink-muted' : 'text-danger-700'}>
                      {note}
                    </p>
                  ))}
                </li>
              ))}
            </ul>
          </div>
        ) : null}

        <div className="flex flex-wrap justify-end gap-2 border-t border-surface-border pt-4">
          {state.step === 'ready' ? (
            <>
              <Button onClick={() => setState({ step: 'choose' })}>Choose another file</Button>
              <Button variant="primary" onClick={() => void run(state.file, state.passes)}>
                Import {plural(state.passes.length, 'pass', 'passes')}
              </Button>
            </>
          ) : (
            <Button variant={state.step === 'done' ? 'primary' : 'secondary'} disabled={running} onClick={onClose}>
              {state.step === 'done' ? 'Done' : 'Cancel'}
            </Button>
          )}
        </div>
      </div>
    </Dialog>
  );
}
