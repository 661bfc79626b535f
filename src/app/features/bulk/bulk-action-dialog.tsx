import { useState } from 'react';
import type { WalletPass } from '../../../contract/schemas';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Dialog } from '../../components/ui/dialog';
import { Field } from '../../components/ui/field';
import { useConnection } from '../../lib/connection';
import type { ItemState, TaskOutcome } from './bulk-runner';
import { BulkProgress, RunFooter, describeTally } from './bulk-progress';
import { deletePass, duplicatePassTask, setPassStatus } from './bulk-tasks';
import { describeHolders, plural, publishedHolders, selectionFacts } from './selection-facts';
import { useBulkRun } from './use-bulk-run';

export type BulkActionKind = 'publish' | 'unpublish' | 'delete' | 'duplicate';

const VERBS: Record<BulkActionKind, { verb: string; doing: string; done: string }> = {
  publish: { verb: 'Publish', doing: 'Publishing', done: 'published' },
  unpublish: { verb: 'Unpublish', doing: 'Unpublishing', done: 'back to draft' },
  delete: { verb: 'Delete', doing: 'Deleting', done: 'deleted' },
  duplicate: { verb: 'Duplicate', doing: 'Duplicating', done: 'duplicated' },
};

/** What the action will do, in sentences, from the passes as the list knows them. */
function Consequences({ kind, passes }: { kind: BulkActionKind; passes: readonly WalletPass[] }) {
  const facts = selectionFacts(passes);
  const reach = publishedHolders(passes);
  const items: string[] = [];
  if (kind === 'publish') {
    items.push(
      `${plural(facts.drafts, 'draft')} become${facts.drafts === 1 ? 's' : ''} published: anyone with the link can add ${facts.drafts === 1 ? 'it' : 'them'} to Apple Wallet and Google Wallet.`,
    );
    if (facts.published > 0)
      items.push(`${plural(facts.published, 'pass is', 'passes are')} published already and stay as they are.`);
    items.push(`Holders now: ${describeHolders(facts.apple, facts.google)}.`);
  } else if (kind === 'unpublish') {
    items.push(
      `${plural(facts.published, 'published pass', 'published passes')} become${facts.published === 1 ? 's' : ''} drafts: their links stop offering them.`,
    );
    items.push(`This reaches ${describeHolders(reach.apple, reach.google)}.`);
    if (facts.drafts > 0)
      items.push(
        `${plural(facts.drafts, 'draft')} stay${facts.drafts === 1 ? 's' : ''} as ${facts.drafts === 1 ? 'it is' : 'they are'}.`,
      );
  } else if (kind === 'delete') {
    items.push(
      facts.published > 0
        ? `${plural(facts.published, 'of them is', 'of them are')} published, held by ${describeHolders(reach.apple, reach.google)}; they will no longer be updated for them.`
        : 'None of them is published, so nobody holds them.',
    );
    items.push('Pass Studio keeps each one’s last version: Recently deleted can bring it back as a new pass.');
  } else {
    items.push(
      `${plural(facts.total, 'draft copy', 'draft copies')} named “Copy of …”, with their locations and images.`,
    );
    items.push('Nobody holds a copy until it is published; the originals do not change.');
  }
  return (
    <ul className="list-disc space-y-1 pl-5 text-sm text-ink">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
      {kind === 'publish' && facts.unpublishable > 0 ? (
        <li className="text-danger-700">
          {plural(facts.unpublishable, 'draft lacks', 'drafts lack')} the logo, icon or strip image: the Passport API
          will refuse to publish {facts.unpublishable === 1 ? 'it' : 'them'}, and the result will say so.
        </li>
      ) : null}
    </ul>
  );
}

/**
 * Publish, unpublish, delete or duplicate the selected passes: one confirmation saying what will
 * happen and to how many holders, then the run with its progress and a result per pass. Failed
 * passes can be tried again, and a cancelled run resumed; closing mid-run stops it as Cancel does.
 */
export default function BulkActionDialog({
  kind,
  workspaceId,
  passes: given,
  onClose,
  onFinished,
}: {
  kind: BulkActionKind;
  workspaceId: string;
  passes: readonly WalletPass[];
  onClose: () => void;
  /** Called when a run ends, with the passes it did its work on. */
  onFinished?: (done: WalletPass[]) => void;
}) {
  const { client } = useConnection();
  // The passes as selected when the dialog opened: the run's items never shift under it.
  const [passes] = useState(given);
  const [typed, setTyped] = useState('');
  const task = (pass: WalletPass): Promise<TaskOutcome> => {
    if (kind === 'publish' || kind === 'unpublish')
      return setPassStatus(client, workspaceId, pass.id, kind === 'publish' ? 'Published' : 'Draft');
    if (kind === 'delete') return deletePass(client, workspaceId, pass.id);
    return duplicatePassTask(client, workspaceId, pass.id);
  };
  const bulk = useBulkRun(workspaceId, task);
  const { verb, doing, done } = VERBS[kind];
  const count = plural(passes.length, 'pass', 'passes');
  const facts = selectionFacts(passes);
  // Deleting published passes asks for the count to be typed, so a slip cannot delete them.
  const mustType = kind === 'delete' && facts.published > 0;
  const confirmed = !mustType || typed.trim() === String(passes.length);

  const start = async (indexes?: number[]) => {
    const ran = indexes ?? passes.map((_, i) => i);
    const final = await bulk.run(passes, ran);
    onFinished?.(ran.filter((_, j) => final[j]?.status === 'done').map((i) => passes[i] as WalletPass));
  };
  const close = () => {
    if (bulk.phase === 'running') bulk.cancel();
    else if (bulk.phase !== 'cancelling') onClose();
  };
  const failed = bulk.indexesWith('failed');
  const notStarted = bulk.indexesWith('cancelled');

  if (bulk.phase === 'idle') {
    return (
      <Dialog
        open
        onClose={onClose}
        title={`${verb} ${count}?`}
        description={
          kind === 'duplicate' ? `Creates ${count === '1 pass' ? 'a copy' : 'copies'} in this workspace.` : undefined
        }
        footer={
          <div className="flex w-full flex-wrap justify-end gap-2">
            <Button onClick={onClose}>Cancel</Button>
            <Button
              variant={kind === 'delete' ? 'danger' : 'primary'}
              disabled={!confirmed}
              onClick={() => void start()}
            >
              {verb} {count}
            </Button>
          </div>
        }
      >
        <form
          className="space-y-4"
          onSubmit={(event) => {
            event.preventDefault();
            if (confirmed) void start();
          }}
        >
          <Consequences kind={kind} passes={passes} />
          {mustType ? (
            <Field label={`Type ${passes.length} to confirm`} hint="The number of passes to delete.">
              {(props) => (
                <input
                  {...props}
                  value={typed}
                  onChange={(event) => setTyped(event.target.value)}
                  inputMode="numeric"
                  autoComplete="off"
                  className="block h-10 w-32 rounded-lg border border-surface-strong px-3 text-sm"
                />
              )}
            </Field>
          ) : null}
          <p className="text-xs text-ink-subtle">
            Passes are handled three at a time; the run can be cancelled, and what is done stays done.
          </p>
        </form>
      </Dialog>
    );
  }

  const finished = bulk.phase === 'finished';
  return (
    <Dialog
      open
      onClose={close}
      title={finished ? `${verb}: ${describeTally(bulk.states)}` : `${doing} ${count}`}
      description={
        finished
          ? `${plural(bulk.states.filter((s: ItemState) => s.status === 'done').length, 'pass', 'passes')} ${done}.`
          : 'Passes in progress finish if you cancel; the others stay untouched.'
      }
      footer={
        <RunFooter
          phase={bulk.phase}
          failed={failed}
          notStarted={notStarted}
          onRerun={(indexes) => void start(indexes)}
          onCancel={bulk.cancel}
          onClose={onClose}
        />
      }
    >
      <BulkProgress
        label={`${doing} passes`}
        names={passes.map((p) => p.passName || 'Untitled pass')}
        states={bulk.states}
        phase={bulk.phase}
      />
      {finished && failed.length > 0 ? (
        <Alert
          tone="warning"
          className="mt-3"
          title={`${plural(failed.length, 'pass was', 'passes were')} not ${done}`}
        >
          Each one says why above. Fix what it names, then retry.
        </Alert>
      ) : null}
    </Dialog>
  );
}
