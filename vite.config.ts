import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { archipelagoConfig } from './deploy/vite-archipelago-config.ts';

// ARCHIPELAGO_CONFIG names a runtime config file to serve, with its same-origin proxy (see README).
const deployment = archipelagoConfig(process.env.ARCHIPELAGO_CONFIG);

export default defineConfig({
  plugins: [react(), tailwindcss(), deployment.plugin],
  server: { host: '127.0.0.1', port: 5173, strictPort: true, proxy: deployment.proxy },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true, proxy: deployment.proxy },
  build: { sourcemap: true },
});
