// The auth API through the real pocketbase SDK, on SQLite and PostgreSQL. Only _superusers flows run here: users need
// the records API (signup) first; signup → verify → login and email-change SDK tests follow once it lands.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import PocketBase, { ClientResponseError } from "pocketbase";
import { startServer, SUPERUSER, KINDS } from "./server.mjs";

const NEW_PASSWORD = "a brand new sdk password";

/** The outbox folder, from the one log line the server writes when it first puts a mail there. */
function outboxFolder(server) {
  const match = /mails are written as \.eml files to (\S+)/.exec(server.log());
  return match ? match[1] : null;
}

/** Waits for a mail whose (quoted-printable-decoded) body contains `marker` and returns the token after it. */
async function waitForToken(server, marker) {
  const deadline = Date.now() + 15000;
  for (;;) {
    const folder = outboxFolder(server);
    if (folder && existsSync(folder)) {
      for (const name of readdirSync(folder).filter((f) => f.endsWith(".eml")).sort().reverse()) {
        const text = readFileSync(join(folder, name), "utf8").replace(/=\r?\n/g, "").replace(/=3D/g, "=");
        const at = text.indexOf(marker);
        if (at >= 0) return /^[A-Za-z0-9_\-.]+/.exec(text.slice(at + marker.length))[0];
      }
    }
    if (Date.now() > deadline) throw new Error(`no mail with ${marker}:\n${server.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

for (const kind of KINDS) {
  describe(`auth (${kind})`, () => {
    let server;
    let pb;

    before(async () => {
      server = await startServer(kind);
      pb = new PocketBase(server.url);
    });

    after(async () => {
      await server?.stop();
    });

    it("authWithPassword returns the token, the record and a refresh token", async () => {
      const auth = await pb.collection("_superusers").authWithPassword(SUPERUSER.email, SUPERUSER.password);
      assert.equal(auth.record.email, SUPERUSER.email);
      assert.match(auth.refreshToken, /^sbr_/);
      assert.equal(pb.authStore.isValid, true);
      assert.equal(pb.authStore.isSuperuser, true);
    });

    it("authRefresh returns a new valid token", async () => {
      const before = pb.authStore.token;
      await new Promise((r) => setTimeout(r, 1100)); // exp has one-second resolution
      const auth = await pb.collection("_superusers").authRefresh();
      assert.notEqual(auth.token, before);
      assert.equal(pb.authStore.token, auth.token);
      assert.equal(auth.record.email, SUPERUSER.email);
    });

    it("authRefresh without a token is a 401", async () => {
      const guest = new PocketBase(server.url);
      await assert.rejects(guest.collection("_superusers").authRefresh(), (e) => e instanceof ClientResponseError && e.status === 401);
    });

    it("listAuthMethods has the PocketBase shape", async () => {
      const methods = await pb.collection("users").listAuthMethods();
      assert.deepEqual(methods.password, { enabled: true, identityFields: ["email"] });
      assert.deepEqual(methods.oauth2, { enabled: false, providers: [] });
      assert.deepEqual(methods.mfa, { enabled: false, duration: 0 });
      assert.deepEqual(methods.otp, { enabled: false, duration: 0 });
      assert.equal("emailPassword" in methods, false);
    });

    it("impersonate gives a non-refreshable client", async () => {
      const me = pb.authStore.record;
      const client = await pb.collection("_superusers").impersonate(me.id, 120);
      assert.equal(client.authStore.isValid, true);
      assert.equal(client.authStore.record.id, me.id);
      const payload = JSON.parse(Buffer.from(client.authStore.token.split(".")[1], "base64url").toString());
      assert.equal(payload.refreshable, false);
      assert.ok(payload.exp - Date.now() / 1000 <= 121);
      const refreshed = await client.collection("_superusers").authRefresh();
      assert.equal(refreshed.token, client.authStore.token);

      const guest = new PocketBase(server.url);
      await assert.rejects(guest.collection("_superusers").impersonate(me.id, 60), (e) => e.status === 401);
    });

    it("refresh tokens rotate through pb.send and a reused one is refused", async () => {
      const auth = await new PocketBase(server.url).collection("_superusers").authWithPassword(SUPERUSER.email, SUPERUSER.password);
      const path = "/api/collections/_superusers/auth-refresh-token";
      const next = await pb.send(path, { method: "POST", body: { refreshToken: auth.refreshToken } });
      assert.match(next.refreshToken, /^sbr_/);
      assert.notEqual(next.refreshToken, auth.refreshToken);
      await assert.rejects(pb.send(path, { method: "POST", body: { refreshToken: auth.refreshToken } }), (e) => e.status === 401);
      await assert.rejects(pb.send(path, { method: "POST", body: { refreshToken: next.refreshToken } }), (e) => e.status === 401);
    });

    it("sessions can be listed", async () => {
      const sessions = await pb.send("/api/collections/_superusers/sessions", {});
      assert.ok(sessions.items.length >= 1);
      assert.ok(sessions.items.some((s) => s.current));
    });

    it("requestPasswordReset + confirmPasswordReset through the outbox", async () => {
      const su = pb.collection("_superusers");
      assert.equal(await su.requestPasswordReset("nobody@example.com"), true);
      assert.equal(await su.requestPasswordReset(SUPERUSER.email), true);
      const token = await waitForToken(server, "/confirm-password-reset/");
      const oldToken = pb.authStore.token;

      await assert.rejects(su.confirmPasswordReset(token, NEW_PASSWORD, "mismatch"), (e) => {
        assert.equal(e.status, 400);
        assert.equal(e.response.data.passwordConfirm.code, "validation_values_mismatch");
        return true;
      });
      assert.equal(await su.confirmPasswordReset(token, NEW_PASSWORD, NEW_PASSWORD), true);
      await assert.rejects(su.confirmPasswordReset(token, NEW_PASSWORD, NEW_PASSWORD), (e) => e.status === 400);

      const stale = new PocketBase(server.url);
      stale.authStore.save(oldToken, null);
      await assert.rejects(stale.collection("_superusers").authRefresh(), (e) => e.status === 401);
      await assert.rejects(new PocketBase(server.url).collection("_superusers").authWithPassword(SUPERUSER.email, SUPERUSER.password), (e) => e.status === 400);
      const fresh = await new PocketBase(server.url).collection("_superusers").authWithPassword(SUPERUSER.email, NEW_PASSWORD);
      assert.equal(fresh.record.email, SUPERUSER.email);
    });
  });
}
