/**
 * One opinion on the board: text, source, inline 市の考え方 and 反映状況, field move, merge selection.
 *
 * A light card: a board of thousands of opinions mounts dozens of cards on every filter key,
 * so a card is plain elements (text, badges as spans, a native checkbox and <select>, plain
 * buttons), each still named and reachable by Tab. The heavy controls are created only when
 * used: the operations menu when its button is pressed, the text area when 市の考え方 is
 * being edited (Enter or F2 on the card, a click on the text, or 「市の考え方を入力」).
 */
import { memo, useRef, useState, type DragEvent, type KeyboardEvent } from 'react';
import {
  makeStyles,
  mergeClasses,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { MoreHorizontalRegular } from '@fluentui/react-icons';
import type { Council, Opinion } from '../../../../shared/domain';
import { ConflictMark, conflictLink } from '../sync';
import { UNANSWERED, statusText } from '../../../../shared/opinions';

const badge = {
  display: 'inline-flex',
  alignItems: 'center',
  minHeight: '16px',
  padding: '0 4px',
  borderRadius: tokens.borderRadiusCircular,
  fontSize: tokens.fontSizeBase100,
  lineHeight: tokens.lineHeightBase100,
  fontWeight: tokens.fontWeightSemibold,
  border: `1px solid ${tokens.colorNeutralStroke1}`,
  color: tokens.colorNeutralForeground1,
  whiteSpace: 'nowrap' as const,
};

const useStyles = makeStyles({
  card: {
    display: 'grid',
    gridTemplateColumns: 'auto 1fr',
    gap: '4px 10px',
    padding: '10px 12px',
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `2px solid ${tokens.colorBrandStroke1}`, outlineOffset: '1px' },
  },
  selected: { backgroundColor: tokens.colorBrandBackground2 },
  check: { width: '16px', height: '16px', margin: '2px 0 0', accentColor: tokens.colorBrandBackground },
  body: { display: 'flex', flexDirection: 'column', gap: '6px', minWidth: 0 },
  head: { display: 'flex', gap: '8px', alignItems: 'flex-start' },
  summary: { flex: 1, overflowWrap: 'anywhere' },
  no: { fontWeight: tokens.fontWeightSemibold },
  more: {
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    width: '24px',
    height: '24px',
    padding: 0,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    background: 'transparent',
    color: tokens.colorNeutralForeground2,
    fontSize: '16px',
    cursor: 'pointer',
    ':hover': { backgroundColor: tokens.colorSubtleBackgroundHover, color: tokens.colorNeutralForeground1 },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  meta: { display: 'flex', gap: '6px 8px', flexWrap: 'wrap', alignItems: 'center' },
  badge,
  informative: { ...badge, color: tokens.colorBrandForeground2, border: `1px solid ${tokens.colorBrandStroke2}` },
  danger: {
    ...badge,
    color: tokens.colorNeutralForegroundOnBrand,
    backgroundColor: tokens.colorPaletteRedBackground3,
    border: `1px solid ${tokens.colorPaletteRedBackground3}`,
  },
  tintBrand: {
    ...badge,
    color: tokens.colorBrandForeground2,
    backgroundColor: tokens.colorBrandBackground2,
    border: `1px solid ${tokens.colorBrandStroke2}`,
  },
  tint: {
    ...badge,
    color: tokens.colorNeutralForeground2,
    backgroundColor: tokens.colorNeutralBackground3,
    border: `1px solid ${tokens.colorNeutralStroke2}`,
  },
  note: { fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground3 },
  link: {
    padding: '0 4px',
    border: 'none',
    background: 'transparent',
    color: tokens.colorBrandForegroundLink,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    cursor: 'pointer',
    ':hover': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  select: {
    width: '140px',
    height: '24px',
    marginLeft: 'auto',
    padding: '0 4px',
    border: `1px solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase200,
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  responseText: { whiteSpace: 'pre-wrap', color: tokens.colorNeutralForeground2, cursor: 'text', flex: '1 1 100%' },
  dup: { color: tokens.colorNeutralForeground3, fontSize: tokens.fontSizeBase200 },
});

export interface CardProps {
  opinion: Opinion;
  no: number;
  council: Council;
  source: string;
  member: string;
  duplicates: readonly { opinion: Opinion; source: string }[];
  selected: boolean;
  /** Team sync lists this opinion as a conflict (the 競合 marker links to the list). */
  inConflict?: boolean;
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
  /** Titles of actions by id (Opinion.actionIds are looked up in it). */
  actionTitles?: ReadonlyMap<string, string>;
  /** Headings of plan sections by id (該当箇所; Opinion.sectionIds are looked up in it). */
  sectionTitles: ReadonlyMap<string, string>;
  onTogglePublic: (o: Opinion) => void;
  onUnmerge: (o: Opinion) => void;
  onDragStart: (e: DragEvent, o: Opinion) => void;
}

/** Cards rendered since the page loaded (counted for the board's bench). */
export const cardRenders = { count: 0 };

const titles = (ids: readonly string[] | undefined, map: ReadonlyMap<string, string> | undefined) =>
  (ids ?? []).map((id) => map?.get(id)).filter((x): x is string => !!x);

export const OpinionCard = memo(function OpinionCard(p: CardProps) {
  cardRenders.count++;
  const s = useStyles();
  const o = p.opinion;
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(o.response);
  const [menuOpen, setMenuOpen] = useState(false);
  // The board may show another opinion in this card (it reuses a card that left the view):
  // what was being edited or opened belonged to the previous one.
  const [shownId, setShownId] = useState(o.id);
  if (shownId !== o.id) {
    setShownId(o.id);
    setEditing(false);
    setDraft(o.response);
    setMenuOpen(false);
  }
  const moreRef = useRef<HTMLButtonElement>(null);
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
    } else if ((e.key === 'Enter' && !e.altKey && !e.ctrlKey) || e.key === 'F2') {
      e.preventDefault();
      begin();
    } else if (e.key === ' ') {
      e.preventDefault();
      p.onSelect(o.id, !p.selected);
    }
  };
  const item = (label: string, run: () => void) => (
    <MenuItem key={label} onClick={run}>
      {label}
    </MenuItem>
  );
  const sections = titles(o.sectionIds, p.sectionTitles);
  const actions = titles(o.actionIds, p.actionTitles);

  return (
    <article
      className={mergeClasses(s.card, p.selected && s.selected)}
      aria-label={`意見${p.no}`}
      data-opinion-id={o.id}
      tabIndex={0}
      draggable={!editing}
      onDragStart={(e) => p.onDragStart(e, o)}
      onKeyDown={onKey}
    >
      <input
        type="checkbox"
        className={s.check}
        aria-label={`意見${p.no}を選択`}
        checked={p.selected}
        onChange={(e) => p.onSelect(o.id, e.currentTarget.checked)}
      />
      <div className={s.body}>
        <div className={s.head}>
          <span className={s.summary}>
            <span className={s.no}>{p.no}.</span> {o.summary}
          </span>
          {p.inConflict ? <ConflictMark to={conflictLink('opinions', o.id)} /> : null}
          <button
            ref={moreRef}
            type="button"
            className={s.more}
            aria-label={`意見${p.no}の操作`}
            aria-haspopup="menu"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
          >
            <MoreHorizontalRegular />
          </button>
          {menuOpen ? (
            <Menu
              open
              positioning={{ target: moreRef.current, position: 'below', align: 'end' }}
              onOpenChange={(_, d) => {
                if (d.open) return;
                setMenuOpen(false);
                // Back to the button the menu was opened from (unless a dialog took the focus).
                requestAnimationFrame(() => {
                  if (document.activeElement === document.body) moreRef.current?.focus();
                });
              }}
            >
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
                  {item('内容を編集', () => p.onEdit(o))}
                  {item('該当箇所（ビジョン・計画）を設定', () => p.onLink(o))}
                  {p.onLinkActions ? item('アクションに結び付ける（進行管理）', () => p.onLinkActions?.(o)) : null}
                  {item(o.nonPublic ? '公開に戻す' : '非公開にする（公開版に載せない）', () => p.onTogglePublic(o))}
                  {item('削除', () => p.onDelete(o))}
                </MenuList>
              </MenuPopover>
            </Menu>
          ) : null}
        </div>
        <div className={s.meta}>
          <span className={s.informative}>{p.source}</span>
          {p.member ? <span className={s.badge}>{p.member}</span> : null}
          {o.nonPublic ? <span className={s.danger}>非公開</span> : null}
          {o.remarkId ? <span className={s.note}>会議の記録から</span> : null}
          {sections.map((h) => (
            <span key={h} className={s.tintBrand}>
              該当：{h}
            </span>
          ))}
          {actions.map((t) => (
            <span key={t} className={s.tint}>
              アクション：{t}
            </span>
          ))}
          {!editing && !o.response ? (
            <button type="button" className={s.link} onClick={begin}>
              市の考え方を入力
            </button>
          ) : null}
          <select
            className={s.select}
            aria-label={`意見${p.no}の反映状況`}
            value={statusText(o)}
            onChange={(e) => p.onStatus(o, e.currentTarget.value)}
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
          </select>
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
            <span className={s.responseText} onClick={begin} title="クリックして編集">
              ⇒ {o.response}
            </span>
          ) : null}
        </div>
        {p.duplicates.length ? (
          <div className={s.dup} aria-label={`意見${p.no}に統合した意見`}>
            {p.duplicates.map((d) => (
              <div key={d.opinion.id}>
                統合：{d.opinion.summary}（{d.source}）
                <button type="button" className={s.link} onClick={() => p.onUnmerge(d.opinion)}>
                  分離
                </button>
              </div>
            ))}
          </div>
        ) : null}
      </div>
    </article>
  );
});
