/**
 * 「チームで使う」 (docs/TEAM.md): the CouchDB server, the user and password (kept in main,
 * never in IndexedDB), the councils to share, and a connection test with its reason in Japanese.
 */
import { useEffect, useState } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useNotify } from '../../app/notify';
import { Section } from '../../ui/Section';
import { REVIEWER_ROLE, type TeamConfig, type TeamConnectionResult } from '../../../../shared/contract/team';
import { readTeamConfig, restartTeamSync, saveTeamConfig, testTeamConnection, useCouncilChoices } from './data/team';

export function TeamSection() {
  const notify = useNotify();
  const councils = useCouncilChoices();
  const [config, setConfig] = useState<TeamConfig | null>(null);
  const [serverUrl, setServerUrl] = useState('');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [shared, setShared] = useState<string[]>([]);
  const [reviewerRequired, setReviewerRequired] = useState(false);
  const [result, setResult] = useState<TeamConnectionResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [otherId, setOtherId] = useState('');
  // Councils shared that this PC does not hold yet: they arrive with the first sync.
  const known = new Set((councils ?? []).map((c) => c.id));
  const pending = shared.filter((id) => councils && !known.has(id));
  // Until the stored settings are read, nothing can be typed or saved: the read would replace
  // what was typed, and a save would store blanks over the settings.
  const loading = config === null;

  useEffect(() => {
    readTeamConfig().then(
      (c) => {
        setConfig(c);
        setServerUrl(c.serverUrl);
        setUsername(c.username);
        setShared(c.councils);
        setReviewerRequired(c.reviewerRequired);
      },
      (e: unknown) => {
        notify.error(e, 'チームの設定を読み込めませんでした');
        setConfig({ serverUrl: '', username: '', hasPassword: false, councils: [], reviewerRequired: false });
      },
    );
  }, [notify]);

  const save = async () => {
    try {
      const next = await saveTeamConfig({
        serverUrl: serverUrl.trim(),
        username: username.trim(),
        ...(password ? { password } : {}),
        councils: shared,
        reviewerRequired,
      });
      setConfig(next);
      setPassword('');
      notify.success('チームの設定を保存しました');
      // The mirror follows the settings: started, restarted with the new councils, or stopped.
      void restartTeamSync().catch((e: unknown) => notify.error(e, '同期を開始できませんでした'));
    } catch (e) {
      notify.error(e, 'チームの設定を保存できませんでした');
    }
  };

  const test = async () => {
    setBusy(true);
    setResult(null);
    try {
      setResult(
        await testTeamConnection({
          serverUrl: serverUrl.trim(),
          username: username.trim(),
          ...(password ? { password } : {}),
          ...(shared[0] ? { councilId: shared[0] } : {}),
        }),
      );
    } catch (e) {
      notify.error(e, '接続テストができませんでした');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Section title="チームで使う">
      <Text block>
        庁内のCouchDBサーバーを通じて、事務局の複数の職員で審議会を共有します。サーバーがなくても、これまで通り1台で使えます。
      </Text>
      <Field label="サーバーのURL" hint="例: https://couchdb.example.lg.jp:6984">
        <Input
          value={serverUrl}
          onChange={(_, d) => setServerUrl(d.value)}
          maxLength={2048}
          disabled={loading}
          aria-label="サーバーのURL"
        />
      </Field>
      <Field label="ユーザー名">
        <Input
          value={username}
          onChange={(_, d) => setUsername(d.value)}
          maxLength={200}
          disabled={loading}
          aria-label="ユーザー名"
        />
      </Field>
      <Field
        label="パスワード"
        hint={config?.hasPassword ? '保存済みです。変えるときだけ入力してください。' : 'この PC の本体側に保存します。'}
      >
        <Input
          type="password"
          value={password}
          onChange={(_, d) => setPassword(d.value)}
          maxLength={1024}
          disabled={loading}
          aria-label="パスワード"
        />
      </Field>
      <Field label="共有する審議会">
        {(councils ?? []).map((c) => (
          <Checkbox
            key={c.id}
            label={c.name}
            checked={shared.includes(c.id)}
            disabled={loading}
            onChange={(_, d) => setShared((s) => (d.checked ? [...s, c.id] : s.filter((x) => x !== c.id)))}
          />
        ))}
        {pending.map((id) => (
          <Checkbox
            key={id}
            label={`まだこの PC にない審議会（ID: ${id}）`}
            checked
            onChange={() => setShared((s) => s.filter((x) => x !== id))}
          />
        ))}
      </Field>
      <Field
        label="ほかの PC の審議会を共有する"
        hint="この PC にまだない審議会は、IT 担当者から伝えられた審議会 ID を入れて追加します。保存すると最初の同期で届きます。"
      >
        <div style={{ display: 'flex', gap: 8 }}>
          <Input
            value={otherId}
            onChange={(_, d) => setOtherId(d.value)}
            maxLength={64}
            disabled={loading}
            aria-label="共有する審議会のID"
          />
          <Button
            disabled={!otherId.trim()}
            onClick={() => {
              const id = otherId.trim();
              setShared((s) => (s.includes(id) ? s : [...s, id]));
              setOtherId('');
            }}
          >
            追加
          </Button>
        </div>
      </Field>
      <Field
        label="会議録の確定"
        hint={`オンにすると、共有する審議会の会議録を「確定する」ことができるのは、サーバーで確認者の役割（${REVIEWER_ROLE}）を持つ利用者だけになります。確定の記録には CouchDB のユーザー名が残ります。`}
      >
        <Checkbox
          label="確認者だけが確定できるようにする"
          checked={reviewerRequired}
          disabled={loading}
          onChange={(_, d) => setReviewerRequired(!!d.checked)}
        />
      </Field>
      <div style={{ display: 'flex', gap: 8 }}>
        <Button appearance="primary" disabled={loading} onClick={() => void save()}>
          チームの設定を保存
        </Button>
        <Button disabled={loading || busy || !serverUrl.trim() || !username.trim()} onClick={() => void test()}>
          接続テスト
        </Button>
      </div>
      {result ? (
        <MessageBar intent={result.ok ? 'success' : 'error'} role="status">
          <MessageBarBody>{result.message}</MessageBarBody>
        </MessageBar>
      ) : null}
    </Section>
  );
}
