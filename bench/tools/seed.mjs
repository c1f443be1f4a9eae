// Seeds a running SharpBase for the benchmarks through its public API (batch), and writes the ids and tokens the
// scenarios need into OUT_DIR. Usage: node seed.mjs <baseUrl> <posts> <users> <outDir>  (SUPERUSER_EMAIL/_PASSWORD in env)
import { writeFileSync } from "node:fs";
import { join } from "node:path";

const [base, postCount, userCount, outDir] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5]];
const email = process.env.SUPERUSER_EMAIL;
const password = process.env.SUPERUSER_PASSWORD;

async function call(method, path, body, token) {
  const response = await fetch(base + path, {
    method,
    headers: { "Content-Type": "application/json", ...(token ? { Authorization: token } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} -> ${response.status}: ${text.slice(0, 500)}`);
  return text ? JSON.parse(text) : null;
}

const words = "alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima mike november oscar papa quebec romeo sierra tango".split(" ");
const text = (n, seed) => Array.from({ length: n }, (_, i) => words[(seed * 7 + i * 13) % words.length]).join(" ");

const su = (await call("POST", "/api/collections/_superusers/auth-with-password", { identity: email, password })).token;
await call("PATCH", "/api/settings", { batch: { enabled: true, maxRequests: 1000, timeout: 60 } }, su);
await call("PATCH", "/api/collections/users", { listRule: "", viewRule: "" }, su);
await call("POST", "/api/collections", {
  name: "posts",
  listRule: "", viewRule: "", createRule: "", updateRule: "", deleteRule: null,
  fields: [
    { name: "title", type: "text", max: 200 },
    { name: "body", type: "text", max: 2000 },
    { name: "views", type: "number", onlyInt: true },
    { name: "published", type: "bool" },
    { name: "author", type: "relation", collectionId: "_pb_users_auth_", maxSelect: 1 },
    // Sent as PocketBase's dashboard sends them: a new collection has no timestamps unless asked (the floor reads both).
    { name: "created", type: "autodate", onCreate: true },
    { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
  ],
  indexes: ["CREATE INDEX idx_posts_views ON posts (views)", "CREATE INDEX idx_posts_author ON posts (author)"],
}, su);

const userIds = [];
for (let i = 0; i < userCount; i += 100) {
  const requests = [];
  for (let j = i; j < Math.min(userCount, i + 100); j++) {
    requests.push({ method: "POST", url: "/api/collections/users/records", body: { email: `user${j}@bench.test`, password: "bench password", passwordConfirm: "bench password", name: `User ${j}` } });
  }
  for (const r of await call("POST", "/api/batch", { requests }, su)) userIds.push(r.body.id);
}

const postIds = [];
for (let i = 0; i < postCount; i += 1000) {
  const requests = [];
  for (let j = i; j < Math.min(postCount, i + 1000); j++) {
    requests.push({
      method: "POST",
      url: "/api/collections/posts/records",
      body: { title: text(5, j).slice(0, 30), body: text(30, j).slice(0, 200), views: (j * 7919) % 1000, published: j % 2 === 0, author: userIds[j % userIds.length] },
    });
  }
  for (const r of await call("POST", "/api/batch", { requests }, su)) postIds.push(r.body.id);
}

const user = await call("POST", "/api/collections/users/auth-with-password", { identity: "user0@bench.test", password: "bench password" });
writeFileSync(join(outDir, "posts.ids"), postIds.join("\n") + "\n");
writeFileSync(join(outDir, "user.token"), user.token);
writeFileSync(join(outDir, "user.refresh"), user.refreshToken ?? "");
writeFileSync(join(outDir, "superuser.token"), su);
console.log(`seeded ${postIds.length} posts and ${userIds.length} users`);
