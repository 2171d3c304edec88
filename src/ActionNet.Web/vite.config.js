import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The console is plain static files: `npm run build` writes them into the API host's wwwroot, which
// serves them at `/`. `npm run dev` proxies /api to a running API host (ACTIONNET_API, default :5080).
export default defineConfig({
  base: '/',
  build: {
    outDir: fileURLToPath(new URL('../ActionNet.Api/wwwroot', import.meta.url)),
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 1200,
  },
  server: {
    proxy: { '/api': process.env.ACTIONNET_API ?? 'http://127.0.0.1:5080' },
  },
});
