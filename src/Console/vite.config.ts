import { defineConfig } from "vite";

// Served by the gateway under /console; built into the gateway's web root so a publish carries it.
export default defineConfig({
  base: "/console/",
  build: {
    outDir: "../Gateway/wwwroot/console",
    emptyOutDir: true,
    target: "es2022",
    reportCompressedSize: false,
  },
});
