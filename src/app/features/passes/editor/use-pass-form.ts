import { zodResolver } from '@hookform/resolvers/zod';
import { type Resolver, useForm } from 'react-hook-form';
import type { WalletPass } from '../../../../contract/schemas';
import { type PassFormValues, toFormValues } from '../model/form-model';
import { PassFormSchema } from './editor-schema';

// The schema validates more loosely typed input than the form's values (loose objects, a
// transform before the metadata's checks), so its resolver is typed for the form once, here.
const resolver = zodResolver(PassFormSchema) as unknown as Resolver<PassFormValues>;

/**
 * The editor's form: the pass's values as defaults, the editor's schema, errors shown once a
 * field was left and then live. The editor and the component tests' harness both use this.
 */
export function usePassForm(pass: WalletPass) {
  return useForm<PassFormValues>({
    defaultValues: toFormValues(pass),
    resolver,
    mode: 'onTouched',
    reValidateMode: 'onChange',
  });
}
