import type { CallError, ErrorCode } from '../api/result';

/** An error a user can cause or meet: carries a stable code the interface translates. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields: Readonly<Record<string, string>> | undefined;
  readonly params: Readonly<Record<string, string | number>> | undefined;
  readonly fieldParams: CallError['fieldParams'];

  constructor(code: ErrorCode, message: string, extra: Omit<CallError, 'code' | 'message'> = {}) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.fields = extra.fields;
    this.params = extra.params;
    this.fieldParams = extra.fieldParams;
  }

  toCallError(): CallError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.params ? { params: this.params } : {}),
      ...(this.fieldParams ? { fieldParams: this.fieldParams } : {}),
    };
  }
}

/**
 * A write refused while an import runs (db/exchange/import-job.ts): by the dispatcher, the write path and
 * the audit log alike, one error for all three.
 */
export function importRunning(): AppError {
  return new AppError('store.importing', 'an import is running: writing waits until it ends');
}
