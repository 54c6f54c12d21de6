/** The selected section: its heading, body blocks, structure tools and the opinions it reflects. */
import { useEffect, useRef, useState, type ReactElement } from 'react';
import { Badge, Button, Field, Input, makeStyles, Text, Tooltip, tokens } from '@fluentui/react-components';
import {
  Add20Regular,
  ArrowDown20Regular,
  ArrowUp20Regular,
  Delete20Regular,
  TextBulletList20Regular,
  TextIndentDecreaseLtr20Regular,
  TextIndentIncreaseLtr20Regular,
  TextParagraph20Regular,
  Table20Regular,
} from '@fluentui/react-icons';
import type { OutlineEntry } from '../../../../shared/drafts';
import type { Block, Opinion, Section } from '../../../../shared/domain';
import { BlockEditor, newBlock } from './BlockEditor';
import { LinkedOpinions } from './LinkedOpinions';
import { outlineActionOf, type OutlineAction } from './outline';

const useStyles = makeStyles({
  panel: {
    backgroundColor: tokens.colorNeutralBackground1,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '16px 20px',
    display: 'flex',
    flexDirection: 'column',
    gap: '10px',
  },
  toolbar: { display: 'flex', gap: '4px', flexWrap: 'wrap', alignItems: 'center' },
});

export function SectionPanel({
  entry,
  focusToken,
  opinions,
  onAction,
  onChange,
  onDelete,
}: {
  entry: OutlineEntry;
  focusToken: number;
  opinions: Opinion[];
  onAction: (a: OutlineAction) => void;
  onChange: (patch: Partial<Pick<Section, 'heading' | 'blocks'>>) => void;
  onDelete: () => void;
}) {
  const s = useStyles();
  const headingRef = useRef<HTMLInputElement>(null);
  const section = entry.section;
  useEffect(() => {
    if (focusToken) headingRef.current?.focus();
  }, [focusToken]);
  const blocks = section.blocks;
  // The block just added takes the focus, so what the user types next goes into it (issue 21).
  const [focusBlock, setFocusBlock] = useState<number | null>(null);
  const addBlock = (type: Block['type']) => {
    setFocusBlock(blocks.length);
    onChange({ blocks: [...blocks, newBlock(type)] });
  };
  const setBlock = (i: number, b: Block) => onChange({ blocks: blocks.map((x, j) => (j === i ? b : x)) });
  const moveBlock = (i: number, delta: -1 | 1) => {
    const next = [...blocks];
    const j = i + delta;
    if (j < 0 || j >= next.length) return;
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange({ blocks: next });
  };
  const tool = (label: string, icon: ReactElement, a: OutlineAction) => (
    <Tooltip content={label} relationship="label">
      <Button
        size="small"
        appearance="subtle"
        icon={icon}
        onClick={() => {
          onAction(a);
          if (a !== 'sibling' && a !== 'child') headingRef.current?.focus();
        }}
      />
    </Tooltip>
  );
  return (
    <section className={s.panel} aria-label="項目の編集" data-section-id={section.id} tabIndex={-1}>
      <div className={s.toolbar}>
        <Badge appearance="tint" size="large">
          {entry.path}
        </Badge>
        <Text size={200} style={{ color: tokens.colorNeutralForeground3, marginLeft: 4 }}>
          第{entry.level + 1}階層
        </Text>
        <span style={{ flex: 1 }} />
        {tool('上へ移動（Alt+↑）', <ArrowUp20Regular />, 'up')}
        {tool('下へ移動（Alt+↓）', <ArrowDown20Regular />, 'down')}
        {tool('一段上げる（Alt+←）', <TextIndentDecreaseLtr20Regular />, 'outdent')}
        {tool('一段下げる（Alt+→）', <TextIndentIncreaseLtr20Regular />, 'indent')}
        <Button size="small" icon={<Add20Regular />} onClick={() => onAction('sibling')}>
          同じ階層に追加
        </Button>
        <Button size="small" icon={<Add20Regular />} onClick={() => onAction('child')}>
          下の階層に追加
        </Button>
        <Tooltip content="この項目を削除" relationship="label">
          <Button size="small" appearance="subtle" icon={<Delete20Regular />} onClick={onDelete} />
        </Tooltip>
      </div>
      <Field label={`見出し（${entry.label}）`} hint="Ctrl+Enter で次の項目、Alt+→ / Alt+← で階層を変更">
        <Input
          ref={headingRef}
          value={section.heading}
          onChange={(_, d) => onChange({ heading: d.value })}
          onKeyDown={(e) => {
            const a = outlineActionOf(e);
            if (a) {
              e.preventDefault();
              onAction(a);
            }
          }}
          placeholder="例：これまでの取り組みと成果"
          aria-label="見出し"
        />
      </Field>
      {blocks.map((b, i) => (
        <BlockEditor
          key={i}
          block={b}
          index={i}
          count={blocks.length}
          onChange={(nb) => setBlock(i, nb)}
          onMove={(d) => moveBlock(i, d)}
          onRemove={() => onChange({ blocks: blocks.filter((_, j) => j !== i) })}
          autoFocus={focusBlock === i}
          onFocused={() => setFocusBlock(null)}
        />
      ))}
      <div className={s.toolbar}>
        <Button size="small" icon={<TextParagraph20Regular />} onClick={() => addBlock('paragraph')}>
          段落を追加
        </Button>
        <Button size="small" icon={<TextBulletList20Regular />} onClick={() => addBlock('bullets')}>
          箇条書きを追加
        </Button>
        <Button size="small" icon={<Table20Regular />} onClick={() => addBlock('table')}>
          表を追加
        </Button>
      </div>
      <LinkedOpinions sectionId={section.id} opinions={opinions} />
    </section>
  );
}
