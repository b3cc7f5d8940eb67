// Vite build for the Storyloom web app. `npm run build` writes dist/ with content-hashed
// assets under dist/assets/, which `storyloom serve` serves with a long cache lifetime.
// In development, /api, /files, /checkout and /webhooks are proxied to a running
// `storyloom serve` (STORYLOOM_DEV_API, default http://127.0.0.1:8080).
import { defineConfig } from "vite";

const api = process.env.STORYLOOM_DEV_API ?? "http://127.0.0.1:8080";

export default defineConfig({
  build: {
    outDir: "dist",
    assetsDir: "assets",
    sourcemap: false,
    target: "es2022",
  },
  server: {
    proxy: Object.fromEntries(
      ["/api", "/files", "/checkout", "/webhooks", "/pay"].map((p) => [p, { target: api, changeOrigin: false }]),
    ),
  },
});
