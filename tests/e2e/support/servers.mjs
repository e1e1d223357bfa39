// Real servers for end-to-end tests, all on loopback: nginx serves the release
// dist/ on one origin (with CORS, as a CDN would) and the host pages on another,
// so every test embeds the widget cross-origin. Host pages are templates: the
// string __DIST__ becomes the dist origin.
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, readdirSync, readFileSync, writeFileSync, rmSync, existsSync } from "node:fs";
import { createServer } from "node:net";
import { deflateSync } from "node:zlib";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

export const root = resolve(import.meta.dirname, "..", "..", "..");
export const dist = join(root, "dist");
const fixtures = join(root, "tests", "fixtures");

export async function freePort() {
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

/** A 256×256 PNG map tile of one colour, made here so tests need no image files. */
export function tilePng([r, g, b] = [222, 232, 214]) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "ascii");
    data.copy(out, 8);
    out.writeUInt32BE(crc(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const size = 256;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const row = Buffer.alloc(1 + size * 3);
  for (let x = 0; x < size; x++) row.set([r, g, b], 1 + x * 3);
  const pixels = Buffer.concat(Array.from({ length: size }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Starts nginx; returns { distOrigin, hostOrigin, tileOrigin, stop() }. */
export async function startServers() {
  if (!existsSync(join(dist, "embed.js"))) throw new Error("dist/ is not built: run `cargo xtask test`");
  const work = mkdtempSync(join(tmpdir(), "cw-e2e-"));
  const [distPort, hostPort, tilePort] = [await freePort(), await freePort(), await freePort()];
  const distOrigin = `http://127.0.0.1:${distPort}`;
  const hostOrigin = `http://127.0.0.1:${hostPort}`;
  const tileOrigin = `http://127.0.0.1:${tilePort}`;
  mkdirSync(join(work, "tiles"));
  writeFileSync(join(work, "tiles", "tile.png"), tilePng());

  const pages = join(work, "pages");
  mkdirSync(pages);
  // Subresource Integrity of embed.js, as `cargo xtask dist` computes it.
  const sri = `sha384-${createHash("sha384").update(readFileSync(join(dist, "embed.js"))).digest("base64")}`;
  for (const name of readdirSync(fixtures)) {
    const text = readFileSync(join(fixtures, name), "utf8")
      .replaceAll("__DIST__", distOrigin)
      .replaceAll("__EMBED_SRI__", sri)
      .replaceAll("__TILES__", tileOrigin);
    writeFileSync(join(pages, name), text);
  }
  // Real front-end packages from npm for the hostile host pages.
  mkdirSync(join(pages, "vendor", "images"), { recursive: true });
  for (const file of [
    "bootstrap/dist/css/bootstrap.min.css", "bootstrap/dist/js/bootstrap.min.js", "jquery/dist/jquery.min.js",
    "simplycountdown.js/dist/simplyCountdown.umd.js", "leaflet/dist/leaflet.js", "leaflet/dist/leaflet.css",
    "requirejs/require.js", ["leaflet-0.7/dist/leaflet.js", "leaflet-0.7.7.js"],
    ["leaflet-0.7/dist/leaflet.css", "leaflet-0.7.7.css"],
    // Leaflet 0.7 finds its marker images next to its script.
    ["leaflet-0.7/dist/images/marker-icon.png", "images/marker-icon.png"],
    ["leaflet-0.7/dist/images/marker-shadow.png", "images/marker-shadow.png"],
    ["leaflet-0.7/dist/images/marker-icon-2x.png", "images/marker-icon-2x.png"],
  ]) {
    const [from, to] = Array.isArray(file) ? file : [file, file.split("/").pop()];
    writeFileSync(join(pages, "vendor", to), readFileSync(join(root, "node_modules", from)));
  }
  mkdirSync(join(work, "logs"));
  // The strict policy of the design, same-origin and cross-origin versions
  // (style-src names dist/ for browsers that link the widget's CSS).
  const csp = (extra) =>
    `default-src 'self'; script-src 'self' ${extra} 'wasm-unsafe-eval'; style-src 'self' ${extra}; ` +
    `img-src 'self' data: ${tileOrigin}; connect-src 'self' ${extra}`;
  const conf = join(work, "nginx.conf");
  writeFileSync(conf, `
# Debian's brotli_static module (libnginx-mod-http-brotli-static), as the README says.
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
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
  gzip_comp_level 6;
  gzip_types application/javascript application/wasm text/css application/json image/svg+xml;
  server {
    listen 127.0.0.1:${distPort};
    root ${dist};
    # As the README's nginx configuration: the release's own .br and .gz files,
    # brotli when the browser accepts it, else gzip, with Vary: Accept-Encoding.
    brotli_static on;
    gzip_static on;
    gzip_vary on;
    add_header Access-Control-Allow-Origin * always;
    add_header Access-Control-Expose-Headers Date always;
    add_header Timing-Allow-Origin * always;
    # Host pages served by the widget's own origin, under a strict policy.
    location /pages/ {
      alias ${pages}/;
      add_header Content-Security-Policy "${csp("")}" always;
    }
    # As the README's nginx configuration: hashed files cached for a year,
    # embed.js for five minutes, then revalidated in the background for a week.
    location ~ "-[0-9a-f]{8,16}(_bg\\.wasm|\\.js|\\.css|\\.json)$" {
      add_header Access-Control-Allow-Origin * always;
      add_header Access-Control-Expose-Headers Date always;
      add_header Timing-Allow-Origin * always;
      add_header Cache-Control "public, max-age=31536000, immutable";
    }
    location ~ /embed\\.js$ {
      add_header Access-Control-Allow-Origin * always;
      add_header Access-Control-Expose-Headers Date always;
      add_header Timing-Allow-Origin * always;
      add_header Cache-Control "public, max-age=300, stale-while-revalidate=604800";
    }
  }
  server {
    listen 127.0.0.1:${hostPort};
    root ${pages};
    # The same page from the host origin, so dist/ is cross-origin to it.
    # csp.html again, from the host origin: dist/ is then cross-origin to it.
    location = /csp.html { add_header Content-Security-Policy "${csp(distOrigin)}" always; }
    # CKEditor 4 from npm, for NukeViet's editor (tests/e2e/cms.test.mjs).
    location /vendor/ckeditor4/ { alias ${join(root, "node_modules", "ckeditor4")}/; }
  }
  # A tile server: /tiles/{z}/{x}/{y}.png answers one PNG for every tile;
  # /refuse/… answers 403, as a tile provider does to requests it refuses.
  server {
    listen 127.0.0.1:${tilePort};
    root ${work}/tiles;
    location /tiles/ { try_files /tile.png =404; add_header Access-Control-Allow-Origin * always; }
    location /refuse/ { return 403; }
  }
}
`);
  const child = spawn("/usr/sbin/nginx", ["-c", conf, "-p", work], { stdio: ["ignore", "inherit", "inherit"] });
  await waitForPort(distPort, child);
  await waitForPort(hostPort, child);
  await waitForPort(tilePort, child);
  return {
    distOrigin,
    hostOrigin,
    tileOrigin,
    accessLog: () => readFileSync(join(work, "logs", "access.log"), "utf8"),
    /** Writes a host page of a test's own making, served at `${hostOrigin}/${name}`. */
    writePage: (name, html) => writeFileSync(join(pages, name), html.replaceAll("__DIST__", distOrigin)),
    async stop() {
      child.kill("SIGTERM");
      await new Promise((done) => (child.exitCode !== null ? done() : child.once("exit", done)));
      rmSync(work, { recursive: true, force: true });
    },
  };
}
