/** The 新旧 comparison as a two-column table, section by section, changes marked. */
import type { ReactNode } from 'react';
import { Badge, makeStyles, Text, tokens } from '@fluentui/react-components';
import { SECTION_STATUS_LABELS, type DiffOp, type SectionComparison } from '../../../../shared/drafts';
import { DiffMarked as Marked } from '../../ui/DiffMarked';
import type { ComparisonOptions } from '../../../../shared/contract/drafts';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: '1fr 1fr',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: '#fff',
  },
  head: {
    fontWeight: 600,
    textAlign: 'center',
    padding: '6px',
    backgroundColor: tokens.colorNeutralBackground3,
    borderBottom: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  cell: {
    padding: '8px 10px',
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    lineHeight: 1.7,
    fontSize: tokens.fontSizeBase300,
  },
});

function SideCell({
  row,
  side,
  badge,
  collapse,
}: {
  row: SectionComparison;
  side: 'old' | 'new';
  badge?: ReactNode;
  collapse: boolean;
}) {
  const present = side === 'new' ? row.new : row.old;
  if (!present)
    return (
      <Text>
        {badge}
        {side === 'new' ? '（削る）' : '（新設）'}
      </Text>
    );
  return (
    <div>
      <div style={{ fontWeight: 700, paddingLeft: Math.max(0, row.level - 1) * 12 }}>
        {badge}
        <Marked ops={row.heading} side={side} />
      </div>
      {row.lines.map((l, i) => {
        if (
          side === 'new'
            ? l.status === 'deleted' || l.status === 'moved-out'
            : l.status === 'added' || l.status === 'moved-in'
        )
          return null;
        // As in the document: a run of unchanged lines is one （略）.
        if (collapse && l.status === 'equal')
          return row.lines[i - 1]?.status === 'equal' ? null : (
            <div key={i} style={{ paddingLeft: (row.level + 1) * 12 }}>
              （略）
            </div>
          );
        const ops: DiffOp[] =
          l.status === 'moved-in' || l.status === 'moved-out'
            ? [{ op: side === 'new' ? 'insert' : 'delete', text: l.ops[0]!.text }]
            : l.ops;
        return (
          <div key={i} style={{ paddingLeft: (row.level + 1) * 12 }}>
            <Marked ops={ops} side={side} />
          </div>
        );
      })}
    </div>
  );
}

export function ComparisonTable({
  rows: shown,
  options,
  heads,
}: {
  rows: SectionComparison[];
  options: ComparisonOptions;
  /** The column heads, new then old. */
  heads: [string, string];
}) {
  const s = useStyles();
  const ordered = <T,>(n: T, o: T): [T, T] => (options.order === 'new-old' ? [n, o] : [o, n]);
  return (
    <div className={s.grid} role="table" aria-label="新旧の比較">
      <div role="row" style={{ display: 'contents' }}>
        {heads &&
          ordered(heads[0], heads[1]).map((h) => (
            <div key={h} role="columnheader" className={s.head}>
              {h}
            </div>
          ))}
      </div>
      {shown.map((r) => (
        <div
          key={r.id}
          role="row"
          aria-label={`${SECTION_STATUS_LABELS[r.status]}：${(r.new ?? r.old)!.section.heading}`}
          style={{ display: 'contents' }}
        >
          {ordered('new' as const, 'old' as const).map((side) => (
            <div key={side} role="cell" className={s.cell}>
              <SideCell
                row={r}
                side={side}
                collapse={options.unchanged === 'collapse'}
                badge={
                  side === ordered('new' as const, 'old' as const)[0] ? (
                    <Badge size="small" appearance="outline" style={{ marginRight: 6, verticalAlign: 'text-bottom' }}>
                      {SECTION_STATUS_LABELS[r.status]}
                      {r.moved && r.status !== 'moved' ? '・移動' : ''}
                    </Badge>
                  ) : undefined
                }
              />
            </div>
          ))}
        </div>
      ))}
    </div>
  );
}
