/** 委員名簿 and 事務局職員: add, edit, remove, reorder (Alt+↑/↓ or drag), sort by 50音, import from Excel. */
import { useState, type FormEvent } from 'react';
import { useLiveQuery } from '../../data/live';
import {
  Badge,
  Button,
  Combobox,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Dropdown,
  Field,
  Input,
  MessageBar,
  MessageBarBody,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  ToggleButton,
  Tooltip,
  tokens,
} from '@fluentui/react-components';
import {
  Add24Regular,
  ArrowDownRegular,
  ArrowUpRegular,
  DeleteRegular,
  DocumentTable24Regular,
  EditRegular,
} from '@fluentui/react-icons';
import { db } from '../../data/db';
import { sortedMembers, sortedStaff } from '../../data/queries';
import {
  addMember,
  addStaff,
  deleteMember,
  deleteStaff,
  memberReferences,
  setOrder,
  type MemberInput,
  type StaffInput,
} from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { dateOrDash } from '../../ui/format';
import { compareByReading, staffTitle } from '../../../../shared/people';
import { todayInTokyo } from '../../../../shared/wareki';
import { MEMBER_ROLES, type Member, type Staff } from '../../../../shared/domain';
import { move, useReorder } from '../../ui/reorder';
import { SavedFileBar, useExport } from '../../ui/exporting';
import { RosterImportButton } from './RosterImportDialog';
import { termWarning } from '../../../../shared/terms';
import type { CouncilTabProps } from '../../app/councilTabs';
import { call } from '../../platform/bridge';
import { FormDialog, TWO_COLUMNS } from '../../ui/FormDialog';

const emptyMember: MemberInput = {
  name: '',
  reading: '',
  role: '委員',
  category: '',
  affiliation: '',
  termStart: null,
  termEnd: null,
};

function MemberDialog({
  open,
  initial,
  title,
  categories,
  onClose,
  onSave,
}: {
  open: boolean;
  initial: MemberInput;
  title: string;
  categories: string[];
  onClose: () => void;
  onSave: (m: MemberInput) => Promise<void>;
}) {
  const [m, setM] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [key, setKey] = useState(0);
  if (!open && key !== 0) {
    setKey(0);
  }
  if (open && key === 0) {
    setKey(1);
    setM(initial);
    setTouched(false);
  }
  const termError =
    m.termStart && m.termEnd && m.termStart > m.termEnd ? '任期終了は任期開始より後の日付にしてください。' : undefined;
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!m.name.trim() || termError) return;
    await onSave({
      ...m,
      name: m.name.trim(),
      reading: m.reading.trim(),
      category: m.category.trim(),
      affiliation: m.affiliation.trim(),
    });
  };
  const set = (patch: Partial<MemberInput>) => setM((x) => ({ ...x, ...patch }));
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) onClose();
      }}
      title={title}
      onSubmit={submit}
      contentStyle={TWO_COLUMNS}
    >
      <Field
        label="氏名"
        required
        validationMessage={touched && !m.name.trim() ? '氏名を入力してください。' : undefined}
      >
        <Input value={m.name} onChange={(_, d) => set({ name: d.value })} autoFocus />
      </Field>
      <Field label="よみがな" hint="50音順の並べ替えに使います">
        <Input value={m.reading} onChange={(_, d) => set({ reading: d.value })} />
      </Field>
      <Field label="役職">
        <Dropdown
          value={m.role}
          selectedOptions={[m.role]}
          onOptionSelect={(_, d) => set({ role: d.optionValue as Member['role'] })}
        >
          {MEMBER_ROLES.map((r) => (
            <Option key={r} value={r}>
              {r}
            </Option>
          ))}
        </Dropdown>
      </Field>
      <Field label="区分" hint="学識経験者・関係団体・公募市民 など">
        <Combobox
          freeform
          value={m.category}
          style={{ minWidth: 0 }}
          onChange={(e) => set({ category: e.target.value })}
          onOptionSelect={(_, d) => set({ category: d.optionText ?? '' })}
        >
          {categories.map((c) => (
            <Option key={c}>{c}</Option>
          ))}
        </Combobox>
      </Field>
      <Field label="所属" style={{ gridColumn: '1 / -1' }}>
        <Input value={m.affiliation} onChange={(_, d) => set({ affiliation: d.value })} />
      </Field>
      <Field label="任期開始">
        <Input type="date" value={m.termStart ?? ''} onChange={(_, d) => set({ termStart: d.value || null })} />
      </Field>
      <Field label="任期終了" validationMessage={termError}>
        <Input type="date" value={m.termEnd ?? ''} onChange={(_, d) => set({ termEnd: d.value || null })} />
      </Field>
    </FormDialog>
  );
}

const emptyStaff: StaffInput = { department: '', title: '', name: '' };

function StaffDialog({
  open,
  initial,
  title,
  onClose,
  onSave,
}: {
  open: boolean;
  initial: StaffInput;
  title: string;
  onClose: () => void;
  onSave: (s: StaffInput) => Promise<void>;
}) {
  const [s, setS] = useState(initial);
  const [touched, setTouched] = useState(false);
  const [key, setKey] = useState(0);
  if (!open && key !== 0) {
    setKey(0);
  }
  if (open && key === 0) {
    setKey(1);
    setS(initial);
    setTouched(false);
  }
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!s.name.trim()) return;
    await onSave({ department: s.department.trim(), title: s.title.trim(), name: s.name.trim() });
  };
  return (
    <FormDialog
      open={open}
      onOpenChange={(o) => {
        if (!o) onClose();
      }}
      title={title}
      onSubmit={submit}
    >
      <Field label="部署" hint="例：行政経営部、業務改善・ＤＸ推進課">
        <Input value={s.department} onChange={(_, d) => setS({ ...s, department: d.value })} autoFocus />
      </Field>
      <Field label="職名" hint="例：部長、課長補佐（職名のない職員は空欄）">
        <Input value={s.title} onChange={(_, d) => setS({ ...s, title: d.value })} />
      </Field>
      <Field
        label="氏名"
        required
        hint="会議録に載る形（例：東）"
        validationMessage={touched && !s.name.trim() ? '氏名を入力してください。' : undefined}
      >
        <Input value={s.name} onChange={(_, d) => setS({ ...s, name: d.value })} />
      </Field>
      <Text>
        会議録での表記：{s.department ? `【${s.department}】` : ''}
        {staffTitle({ name: s.name || '〇〇', title: s.title })}
      </Text>
    </FormDialog>
  );
}

export function MembersTab({ council }: CouncilTabProps) {
  const notify = useNotify();
  const members = useLiveQuery(() => sortedMembers(council.id), [council.id]);
  const staff = useLiveQuery(() => sortedStaff(council.id), [council.id]);
  const [byReading, setByReading] = useState(false);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [editingStaff, setEditingStaff] = useState<Staff | 'new' | null>(null);
  const [removing, setRemoving] = useState<{ member: Member; refs: string[] } | null>(null);
  const template = useExport();

  const list = members ?? [];
  const shown = byReading ? [...list].sort(compareByReading) : list;
  const reorder = useReorder(list.length, (from, to) =>
    setOrder(
      db,
      'members',
      move(list, from, to).map((m) => m.id),
    ),
  );
  const staffList = staff ?? [];
  const staffReorder = useReorder(staffList.length, (from, to) =>
    setOrder(
      db,
      'staff',
      move(staffList, from, to).map((s) => s.id),
    ),
  );
  if (!members || !staff) return null;

  const today = todayInTokyo();
  const warnings = members.map((m) => ({ m, w: termWarning(m, today) })).filter((x) => x.w);

  const saveMember = async (input: MemberInput) => {
    try {
      if (editing === 'new') await addMember(db, council.id, input);
      else if (editing) await db.members.update(editing.id, input);
      notify.success(editing === 'new' ? '委員を追加しました' : '委員を更新しました', input.name);
      setEditing(null);
    } catch (error) {
      notify.error(error, '委員を保存できませんでした');
    }
  };
  const askRemove = async (m: Member) => setRemoving({ member: m, refs: await memberReferences(db, m) });
  const saveStaff = async (input: StaffInput) => {
    try {
      if (editingStaff === 'new') await addStaff(db, council.id, input);
      else if (editingStaff) await db.staff.update(editingStaff.id, input);
      setEditingStaff(null);
    } catch (error) {
      notify.error(error, '事務局職員を保存できませんでした');
    }
  };
  const removeStaff = async (s: Staff) => {
    try {
      await deleteStaff(db, s);
      notify.success('事務局職員を削除しました', staffTitle(s));
    } catch (error) {
      notify.error(error, '事務局職員を削除できませんでした');
    }
  };

  return (
    <>
      <SavedFileBar saved={template.saved} onClose={template.clear} />
      <Section
        title={`委員名簿（${members.length}人）`}
        actions={
          <>
            <Tooltip content="取り込みに使える見出し付きの空の Excel ファイルを保存します" relationship="description">
              <Button
                appearance="subtle"
                icon={<DocumentTable24Regular />}
                disabled={template.busy !== null}
                onClick={() => void template.run('名簿のひな形', () => call('roster:export:template', {}))}
              >
                ひな形
              </Button>
            </Tooltip>
            <ToggleButton checked={byReading} onClick={() => setByReading((v) => !v)} aria-label="50音順に並べる">
              並び順：{byReading ? '50音順' : '名簿順'}
            </ToggleButton>
            <RosterImportButton councilId={council.id} members={members} />
            <Button appearance="primary" icon={<Add24Regular />} onClick={() => setEditing('new')}>
              委員を追加
            </Button>
          </>
        }
      >
        {warnings.length ? (
          <MessageBar intent="warning" style={{ marginBottom: 10 }} aria-label="任期の注意">
            <MessageBarBody>
              {warnings.map(({ m, w }) => (
                <span key={m.id} style={{ marginRight: 12 }}>
                  {m.name}
                  {m.role}：
                  {w!.ended
                    ? `任期が終了しています（${dateOrDash(m.termEnd)}）`
                    : `任期満了まで${w!.days}日（${dateOrDash(m.termEnd)}）`}
                </span>
              ))}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {members.length === 0 ? (
          <EmptyState title="委員が登録されていません">
            委員の氏名・よみがな・役職（会長／副会長／委員）・区分・所属・任期を登録します。名簿が Excel
            にある場合は「Excelから取り込む」で、見出し（氏名・よみがな・役職・区分・所属・任期開始・任期終了）のある表をそのまま取り込めます。
          </EmptyState>
        ) : (
          <>
            <Text size={200} style={{ color: tokens.colorNeutralForeground3 }}>
              {byReading
                ? 'よみがなの50音順で表示しています（並べ替えは名簿順の表示で行います）。'
                : '行を選んで Alt+↑／Alt+↓、またはドラッグで名簿順を変更できます。'}
            </Text>
            <Table aria-label="委員名簿" size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell style={{ width: 44 }}>順</TableHeaderCell>
                  <TableHeaderCell>氏名</TableHeaderCell>
                  <TableHeaderCell>よみがな</TableHeaderCell>
                  <TableHeaderCell style={{ width: 80 }}>役職</TableHeaderCell>
                  <TableHeaderCell>区分</TableHeaderCell>
                  <TableHeaderCell>所属</TableHeaderCell>
                  <TableHeaderCell style={{ width: 300 }}>任期</TableHeaderCell>
                  <TableHeaderCell style={{ width: 150 }}>操作</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {shown.map((m) => {
                  const i = list.indexOf(m);
                  const w = termWarning(m, today);
                  return (
                    <TableRow
                      key={m.id}
                      {...reorder.rowProps(i, !byReading)}
                      aria-label={`${m.name}${m.role}`}
                      style={reorder.over === i ? { outline: `2px solid ${tokens.colorBrandStroke1}` } : undefined}
                    >
                      <TableCell>{i + 1}</TableCell>
                      <TableCell>
                        <Text weight="semibold">{m.name}</Text>
                      </TableCell>
                      <TableCell>{m.reading || '—'}</TableCell>
                      <TableCell>
                        {m.role === '委員' ? (
                          m.role
                        ) : (
                          <Badge appearance="tint" color={m.role === '会長' ? 'brand' : 'informative'}>
                            {m.role}
                          </Badge>
                        )}
                      </TableCell>
                      <TableCell>{m.category || '—'}</TableCell>
                      <TableCell>{m.affiliation || '—'}</TableCell>
                      <TableCell>
                        {m.termStart || m.termEnd ? `${dateOrDash(m.termStart)}～${dateOrDash(m.termEnd)}` : '—'}{' '}
                        {w ? (
                          <Badge appearance="filled" color={w.ended ? 'danger' : 'warning'}>
                            {w.ended ? '任期終了' : `満了まで${w.days}日`}
                          </Badge>
                        ) : null}
                      </TableCell>
                      <TableCell>
                        {!byReading ? (
                          <>
                            <Tooltip content="上へ（Alt+↑）" relationship="label">
                              <Button
                                size="small"
                                appearance="subtle"
                                icon={<ArrowUpRegular />}
                                disabled={i === 0}
                                onClick={() =>
                                  void setOrder(
                                    db,
                                    'members',
                                    move(list, i, i - 1).map((x) => x.id),
                                  )
                                }
                              />
                            </Tooltip>
                            <Tooltip content="下へ（Alt+↓）" relationship="label">
                              <Button
                                size="small"
                                appearance="subtle"
                                icon={<ArrowDownRegular />}
                                disabled={i === list.length - 1}
                                onClick={() =>
                                  void setOrder(
                                    db,
                                    'members',
                                    move(list, i, i + 1).map((x) => x.id),
                                  )
                                }
                              />
                            </Tooltip>
                          </>
                        ) : null}
                        <Tooltip content={`${m.name}を編集`} relationship="label">
                          <Button
                            size="small"
                            appearance="subtle"
                            icon={<EditRegular />}
                            onClick={() => setEditing(m)}
                          />
                        </Tooltip>
                        <Tooltip content={`${m.name}を削除`} relationship="label">
                          <Button
                            size="small"
                            appearance="subtle"
                            icon={<DeleteRegular />}
                            onClick={() => void askRemove(m)}
                          />
                        </Tooltip>
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </>
        )}
      </Section>

      <Section
        title={`事務局職員（${staff.length}人）`}
        actions={
          <Button icon={<Add24Regular />} onClick={() => setEditingStaff('new')}>
            職員を追加
          </Button>
        }
      >
        {staff.length === 0 ? (
          <Text>事務局職員は会議録の「事務局職員」欄に【部署】氏名職名の形で載ります。</Text>
        ) : (
          <Table aria-label="事務局職員" size="small">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>部署</TableHeaderCell>
                <TableHeaderCell>職名</TableHeaderCell>
                <TableHeaderCell>氏名</TableHeaderCell>
                <TableHeaderCell>会議録での表記</TableHeaderCell>
                <TableHeaderCell style={{ width: 150 }}>操作</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {staff.map((s, i) => (
                <TableRow key={s.id} {...staffReorder.rowProps(i)} aria-label={staffTitle(s)}>
                  <TableCell>{s.department}</TableCell>
                  <TableCell>{s.title || '—'}</TableCell>
                  <TableCell>{s.name}</TableCell>
                  <TableCell>
                    {s.department ? `【${s.department}】` : ''}
                    {staffTitle(s)}
                  </TableCell>
                  <TableCell>
                    <Tooltip content="上へ（Alt+↑）" relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowUpRegular />}
                        disabled={i === 0}
                        onClick={() =>
                          void setOrder(
                            db,
                            'staff',
                            move(staff, i, i - 1).map((x) => x.id),
                          )
                        }
                      />
                    </Tooltip>
                    <Tooltip content="下へ（Alt+↓）" relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<ArrowDownRegular />}
                        disabled={i === staff.length - 1}
                        onClick={() =>
                          void setOrder(
                            db,
                            'staff',
                            move(staff, i, i + 1).map((x) => x.id),
                          )
                        }
                      />
                    </Tooltip>
                    <Tooltip content={`${s.name}を編集`} relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<EditRegular />}
                        onClick={() => setEditingStaff(s)}
                      />
                    </Tooltip>
                    <Tooltip content={`${s.name}を削除`} relationship="label">
                      <Button
                        size="small"
                        appearance="subtle"
                        icon={<DeleteRegular />}
                        onClick={() => void removeStaff(s)}
                      />
                    </Tooltip>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Section>

      <MemberDialog
        open={editing !== null}
        categories={[
          ...new Set(['学識経験者', '関係団体', '公募市民', ...members.map((m) => m.category).filter(Boolean)]),
        ]}
        title={editing === 'new' ? '委員を追加' : '委員を編集'}
        initial={editing && editing !== 'new' ? editing : emptyMember}
        onClose={() => setEditing(null)}
        onSave={saveMember}
      />
      <StaffDialog
        open={editingStaff !== null}
        title={editingStaff === 'new' ? '事務局職員を追加' : '事務局職員を編集'}
        initial={editingStaff && editingStaff !== 'new' ? editingStaff : emptyStaff}
        onClose={() => setEditingStaff(null)}
        onSave={saveStaff}
      />
      <Dialog
        open={removing !== null}
        onOpenChange={(_, d) => {
          if (!d.open) setRemoving(null);
        }}
      >
        <DialogSurface aria-describedby={undefined}>
          <DialogBody>
            <DialogTitle>
              {removing?.member.name}
              {removing?.member.role}を削除
            </DialogTitle>
            <DialogContent>
              {removing?.refs.length ? (
                `この委員には${removing.refs.join('、')}があるため削除できません。任期を終えた委員は「任期終了」を入力して名簿に残してください。`
              ) : (
                <>名簿から削除します。この操作は取り消せません。</>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setRemoving(null)}>{removing?.refs.length ? '閉じる' : 'キャンセル'}</Button>
              {removing && !removing.refs.length ? (
                <Button
                  appearance="primary"
                  onClick={async () => {
                    try {
                      await deleteMember(db, removing.member);
                      notify.success('委員を削除しました', removing.member.name);
                    } catch (error) {
                      notify.error(error, '委員を削除できませんでした');
                    }
                    setRemoving(null);
                  }}
                >
                  削除
                </Button>
              ) : null}
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </>
  );
}
