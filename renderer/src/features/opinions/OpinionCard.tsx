/** One opinion on the board: text, source, inline 市の考え方 and 反映状況, field move, merge selection. */
import { memo, useState, type DragEvent, type KeyboardEvent } from 'react';
import {
  Badge,
  Button,
  Checkbox,
  makeStyles,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Select,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import type { Council, Opinion } from '../../../../shared/domain';
import { UNANSWERED, statusText } from '../../../../shared/opinions';

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: '4px 10px',
    padding: '10px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '1px' },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  meta: { display: 'flex', gap: '6px 8px', flexWrap: 'wrap', alignItems: 'center' },
  responseText: { whiteSpace: 'pre-wrap', color: tokens.colorNeutralForeground2, cursor: 'text', flex: '1 1 100%' },
  dup: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface CardProps {
  opinion: Opinion;
  no: number;
  council: Council;
  source: string;
  member: string;
  duplicates: { opinion: Opinion; source: string }[];
  selected: boolean;
  onSelect: (id: string, on: boolean) => void;
  onStatus: (o: Opinion, status: string) => void;
  onResponse: (o: Opinion, response: string) => void;
  onMove: (o: Opinion, fieldId: string | null) => void;
  onStep: (o: Opinion, step: -1 | 1) => void;
  onDelete: (o: Opinion) => void;
  onEdit: (o: Opinion) => void;
  onLink: (o: Opinion) => void;
  /** 「アクションに結び付ける」 (進行管理). */
  onLinkActions?: (o: Opinion) => void;
  /** Titles of the actions it is about (Opinion.actionIds). */
  actions?: string[];
  /** Headings of the plan sections it is linked to (該当箇所). */
  sections: string[];
  onTogglePublic: (o: Opinion) => void;
  onUnmerge: (o: Opinion) => void;
  onDragStart: (e: DragEvent, o: Opinion) => void;
}

export const OpinionCard = memo(function OpinionCard(p: CardProps) {
  const s = useStyles();
  const o = p.opinion;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(o.response);
  const begin = () => {
    setDraft(o.response);
    setEditing(true);
  };
  const save = () => {
    setEditing(false);
    if (draft.trim() !== o.response) p.onResponse(o, draft);
  };

  const onKey = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget || e.nativeEvent.isComposing) return;
    if (e.altKey && (e.key === 'ArrowUp' || e.key === 'ArrowDown')) {
      e.preventDefault();
      p.onStep(o, e.key === 'ArrowUp' ? -1 : 1);
    } else if (e.key === 'Enter' && !e.altKey && !e.ctrlKey) {
      e.preventDefault();
      begin();
    } else if (e.key === ' ') {
      e.preventDefault();
      p.onSelect(o.id, !p.selected);
    }
  };

  return (
    <article
      className={`${s.card} ${p.selected ? s.selected : ''}`}
      aria-label={`意見${p.no}`}
      data-opinion-id={o.id}
      tabIndex={0}
      draggable={!editing}
      onDragStart={(e) => p.onDragStart(e, o)}
      onKeyDown={onKey}
    >
      <Checkbox
        aria-label={`意見${p.no}を選択`}
        checked={p.selected}
        onChange={(_, d) => p.onSelect(o.id, d.checked === true)}
      />
      <div style={{ display: 'flex', flexDirection: 'column', gap: 6, minWidth: 0 }}>
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-start' }}>
          <Text style={{ flex: 1 }}>
            <Text weight="semibold">{p.no}.</Text> {o.summary}
          </Text>
          <Menu>
            <MenuTrigger disableButtonEnhancement>
              <Button
                appearance="subtle"
                size="small"
                icon={<MoreHorizontalRegular />}
                aria-label={`意見${p.no}の操作`}
              />
            </MenuTrigger>
            <MenuPopover>
              <MenuList>
                {[
                  ...p.council.fields.map((f) => ({ id: f.id as string | null, name: f.name })),
                  { id: null, name: '分野未設定' },
                ]
                  .filter((f) => f.id !== o.fieldId)
                  .map((f) => (
                    <MenuItem key={f.id ?? 'none'} onClick={() => p.onMove(o, f.id)}>
                      「{f.name}」へ移動
                    </MenuItem>
                  ))}
                <MenuItem onClick={() => p.onEdit(o)}>内容を編集</MenuItem>
                <MenuItem onClick={() => p.onLink(o)}>該当箇所（ビジョン・計画）を設定</MenuItem>
                {p.onLinkActions ? (
                  <MenuItem onClick={() => p.onLinkActions?.(o)}>アクションに結び付ける（進行管理）</MenuItem>
                ) : null}
                <MenuItem onClick={() => p.onTogglePublic(o)}>
                  {o.nonPublic ? '公開に戻す' : '非公開にする（公開版に載せない）'}
                </MenuItem>
                <MenuItem onClick={() => p.onDelete(o)}>削除</MenuItem>
              </MenuList>
            </MenuPopover>
          </Menu>
        </div>
        <div className={s.meta}>
          <Badge appearance="outline" size="small" color="informative">
            {p.source}
          </Badge>
          {p.member ? (
            <Badge appearance="outline" size="small">
              {p.member}
            </Badge>
          ) : null}
          {o.nonPublic ? (
            <Badge appearance="filled" size="small" color="danger">
              非公開
            </Badge>
          ) : null}
          {o.remarkId ? (
            <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
              会議の記録から
            </Text>
          ) : null}
          {p.sections.map((h) => (
            <Badge key={h} appearance="tint" size="small" color="brand">
              該当：{h}
            </Badge>
          ))}
          {(p.actions ?? []).map((t) => (
            <Badge key={t} appearance="tint" size="small" color="informative">
              アクション：{t}
            </Badge>
          ))}
          {!editing && !o.response ? (
            <Button size="small" appearance="transparent" onClick={begin}>
              市の考え方を入力
            </Button>
          ) : null}
          <Select
            size="small"
            aria-label={`意見${p.no}の反映状況`}
            value={statusText(o)}
            onChange={(_, d) => p.onStatus(o, d.value)}
            style={{ width: 140, marginLeft: 'auto' }}
          >
            {[
              UNANSWERED,
              ...p.council.responseStatuses,
              ...(o.status && !p.council.responseStatuses.includes(o.status) ? [o.status] : []),
            ].map((st) => (
              <option key={st} value={st}>
                {st}
              </option>
            ))}
          </Select>
          {editing ? (
            <Textarea
              aria-label={`意見${p.no}の市の考え方`}
              autoFocus
              resize="vertical"
              value={draft}
              style={{ flex: '1 1 100%' }}
              onChange={(_, d) => setDraft(d.value)}
              onBlur={save}
              onKeyDown={(e) => {
                if (e.nativeEvent.isComposing) return;
                if (e.key === 'Escape') {
                  e.preventDefault();
                  setEditing(false);
                }
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                  e.preventDefault();
                  save();
                }
              }}
            />
          ) : o.response ? (
            <Text className={s.responseText} onClick={begin} title="クリックして編集">
              ⇒ {o.response}
            </Text>
          ) : null}
        </div>
        {p.duplicates.length ? (
          <div className={s.dup} aria-label={`意見${p.no}に統合した意見`}>
            {p.duplicates.map((d) => (
              <div key={d.opinion.id}>
                統合：{d.opinion.summary}（{d.source}）
                <Button size="small" appearance="transparent" onClick={() => p.onUnmerge(d.opinion)}>
                  分離
                </Button>
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </article>
  );
});
