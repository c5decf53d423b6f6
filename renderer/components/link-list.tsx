import { useState, type ReactNode } from 'react';
import type { Result } from '../../api/result';
import { useI18n } from '../i18n';
import { Button } from './button';
import { DataTable, type Column } from './data-table';
import { UnlinkPanel } from './unlink-panel';

/** What changed in a link list: a link added (`name`: what the add panel says was linked) or taken off. */
export type LinkChange<Row> = { readonly kind: 'linked'; readonly name: string } | { readonly kind: 'unlinked'; readonly row: Row };

export interface LinkListProps<Row extends { readonly linkId: string | null }, T> {
  readonly caption: string;
  readonly empty: string;
  /** The columns on screen; the action to take a link off is added for a user who may write. */
  readonly columns: readonly Column<Row>[];
  /** The links; a row without a `linkId` (linked some other way) has no action to take it off. */
  readonly rows: readonly Row[];
  /** A row's key; by default its link id. */
  readonly rowKey?: (row: Row) => string;
  readonly canWrite: boolean;
  readonly addLabel: string;
  /** The panel that adds a link; it calls done() once added (with what it linked), cancel() to close. */
  readonly addPanel: (close: { readonly done: (name?: string) => void; readonly cancel: () => void }) => ReactNode;
  /** The action's label for one row ("Bỏ liên kết Nguyễn Văn A"), also the unlink panel's title. */
  readonly unlinkLabel: (row: Row) => string;
  /** The unlink panel's title when it says more than the action. */
  readonly unlinkTitle?: (row: Row) => string;
  /** The longest reason the unlink call accepts (UnlinkPanel's default otherwise). */
  readonly reasonMaxLength?: number;
  readonly unlink: (input: { readonly linkId: string; readonly reason: string }) => Promise<Result<T>>;
  readonly onChanged: (change: LinkChange<Row>) => void;
}

/**
 * The links of a record (people of a hotspot, a person's relatives, reports about a hotspot or a
 * campaign): a table, "add" opening a panel, and each link taken off with a reason.
 */
export function LinkList<Row extends { readonly linkId: string | null }, T>(props: LinkListProps<Row, T>) {
  const { caption, empty, columns, rows, rowKey, canWrite, addLabel, addPanel, unlinkLabel, unlinkTitle = unlinkLabel, reasonMaxLength, unlink, onChanged } = props;
  const { t } = useI18n();
  const [adding, setAdding] = useState(false);
  const [unlinking, setUnlinking] = useState<Row | null>(null);
  const shown: readonly Column<Row>[] = canWrite
    ? [
        ...columns,
        {
          key: 'actions',
          header: t('common.actions'),
          cell: (row: Row) =>
            row.linkId === null ? null : (
              <Button small variant="quiet" onClick={() => setUnlinking(row)} expanded={unlinking?.linkId === row.linkId}>
                {unlinkLabel(row)}
              </Button>
            ),
        },
      ]
    : columns;
  return (
    <>
      <DataTable caption={caption} captionHidden columns={shown} rows={rows} rowKey={rowKey ?? ((row) => row.linkId ?? '')} empty={empty} />
      {canWrite && !adding ? (
        <div className="page-actions">
          <Button small onClick={() => setAdding(true)}>
            {addLabel}
          </Button>
        </div>
      ) : null}
      {adding
        ? addPanel({
            done: (name = '') => {
              setAdding(false);
              onChanged({ kind: 'linked', name });
            },
            cancel: () => setAdding(false),
          })
        : null}
      {unlinking?.linkId ? (
        <UnlinkPanel
          key={unlinking.linkId}
          linkId={unlinking.linkId}
          title={unlinkTitle(unlinking)}
          maxLength={reasonMaxLength}
          submit={unlink}
          onCancel={() => setUnlinking(null)}
          onDone={() => {
            setUnlinking(null);
            onChanged({ kind: 'unlinked', row: unlinking });
          }}
        />
      ) : null}
    </>
  );
}
