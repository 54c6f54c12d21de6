/** The frame around every screen: title bar, navigation drawer, content. */
import { useCallback, useEffect, useRef, useState } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import {
  Badge,
  Button,
  makeStyles,
  NavCategory,
  NavCategoryItem,
  NavDivider,
  NavDrawer,
  NavDrawerBody,
  NavDrawerHeader,
  NavItem,
  NavSectionHeader,
  NavSubItem,
  NavSubItemGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import {
  BuildingGovernment24Regular,
  Home24Regular,
  Navigation24Regular,
  People24Regular,
  Settings24Regular,
} from '@fluentui/react-icons';
import { useCouncilList } from '../data/app';
import { bridge } from '../platform/bridge';
import { ShortcutsDialog } from './ShortcutsDialog';
import { COUNCIL_TABS } from './councilTabs';
import { SearchLauncher } from '../features/search';
import { SyncStatus } from './SyncStatus';
import { useFirstScreenShown } from './firstScreen';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  titleBar: {
    display: 'flex',
    alignItems: 'center',
    gap: '12px',
    height: '44px',
    paddingInline: '16px',
    flexShrink: 0,
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  body: { display: 'flex', flex: 1, minHeight: 0 },
  nav: { height: '100%', borderRight: `1px solid ${tokens.colorNeutralStroke2}` },
  menuButton: { color: tokens.colorNeutralForegroundOnBrand, minWidth: 'auto' },
  main: { flex: 1, minWidth: 0, overflow: 'auto', padding: '20px 28px 40px' },
});

/** Below this width (a small screen, or 200% zoom at 1366×768) the menu folds into a button. */
const NARROW = '(max-width: 960px)';

function useNarrow(): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(NARROW).matches);
  useEffect(() => {
    const query = window.matchMedia(NARROW);
    const onChange = () => setNarrow(query.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return narrow;
}

export function AppShell() {
  const s = useStyles();
  const narrow = useNarrow();
  const [menuOpen, setMenuOpen] = useState(false);
  const navigateTo = useNavigate();
  // On a narrow window the menu is an overlay: choosing a place also closes it.
  const navigate = useCallback(
    (to: string) => {
      setMenuOpen(false);
      navigateTo(to);
    },
    [navigateTo],
  );
  const { pathname } = useLocation();
  const councils = useCouncilList();
  const active = councils.filter((c) => !c.archived);
  const mainRef = useRef<HTMLElement>(null);
  // The search index is loaded or built only after the first screen is shown (SearchLauncher).
  const firstScreenShown = useFirstScreenShown(mainRef);
  const listed = councils.length > 0;
  useEffect(() => {
    // For the start bench (bench/start-big.bench.ts): when the menu first lists the councils.
    if (listed && performance.getEntriesByName('app:councils').length === 0) performance.mark('app:councils');
  }, [listed]);

  const councilMatch = /^\/councils\/([^/]+)(?:\/([^/]+))?/.exec(pathname);
  // The council being viewed is always expanded; others open and close by the user.
  const [openCats, setOpenCats] = useState<string[]>([]);
  const current = councilMatch ? `council:${councilMatch[1]}` : null;
  const open = current && !openCats.includes(current) ? [...openCats, current] : openCats;
  const selected =
    pathname === '/'
      ? 'home'
      : pathname === '/councils'
        ? 'councils'
        : pathname.startsWith('/settings')
          ? 'settings'
          : councilMatch
            ? `council:${councilMatch[1]}:${councilMatch[2] ?? 'overview'}`
            : '';

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.isComposing || !e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'h' || e.key === 'H') {
        e.preventDefault();
        navigate('/');
      }
      if (e.key === 'l' || e.key === 'L') {
        e.preventDefault();
        navigate('/councils');
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <div className={s.root}>
      <header className={s.titleBar}>
        {narrow ? (
          <Button
            appearance="transparent"
            className={s.menuButton}
            icon={<Navigation24Regular />}
            aria-label="メニューを開く"
            aria-expanded={menuOpen}
            onClick={() => setMenuOpen(true)}
          />
        ) : null}
        <Text weight="semibold" size={400}>
          審議会デスク
        </Text>
        {narrow ? null : <Text size={200}>審議会事務局のための会議・会議録・意見管理</Text>}
        <span style={{ flex: 1 }} />
        <SyncStatus />
        <SearchLauncher firstScreenShown={firstScreenShown} />
        {bridge.mode === 'browser' ? (
          <Badge appearance="outline" color="informative" style={{ color: 'white', borderColor: 'white' }}>
            ブラウザーモード
          </Badge>
        ) : null}
      </header>
      <div className={s.body}>
        <NavDrawer
          open={!narrow || menuOpen}
          type={narrow ? 'overlay' : 'inline'}
          onOpenChange={(_, d) => setMenuOpen(d.open)}
          className={s.nav}
          selectedValue={selected}
          aria-label="メインメニュー"
          openCategories={open}
          onNavCategoryItemToggle={(_, d) => {
            const v = String(d.categoryValue ?? d.value);
            setOpenCats(open.includes(v) ? open.filter((c) => c !== v) : [...open, v]);
          }}
        >
          <NavDrawerHeader />
          <NavDrawerBody>
            <NavItem value="home" icon={<Home24Regular />} onClick={() => navigate('/')}>
              ホーム
            </NavItem>
            <NavItem value="councils" icon={<BuildingGovernment24Regular />} onClick={() => navigate('/councils')}>
              審議会一覧
            </NavItem>
            {active.length ? <NavSectionHeader>審議会</NavSectionHeader> : null}
            {active.map((c) => (
              <NavCategory key={c.id} value={`council:${c.id}`}>
                <NavCategoryItem icon={<People24Regular />} onClick={() => navigate(`/councils/${c.id}`)}>
                  {c.name}
                </NavCategoryItem>
                <NavSubItemGroup>
                  {COUNCIL_TABS.map(({ key, label }) => (
                    <NavSubItem
                      key={key}
                      value={`council:${c.id}:${key}`}
                      onClick={() => navigate(`/councils/${c.id}${key === 'overview' ? '' : `/${key}`}`)}
                    >
                      {label}
                    </NavSubItem>
                  ))}
                </NavSubItemGroup>
              </NavCategory>
            ))}
            <NavDivider />
            <NavItem value="settings" icon={<Settings24Regular />} onClick={() => navigate('/settings')}>
              データと設定
            </NavItem>
          </NavDrawerBody>
        </NavDrawer>
        <main className={s.main} id="main-content" ref={mainRef}>
          <Outlet />
        </main>
      </div>
      <ShortcutsDialog />
    </div>
  );
}
