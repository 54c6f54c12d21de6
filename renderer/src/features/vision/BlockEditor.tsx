/** Editing one body block of a section: a paragraph, a bullet list (one item per line) or a simple table. */
import { useEffect, useRef } from 'react';
import { Button, Checkbox, Input, Text, Textarea, Tooltip, tokens } from '@fluentui/react-components';
import { ArrowDown20Regular, ArrowUp20Regular, Delete20Regular } from '@fluentui/react-icons';
import type { Block } from '../../../../shared/domain';

const KIND: Record<Block['type'], string> = { paragraph: '段落', bullets: '箇条書き', table: '表' };

export function newBlock(type: Block['type']): Block {
  if (type === 'paragraph') return { type, text: '' };
  if (type === 'bullets') return { type, items: [''] };
  return {
    type,
    header: true,
    rows: [
      ['', ''],
      ['', ''],
    ],
  };
}

export function BlockEditor({
  block,
  index,
  count,
  onChange,
  onMove,
  onRemove,
  autoFocus = false,
  onFocused,
}: {
  block: Block;
  index: number;
  count: number;
  onChange: (b: Block) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
  /** Move the focus into the block's first text box (a block just added). */
  autoFocus?: boolean;
  onFocused?: () => void;
}) {
  const name = `${KIND[block.type]}（${index + 1}）`;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!autoFocus) return;
    // The text itself (a paragraph's 「枠で囲む」 checkbox comes before it), else a table's first cell.
    const el = ref.current;
    (
      el?.querySelector<HTMLElement>('textarea') ??
      el?.querySelector<HTMLElement>('input[type="text"], input:not([type])')
    )?.focus();
    onFocused?.();
  }, [autoFocus, onFocused]);
  return (
    <div
      ref={ref}
      role="group"
      aria-label={name}
      style={{
        border: `1px solid ${tokens.colorNeutralStroke2}`,
        borderRadius: tokens.borderRadiusMedium,
        padding: 8,
        display: 'flex',
        flexDirection: 'column',
        gap: 6,
      }}
    >
      <div style={{ display: 'flex', alignItems: 'center', gap: 4 }}>
        <Text size={200} weight="semibold" style={{ color: tokens.colorNeutralForeground3, flex: 1 }}>
          {name}
          {block.type === 'bullets' ? '　1行に1項目' : ''}
        </Text>
        <Tooltip content="上へ" relationship="label">
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowUp20Regular />}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          />
        </Tooltip>
        <Tooltip content="下へ" relationship="label">
          <Button
            size="small"
            appearance="subtle"
            icon={<ArrowDown20Regular />}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          />
        </Tooltip>
        <Tooltip content={`${name}を削除`} relationship="label">
          <Button size="small" appearance="subtle" icon={<Delete20Regular />} onClick={onRemove} />
        </Tooltip>
      </div>
      {block.type === 'paragraph' ? (
        <>
          <BoxLabel block={block} name={name} onChange={onChange} />
          <Textarea
            aria-label={name}
            value={block.text}
            resize="vertical"
            rows={Math.min(8, Math.max(2, Math.ceil(block.text.length / 45)))}
            onChange={(_, d) => onChange({ ...block, text: d.value })}
          />
        </>
      ) : block.type === 'bullets' ? (
        <Textarea
          aria-label={name}
          value={block.items.join('\n')}
          resize="vertical"
          rows={Math.min(10, Math.max(2, block.items.length))}
          onChange={(_, d) => onChange({ ...block, items: d.value.split('\n') })}
        />
      ) : (
        <TableEditor block={block} name={name} onChange={onChange} />
      )}
    </div>
  );
}

function TableEditor({
  block,
  name,
  onChange,
}: {
  block: Extract<Block, { type: 'table' }>;
  name: string;
  onChange: (b: Block) => void;
}) {
  const cols = Math.max(1, ...block.rows.map((r) => r.length));
  const set = (ri: number, ci: number, value: string) =>
    onChange({
      ...block,
      rows: block.rows.map((r, i) =>
        i === ri ? Array.from({ length: cols }, (_, j) => (j === ci ? value : (r[j] ?? ''))) : r,
      ),
    });
  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 6 }}>
      <table role="grid" aria-label={name} style={{ borderCollapse: 'collapse', width: '100%' }}>
        <tbody>
          {block.rows.map((row, ri) => (
            <tr key={ri}>
              {Array.from({ length: cols }, (_, ci) => (
                <td key={ci} style={{ padding: 2 }}>
                  <Input
                    aria-label={`${ri + 1}行${ci + 1}列`}
                    value={row[ci] ?? ''}
                    onChange={(_, d) => set(ri, ci, d.value)}
                    style={{ width: '100%', fontWeight: block.header && ri === 0 ? 600 : undefined }}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <div style={{ display: 'flex', gap: 6, flexWrap: 'wrap', alignItems: 'center' }}>
        <Checkbox
          label="1行目を見出しにする"
          checked={block.header}
          onChange={(_, d) => onChange({ ...block, header: d.checked === true })}
        />
        <Button
          size="small"
          onClick={() => onChange({ ...block, rows: [...block.rows, Array.from({ length: cols }, () => '')] })}
        >
          行を追加
        </Button>
        <Button size="small" onClick={() => onChange({ ...block, rows: block.rows.map((r) => [...r, '']) })}>
          列を追加
        </Button>
        <Button
          size="small"
          disabled={block.rows.length <= 1}
          onClick={() => onChange({ ...block, rows: block.rows.slice(0, -1) })}
        >
          最後の行を削除
        </Button>
        <Button
          size="small"
          disabled={cols <= 1}
          onClick={() => onChange({ ...block, rows: block.rows.map((r) => r.slice(0, cols - 1)) })}
        >
          最後の列を削除
        </Button>
      </div>
    </div>
  );
}

/**
 * 「枠で囲む」: the paragraph is printed in a ruled box under a label (目指す姿, 大事にする価値 …,
 * docs/CONVENTIONS.md §9). Unticking keeps the text and only drops the box.
 */
function BoxLabel({
  block,
  name,
  onChange,
}: {
  block: Extract<Block, { type: 'paragraph' }>;
  name: string;
  onChange: (b: Block) => void;
}) {
  const boxed = block.box !== undefined;
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 8, flexWrap: 'wrap' }}>
      <Checkbox
        label="枠で囲む"
        checked={boxed}
        onChange={(_, d) => {
          if (d.checked === true) onChange({ ...block, box: '' });
          else {
            const { box: _box, ...plain } = block;
            void _box;
            onChange(plain);
          }
        }}
      />
      {boxed ? (
        <Input
          size="small"
          aria-label={`${name}の枠の見出し`}
          placeholder="枠の見出し（例：目指す姿）"
          value={block.box ?? ''}
          onChange={(_, d) => onChange({ ...block, box: d.value })}
        />
      ) : null}
    </div>
  );
}
