import { useForm } from 'react-hook-form';
import type { WalletPass } from '../../../../contract/schemas';
import { type PassFormValues, toFormValues } from '../model/form-model';
import { PassFormSchema } from './editor-schema';
import { passFormResolver } from './pass-form-resolver';

// Typed for the form: the schema's input and output must both fit the form's values.
const resolver = passFormResolver(PassFormSchema);

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
