import react from '@vitejs/plugin-react-swc';
import { defineConfig, loadEnv } from 'vite';

/**
 * The CMS endpoint is built into the bundle (import.meta.env.VITE_CASEBOOK_ENDPOINT): `vite` and `vite build`
 * refuse to start without it, rather than ship a site that calls nowhere. `vite preview` serves a finished build.
 */
export default defineConfig(({ mode, isPreview }) => {
  if (!isPreview) {
    const endpoint = loadEnv(mode, process.cwd(), 'VITE_').VITE_CASEBOOK_ENDPOINT;
    if (!endpoint) {
      throw new Error(
        'VITE_CASEBOOK_ENDPOINT 未设置:请在环境变量或 .env.local 中给出 CMS 的 GraphQL 地址,例如 http://127.0.0.1:1337/graphql(同源部署可写 /graphql)。' +
          '\nVITE_CASEBOOK_ENDPOINT is not set: give the CMS GraphQL endpoint in the environment or .env.local (see .env.example).',
      );
    }
    if (!/^https?:\/\/[^/]+\/|^\//.test(endpoint)) {
      throw new Error(`VITE_CASEBOOK_ENDPOINT=${endpoint} 不是 http(s) 地址或以 / 开头的路径 (neither an http(s) URL nor an absolute path)`);
    }
  }
  return {
    plugins: [react()],
    build: { sourcemap: true },
  };
});
