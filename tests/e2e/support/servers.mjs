// Real servers for end-to-end tests, all on loopback: nginx serves the release
// dist/ on one origin (with CORS, as a CDN would) and the host pages on another,
// so every test embeds the widget cross-origin. Host pages are templates: the
// string __DIST__ becomes the dist origin.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const root = resolve(import.meta.dirname, "..", "..", "..");
export const dist = join(root, "dist");
const fixtures = join(root, "tests", "fixtures");

async function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

async function waitForPort(port, child) {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode})`);
    const open = await new Promise((done) => {
      const socket = createServer().listen(port, "127.0.0.1");
      socket.once("listening", () => socket.close(() => done(false)));
      socket.once("error", () => done(true));
    });
    if (open) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on ${port}`);
}

/** Starts nginx; returns { distOrigin, hostOrigin, stop() }. */
export async function startServers() {
  if (!existsSync(join(dist, "embed.js"))) throw new Error("dist/ is not built: run `cargo xtask test`");
  const work = mkdtempSync(join(tmpdir(), "cw-e2e-"));
  const [distPort, hostPort] = [await freePort(), await freePort()];
  const distOrigin = `http://127.0.0.1:${distPort}`;
  const hostOrigin = `http://127.0.0.1:${hostPort}`;

  const pages = join(work, "pages");
  mkdirSync(pages);
  for (const name of readdirSync(fixtures)) {
    const text = readFileSync(join(fixtures, name), "utf8").replaceAll("__DIST__", distOrigin);
    writeFileSync(join(pages, name), text);
  }
  mkdirSync(join(work, "logs"));
  const conf = join(work, "nginx.conf");
  writeFileSync(conf, `
daemon off;
master_process off;
worker_processes 1;
pid ${work}/nginx.pid;
error_log ${work}/logs/error.log warn;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log ${work}/logs/access.log;
  client_body_temp_path ${work}/body;
  proxy_temp_path ${work}/proxy;
  fastcgi_temp_path ${work}/fastcgi;
  uwsgi_temp_path ${work}/uwsgi;
  scgi_temp_path ${work}/scgi;
  sendfile on;
  gzip on;
  gzip_types application/javascript application/wasm text/css application/json image/svg+xml;
  server {
    listen 127.0.0.1:${distPort};
    root ${dist};
    add_header Access-Control-Allow-Origin * always;
    add_header Access-Control-Expose-Headers Date always;
    location = /embed.js {
      add_header Access-Control-Allow-Origin * always;
      add_header Access-Control-Expose-Headers Date always;
      add_header Cache-Control "no-cache";
    }
  }
  server {
    listen 127.0.0.1:${hostPort};
    root ${pages};
  }
}
`);
  const child = spawn("/usr/sbin/nginx", ["-c", conf, "-p", work], { stdio: ["ignore", "inherit", "inherit"] });
  await waitForPort(distPort, child);
  await waitForPort(hostPort, child);
  return {
    distOrigin,
    hostOrigin,
    accessLog: () => readFileSync(join(work, "logs", "access.log"), "utf8"),
    async stop() {
      child.kill("SIGTERM");
      await new Promise((done) => (child.exitCode !== null ? done() : child.once("exit", done)));
      rmSync(work, { recursive: true, force: true });
    },
  };
}
