/** 委員名簿 and 事務局職員: add, edit, remove, reorder (Alt+↑/↓ or drag), sort by 50音, import from Excel. */
import { useState } from 'react';
import { useLiveQuery } from '../../data/live';
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  MessageBar,
  MessageBarBody,
  ToggleButton,
  Tooltip,
} from '@fluentui/react-components';
import { Add24Regular, DocumentTable24Regular } from '@fluentui/react-icons';
import { sortedMembers, sortedStaff } from '../../data/queries';
import {
  membersScope,
  referencesOf,
  removeMember,
  removeStaff,
  saveMember,
  saveStaff,
  type MemberInput,
  type StaffInput,
} from './data';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { EmptyState } from '../../ui/EmptyState';
import { dateOrDash } from '../../ui/format';
import { staffTitle } from '../../../../shared/people';
import { todayInTokyo } from '../../../../shared/wareki';
import type { Member, Staff } from '../../../../shared/domain';
import { useConfirmDelete } from '../../ui/ConfirmDelete';
import { UndoBar } from '../../ui/UndoBar';
import { SavedFileBar, useExport } from '../../ui/exporting';
import { RosterImportButton } from './RosterImportDialog';
import { termWarning } from '../../../../shared/terms';
import type { CouncilTabProps } from '../../app/councilTabs';
import { call } from '../../platform/bridge';
import { emptyMember, emptyStaff, MemberDialog, StaffDialog } from './MemberDialogs';
import { MemberTable } from './MemberTable';
import { StaffTable } from './StaffTable';
import { ReadOnlyArea, ReadOnlyNotice, useCouncilAccess } from '../sync';

export function MembersTab({ council }: CouncilTabProps) {
  const notify = useNotify();
  // Team use: a member who only reads the council (閲覧のみ) is offered no change.
  const { readOnly } = useCouncilAccess(council.id);
  const members = useLiveQuery(() => sortedMembers(council.id), [council.id]);
  const staff = useLiveQuery(() => sortedStaff(council.id), [council.id]);
  const [byReading, setByReading] = useState(false);
  const [editing, setEditing] = useState<Member | 'new' | null>(null);
  const [editingStaff, setEditingStaff] = useState<Staff | 'new' | null>(null);
  const [removing, setRemoving] = useState<{ member: Member; refs: string[] } | null>(null);
  const template = useExport({ bar: true });
  const { confirm, dialog: confirmDialog } = useConfirmDelete();
  if (!members || !staff) return null;

  const today = todayInTokyo();
  const warnings = members.map((m) => ({ m, w: termWarning(m, today) })).filter((x) => x.w);

  const onSaveMember = async (input: MemberInput) => {
    try {
      if (editing) await saveMember(council.id, editing, input);
      setEditing(null);
    } catch (error) {
      notify.error(error, '委員を保存できませんでした');
    }
  };
  const askRemove = async (m: Member) => setRemoving({ member: m, refs: await referencesOf(m) });
  const onSaveStaff = async (input: StaffInput) => {
    try {
      if (editingStaff) await saveStaff(council.id, editingStaff, input);
      setEditingStaff(null);
    } catch (error) {
      notify.error(error, '事務局職員を保存できませんでした');
    }
  };
  const onRemoveStaff = async (s: Staff) => {
    if (!(await confirm({ kind: '事務局職員', name: staffTitle(s), detail: '名簿から削除します。' }))) return;
    try {
      await removeStaff(s);
    } catch (error) {
      notify.error(error, '事務局職員を削除できませんでした');
    }
  };

  return (
    <>
      {confirmDialog}
      <ReadOnlyNotice readOnly={readOnly} what="委員名簿・事務局名簿" />
      <UndoBar scope={membersScope(council.id)} />
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
            {readOnly ? null : (
              <>
                <RosterImportButton councilId={council.id} members={members} />
                <Button appearance="primary" icon={<Add24Regular />} onClick={() => setEditing('new')}>
                  委員を追加
                </Button>
              </>
            )}
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
          <ReadOnlyArea readOnly={readOnly}>
            <MemberTable
              members={members}
              byReading={byReading}
              today={today}
              onEdit={setEditing}
              onRemove={(m) => void askRemove(m)}
              readOnly={readOnly}
            />
          </ReadOnlyArea>
        )}
      </Section>

      <ReadOnlyArea readOnly={readOnly}>
        <StaffTable
          staff={staff}
          onAdd={() => setEditingStaff('new')}
          onEdit={setEditingStaff}
          onRemove={(s) => void onRemoveStaff(s)}
          readOnly={readOnly}
        />
      </ReadOnlyArea>

      <MemberDialog
        open={editing !== null}
        categories={[
          ...new Set(['学識経験者', '関係団体', '公募市民', ...members.map((m) => m.category).filter(Boolean)]),
        ]}
        title={editing === 'new' ? '委員を追加' : '委員を編集'}
        initial={editing && editing !== 'new' ? editing : emptyMember}
        stored={editing && editing !== 'new' ? members.find((x) => x.id === editing.id) : undefined}
        onClose={() => setEditing(null)}
        onSave={onSaveMember}
      />
      <StaffDialog
        open={editingStaff !== null}
        title={editingStaff === 'new' ? '事務局職員を追加' : '事務局職員を編集'}
        initial={editingStaff && editingStaff !== 'new' ? editingStaff : emptyStaff}
        onClose={() => setEditingStaff(null)}
        onSave={onSaveStaff}
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
                <>名簿から削除します。削除した直後なら「元に戻す」（Ctrl+Z）で戻せます。</>
              )}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setRemoving(null)}>{removing?.refs.length ? '閉じる' : 'キャンセル'}</Button>
              {removing && !removing.refs.length ? (
                <Button
                  appearance="primary"
                  onClick={async () => {
                    try {
                      await removeMember(removing.member);
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
