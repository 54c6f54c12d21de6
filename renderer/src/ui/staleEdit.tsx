/**
 * Two windows on one record. An editor keeps the user's unsaved input when the record is
 * changed elsewhere (another window, the projector's PC tab, a restore): it says so and
 * offers to load the other version or to overwrite it — never a silent loss either way.
 */
import { useEffect, useRef, useState } from 'react';
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';

/**
 * A form's draft of a stored record. `same` compares only what the form edits (other
 * sections may change other fields of the same record meanwhile).
 * - nothing typed yet: the draft follows the stored record;
 * - typed, and the record changed elsewhere: `changedElsewhere`, until the user chooses
 *   `reload` (take the stored version) or `keepMine` (save over it knowingly);
 * - `saving()` before the form's own save: the stored version that comes back is adopted.
 */
export function useRecordDraft<T>(stored: T, same: (a: T, b: T) => boolean) {
  const [draft, setDraft] = useState(stored);
  const [base, setBase] = useState(stored);
  const ownSave = useRef(false);
  const dirty = !same(draft, base);
  useEffect(() => {
    if (same(stored, base)) return;
    if (ownSave.current || !dirty || same(stored, draft)) {
      ownSave.current = false;
      setDraft(stored);
      setBase(stored);
    }
    // Only a new stored record decides; the draft's own changes do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [stored]);
  return {
    draft,
    setDraft,
    dirty,
    changedElsewhere: dirty && !same(stored, base),
    reload: () => {
      setDraft(stored);
      setBase(stored);
    },
    keepMine: () => setBase(stored),
    saving: () => {
      ownSave.current = true;
    },
  };
}

/** The notice above a form whose record changed elsewhere while the user was typing. */
export function ChangedElsewhereBar({ onReload, onKeepMine }: { onReload: () => void; onKeepMine: () => void }) {
  return (
    <MessageBar intent="warning" layout="multiline" role="alert" style={{ marginBottom: 8 }}>
      <MessageBarBody>
        <MessageBarTitle>別の画面で変更されました</MessageBarTitle>
        入力中の内容はまだ保存していません。別の画面（別のウィンドウ）で同じ項目が保存されました。どちらを残すか選んでください。
      </MessageBarBody>
      <MessageBarActions>
        <Button onClick={onReload}>別の画面の内容を読み込む（入力を破棄）</Button>
        <Button appearance="primary" onClick={onKeepMine}>
          入力した内容で上書きする
        </Button>
      </MessageBarActions>
    </MessageBar>
  );
}
