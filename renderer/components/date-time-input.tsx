import { useState } from 'react';
import type { ControlAria } from './field';
import { parseTypedDate, parseTypedTime, showDate } from './date-text';

export interface DateTimeInputProps {
  readonly aria: ControlAria;
  readonly kind: 'date' | 'time';
  readonly name: string;
  /** The form's value: 'YYYY-MM-DD' or 'HH:mm' once whole and real; what was typed until then. */
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly inputRef: (element: HTMLElement | null) => void;
  readonly className: string;
  readonly placeholder: string;
  readonly autoFocus?: boolean | undefined;
}

/**
 * A text input for a date (dd/mm/yyyy) or a time (HH:mm, 24-hour): the form gets the ISO value as soon
 * as what is typed is whole and real, and the text as typed otherwise, so the schema refuses it with
 * its message and the field keeps it. Leaving the field writes a recognised value out in full.
 */
export function DateTimeInput({ aria, kind, name, value, onChange, inputRef, className, placeholder, autoFocus }: DateTimeInputProps) {
  const parse = kind === 'date' ? parseTypedDate : parseTypedTime;
  const show = kind === 'date' ? showDate : (text: string) => text;
  const [text, setText] = useState(() => show(value));
  const [seen, setSeen] = useState(value);
  // The value changed: by typing here (the text already says it), or by the form itself (a reset, a
  // restored draft), whose value is shown instead.
  if (value !== seen) {
    setSeen(value);
    if ((parse(text) ?? text.trim()) !== value) setText(show(value));
  }
  return (
    <input
      {...aria}
      ref={inputRef}
      className={className}
      name={name}
      type="text"
      inputMode="numeric"
      value={text}
      placeholder={placeholder}
      autoComplete="off"
      spellCheck={false}
      autoFocus={autoFocus}
      onChange={(event) => {
        const typed = event.target.value;
        setText(typed);
        onChange(typed.trim() === '' ? '' : (parse(typed) ?? typed));
      }}
      onBlur={() => {
        const parsed = parse(text);
        if (parsed !== null) setText(show(parsed));
      }}
    />
  );
}
