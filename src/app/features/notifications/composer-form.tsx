import { useCallback, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { MAX_NOTIFICATION_MESSAGE, MAX_NOTIFICATION_NAME, scheduleSlot } from '../../../contract/notifications';
import type { Notification, UpdateNotificationRequest } from '../../../contract/notifications';
import type { WalletPass } from '../../../contract/schemas';
import { Alert } from '../../components/ui/alert';
import { Button } from '../../components/ui/button';
import { Field, inputClass } from '../../components/ui/field';
import { useToast } from '../../components/ui/toast';
import { describeError, isApiError } from '../../lib/api-error';
import { cx } from '../../lib/cx';
import { formatCount } from '../../lib/format';
import { navigate, paths } from '../../history-router';
import { ComposerWarnings } from './composer-warnings';
import {
  defaultScheduleInput,
  formatLocal,
  fromLocalInput,
  googleBudget,
  toLocalInput,
  userTimeZone,
} from './notification-model';
import { AppleLockScreenPreview, GoogleMessagePreview, previewFacts } from './notification-preview';
import { useCreateNotification, useUpdateNotification } from './use-notification-mutations';
import { useNow } from './use-now';

type Delivery = 'now' | 'schedule' | 'draft';

interface ComposerValues {
  notificationName: string;
  notificationMessage: string;
  delivery: Delivery;
  scheduledLocal: string;
}

const DELIVERY_CHOICES: { value: Delivery; label: string; hint: string }[] = [
  { value: 'now', label: 'Send now', hint: 'Holders get it within a minute' },
  { value: 'schedule', label: 'Schedule', hint: 'Goes out in the 15-minute batch after the time you pick' },
  { value: 'draft', label: 'Save as draft', hint: 'Nothing is sent; edit or send it later' },
];

const SUBMIT_LABEL: Record<Delivery, string> = { now: 'Send now', schedule: 'Schedule', draft: 'Save draft' };

function initialValues(editing: Notification | undefined): ComposerValues {
  const scheduled = editing?.scheduledTime ? Date.parse(editing.scheduledTime) : Number.NaN;
  return {
    notificationName: editing?.notificationName ?? '',
    notificationMessage: editing?.notificationMessage ?? '',
    delivery: editing?.status === 'Scheduled' ? 'schedule' : editing ? 'draft' : 'now',
    scheduledLocal: Number.isNaN(scheduled) ? defaultScheduleInput(Date.now()) : toLocalInput(scheduled),
  };
}

export function ComposerForm({
  workspaceId,
  pass,
  passHistory,
  editing,
}: {
  workspaceId: string;
  pass: WalletPass;
  /** The pass's latest notifications, for Google's budget. */
  passHistory: readonly Notification[];
  /** A Draft or Scheduled notification being edited; a new one otherwise. */
  editing?: Notification | undefined;
}) {
  const toast = useToast();
  const create = useCreateNotification(workspaceId);
  const update = useUpdateNotification(workspaceId);
  const [formError, setFormError] = useState<string | null>(null);
  const [truncated, setTruncated] = useState(false);
  const onTruncated = useCallback((value: boolean) => setTruncated(value), []);
  const {
    register,
    control,
    handleSubmit,
    setError,
    reset,
    formState: { errors },
  } = useForm<ComposerValues>({ defaultValues: initialValues(editing) });
  const [message, delivery, scheduledLocal] = useWatch({
    control,
    name: ['notificationMessage', 'delivery', 'scheduledLocal'],
  });

  const now = useNow();
  const scheduledAt = fromLocalInput(scheduledLocal);
  const slot = scheduledAt === null ? null : scheduleSlot(scheduledAt);
  const sendAt = delivery === 'schedule' && slot !== null ? slot : now;
  const budget = googleBudget(passHistory, sendAt, now, editing?.id);
  const facts = previewFacts(pass);
  const apple = pass.appleActiveCount ?? 0;
  const google = pass.googleActiveCount ?? 0;
  const pending = create.isPending || update.isPending;

  const onSubmit = handleSubmit((values) => {
    setFormError(null);
    const status = values.delivery === 'now' ? 'Processing' : values.delivery === 'schedule' ? 'Scheduled' : 'Draft';
    const at = fromLocalInput(values.scheduledLocal);
    const body = {
      notificationName: values.notificationName.trim(),
      notificationMessage: values.notificationMessage,
      status,
      ...(values.delivery === 'schedule' && at !== null ? { scheduledTime: new Date(at).toISOString() } : {}),
    } satisfies UpdateNotificationRequest;
    const done = (saved: Notification) => {
      const title =
        saved.status === 'Scheduled' && saved.scheduledTime
          ? `Scheduled for ${formatLocal(scheduleSlot(Date.parse(saved.scheduledTime)))}`
          : saved.status === 'Draft'
            ? 'Draft saved'
            : 'Sending to holders';
      toast.notify({ tone: 'success', title, message: saved.notificationName ?? undefined });
      reset(initialValues(undefined));
      if (editing) navigate(paths.notify(workspaceId, pass.id));
    };
    const failed = (error: unknown) => {
      const fields = isApiError(error) ? error.fieldErrors : {};
      const map: Record<string, keyof ComposerValues> = {
        notificationName: 'notificationName',
        notificationMessage: 'notificationMessage',
        scheduledTime: 'scheduledLocal',
      };
      let placed = false;
      for (const [key, text] of Object.entries(fields)) {
        const field = map[key];
        if (field) {
          setError(field, {
            message: key === 'notificationMessage' && text === 'must not be empty' ? 'Write a message' : text,
          });
          placed = true;
        }
      }
      if (placed) return;
      const unsure = isApiError(error) && (error.kind === 'network' || error.kind === 'timeout' || error.status >= 500);
      setFormError(
        unsure && values.delivery === 'now'
          ? `${describeError(error)} It may have been sent: check the history below before sending it again.`
          : describeError(error),
      );
    };
    if (editing?.id) update.mutate({ id: editing.id, body }, { onSuccess: done, onError: failed });
    else create.mutate({ passSerialNumber: pass.id, ...body }, { onSuccess: done, onError: failed });
  });

  return (
    <div className="mt-6 grid gap-8 lg:grid-cols-[minmax(0,1fr)_auto]">
      <form
        onSubmit={onSubmit}
        noValidate
        aria-label={editing ? 'Edit notification' : 'New notification'}
        className="min-w-0 space-y-5"
      >
        <section aria-label="Reach" className="rounded-card border border-surface-border bg-surface p-4">
          <h2 className="text-sm font-semibold text-ink">Reach</h2>
          <p className="mt-1 text-sm text-ink-muted" data-testid="reach">
            <span className="text-2xl font-semibold text-ink tabular-nums">{formatCount(apple + google)}</span> holders
            now · <span className="tabular-nums">Apple {formatCount(apple)}</span> ·{' '}
            <span className="tabular-nums">Google {formatCount(google)}</span>
          </p>
          <p className="mt-1 text-xs text-ink-subtle">
            Counted again when it goes out: holders who add or remove the pass meanwhile are counted then.
          </p>
        </section>

        <Field
          label="Internal name"
          hint="Only your team sees it, in the history."
          error={errors.notificationName?.message}
        >
          {(props) => (
            <input
              {...props}
              {...register('notificationName', {
                validate: (v) => v.trim().length > 0 || 'Give it a name your team will recognise',
                maxLength: { value: MAX_NOTIFICATION_NAME, message: `At most ${MAX_NOTIFICATION_NAME} characters` },
              })}
              className={inputClass}
              autoComplete="off"
            />
          )}
        </Field>

        <Field
          label="Message"
          hint={
            <>
              Apple shows it on the lock screen (up to 4 lines there), Google on the pass&rsquo;s details.{' '}
              <span className="tabular-nums">{message.length}</span> characters.
            </>
          }
          error={errors.notificationMessage?.message}
        >
          {(props) => (
            <textarea
              {...props}
              {...register('notificationMessage', {
                validate: (v) => v.trim().length > 0 || 'Write a message',
                maxLength: {
                  value: MAX_NOTIFICATION_MESSAGE,
                  message: `At most ${MAX_NOTIFICATION_MESSAGE} characters`,
                },
              })}
              rows={4}
              className={cx(inputClass, 'h-auto py-2')}
            />
          )}
        </Field>

        <fieldset>
          <legend className="text-sm font-medium text-ink">When</legend>
          <div className="mt-2 grid gap-2 sm:grid-cols-3">
            {DELIVERY_CHOICES.map((choice) => (
              <label
                key={choice.value}
                className={cx(
                  'flex cursor-pointer gap-2 rounded-lg border p-3 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-brand-500',
                  delivery === choice.value ? 'border-brand-600 bg-brand-50' : 'border-surface-strong bg-surface',
                )}
              >
                <input
                  type="radio"
                  value={choice.value}
                  {...register('delivery')}
                  className="mt-0.5 accent-brand-600"
                />
                <span>
                  <span className="block font-medium text-ink">{choice.label}</span>
                  <span className="block text-xs text-ink-muted">{choice.hint}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>

        {delivery === 'schedule' ? (
          <Field
            label="Send at"
            hint={
              slot !== null ? (
                <span data-testid="slot">
                  Goes out at <strong className="text-ink">{formatLocal(slot)}</strong> ({userTimeZone()}): scheduled
                  sends leave in batches at :00, :15, :30 and :45.
                </span>
              ) : (
                `Pick a date and time (${userTimeZone()}).`
              )
            }
            error={errors.scheduledLocal?.message}
          >
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                step={900}
                min={toLocalInput(now)}
                {...register('scheduledLocal', {
                  validate: (v, all) => {
                    if (all.delivery !== 'schedule') return true;
                    const at = fromLocalInput(v);
                    if (at === null) return 'Pick a date and time';
                    return at > Date.now() || 'Pick a time in the future';
                  },
                })}
                className={cx(inputClass, 'sm:max-w-xs')}
              />
            )}
          </Field>
        ) : null}

        <ComposerWarnings
          passStatus={pass.status}
          truncated={truncated}
          budget={budget}
          googleHolders={google}
          sendsNow={delivery !== 'draft'}
        />

        {formError ? (
          <Alert tone="danger" title={editing ? 'Not saved' : 'Not sent'}>
            {formError}
          </Alert>
        ) : null}

        <div className="flex flex-wrap items-center gap-3">
          <Button type="submit" variant="primary" busy={pending}>
            {editing && delivery === 'draft' ? 'Save changes' : SUBMIT_LABEL[delivery]}
          </Button>
          {editing ? (
            <Button variant="ghost" onClick={() => navigate(paths.notify(workspaceId, pass.id))}>
              Cancel
            </Button>
          ) : null}
        </div>
      </form>

      <section
        aria-label="Preview"
        className="flex flex-wrap justify-center gap-6 lg:flex-col lg:justify-start xl:flex-row"
      >
        <AppleLockScreenPreview facts={facts} message={message} onTruncated={onTruncated} />
        <GoogleMessagePreview facts={facts} message={message} />
      </section>
    </div>
  );
}
