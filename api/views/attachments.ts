/** What the calls of api/calls/attachments.ts return (docs/architecture.md, "The contract"). */

export interface AttachmentView {
  readonly id: string;
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  readonly createdAt: number;
}

/** An opened attachment: its content, checked against the SHA-256 kept when it was added. */
export interface AttachmentContent {
  readonly fileName: string;
  readonly mime: string;
  readonly size: number;
  readonly sha256: string;
  /** Standard padded base64, as both transports carry it today. */
  readonly dataBase64: string;
}
