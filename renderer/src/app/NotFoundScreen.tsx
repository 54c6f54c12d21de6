import { Button } from '@fluentui/react-components';
import { useNavigate } from 'react-router-dom';
import { EmptyState } from '../ui/EmptyState';

export function NotFoundScreen({ what = 'ページ' }: { what?: string }) {
  const navigate = useNavigate();
  return (
    <EmptyState
      title={`${what}が見つかりません`}
      actions={
        <Button appearance="primary" onClick={() => navigate('/')}>
          ホームへ戻る
        </Button>
      }
    >
      削除されたか、アドレスが正しくない可能性があります。
    </EmptyState>
  );
}
