import { TextField, type TextFieldProps } from './text-field';

export type PasswordFieldProps = Omit<TextFieldProps, 'type' | 'autoComplete' | 'inputMode'> & {
  /** current: a password the user has (login, unlock); new: one being set (browsers offer to save it). */
  readonly purpose: 'current' | 'new';
};

export function PasswordField({ purpose, ...props }: PasswordFieldProps) {
  return <TextField {...props} type="password" autoComplete={purpose === 'current' ? 'current-password' : 'new-password'} />;
}
