import { useState, type ReactNode } from 'react';
import type { Result } from '../../api/result';
import { useI18n } from '../i18n';
import { Button } from './button';
import { DataTable, type Column } from './data-table';
import { UnlinkPanel } from './unlink-panel';

export interface LinkListProps<Row extends { readonly linkId: string }, T> {
  readonly caption: string;
  readonly empty: string;
  /** The columns on screen; the action to take a link off is added for a user who may write. */
  readonly columns: readonly Column<Row>[];
  readonly rows: readonly Row[];
  readonly canWrite: boolean;
  readonly addLabel: string;
  /** The panel that adds a link; it calls done() once added, cancel() to close. */
  readonly addPanel: (close: { readonly done: () => void; readonly cancel: () => void }) => ReactNode;
  /** The action's label for one row ("Bỏ liên kết Nguyễn Văn A"), also the unlink panel's title. */
  readonly unlinkLabel: (row: Row) => string;
  readonly unlink: (input: { readonly linkId: string; readonly reason: string }) => Promise<Result<T>>;
  readonly onChanged: () => void;
}

/**
 * The links of a record (people of a hotspot, a person's relatives, reports about a hotspot): a table,
 * "add" opening a panel, and each link taken off with a reason.
 */
export function LinkList<Row extends { readonly linkId: string }, T>(props: LinkListProps<Row, T>) {
  const { caption, empty, columns, rows, canWrite, addLabel, addPanel, unlinkLabel, unlink, onChanged } = props;
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [unlinking, setUnlinking] = useState<Row | null>(null);
  const shown: readonly Column<Row>[] = canWrite
    ? [
        ...columns,
        {
          key: 'actions',
          header: t('common.actions'),
          cell: (row: Row) => (
            <Button small variant="quiet" onClick={() => setUnlinking(row)}>
              {unlinkLabel(row)}
            </Button>
          ),
        },
      ]
    : columns;
  return (
    <>
      <DataTable caption={caption} captionHidden columns={shown} rows={rows} rowKey={(row) => row.linkId} empty={empty} />
      {canWrite && !adding ? (
        <div className="page-actions">
          <Button small onClick={() => setAdding(true)}>
            {addLabel}
          </Button>
        </div>
      ) : null}
      {adding
        ? addPanel({
            done: () => {
              setAdding(false);
              onChanged();
            },
            cancel: () => setAdding(false),
          })
        : null}
      {unlinking ? (
        <UnlinkPanel
          key={unlinking.linkId}
          linkId={unlinking.linkId}
          title={unlinkLabel(unlinking)}
          submit={unlink}
          onCancel={() => setUnlinking(null)}
          onDone={() => {
            setUnlinking(null);
            onChanged();
          }}
        />
      ) : null}
    </>
  );
}
