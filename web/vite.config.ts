import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: "http://127.0.0.1:3000", changeOrigin: false },
      "/healthz": { target: "http://127.0.0.1:3000" },
      "/readyz": { target: "http://127.0.0.1:3000" },
    },
  },
  preview: {
    proxy: {
      "/api": { target: "http://127.0.0.1:3000" },
    },
  },
});
