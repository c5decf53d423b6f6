import { useRef } from 'react';
import { Field } from './field';
import { FileInput } from './file-input';

export interface FileFieldProps {
  readonly id: string;
  readonly label: string;
  readonly hint?: string;
  /** File types offered by the picker (".json", ".soantt"); the backend checks the content anyway. */
  readonly accept?: string;
  readonly disabled?: boolean;
  /** Called with the chosen file; the field is emptied so the same file can be chosen again. */
  readonly onFile: (file: File) => void;
}

/** A labelled file picker that hands over one file. */
export function FileField({ id, label, hint, accept, disabled = false, onFile }: FileFieldProps) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <Field id={id} label={label} hint={hint}>
      {(aria) => (
        <FileInput
          {...aria}
          ref={input}
          label={label}
          accept={accept}
          disabled={disabled}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (input.current) input.current.value = '';
            if (file) onFile(file);
          }}
        />
      )}
    </Field>
  );
}
