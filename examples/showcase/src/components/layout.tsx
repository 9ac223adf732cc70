import { NavLink, Outlet, ScrollRestoration, useNavigation } from 'react-router-dom';
import { SITE_NAME } from '../use-document-title';

/** Every page's frame: a skip link, the site's name and navigation, the page, and a bar while the next page loads. */
export const Layout = () => {
  const loading = useNavigation().state === 'loading';
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <NavLink to="/" className="site-title">
            {SITE_NAME}
          </NavLink>
          <nav aria-label="主导航">
            <ul className="site-nav">
              <li>
                <NavLink to="/" end>
                  案例列表
                </NavLink>
              </li>
              <li>
                <NavLink to="/vote">投票中心</NavLink>
              </li>
            </ul>
          </nav>
        </div>
        <div className={loading ? 'loading-bar loading-bar--active' : 'loading-bar'} role="progressbar" aria-label="正在加载" aria-hidden={!loading} />
      </header>
      <main id="main" className="site-main" aria-busy={loading}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <p>案例内容来自 Casebook 案例库,版权归原作者及原发布媒体所有。</p>
      </footer>
      <ScrollRestoration />
    </>
  );
};

/** What shows while the first page's data loads. */
export const FirstLoad = () => (
  <p className="first-load" role="status">
    正在加载案例库…
  </p>
);
