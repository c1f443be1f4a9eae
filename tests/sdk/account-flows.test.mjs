// The users' account flows through the real pocketbase SDK, on SQLite and PostgreSQL: signup → verification (token read
// from the outbox) → login → refresh → password reset (old token rejected) → email change; and SharpBase's additions
// (sessions, rotating refresh tokens with reuse detection) through pb.send; and impersonation by a superuser.
import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import PocketBase, { ClientResponseError } from "pocketbase";
import { startServer, SUPERUSER, KINDS } from "./server.mjs";

const EMAIL = "flow@example.com";
const NEW_EMAIL = "flow.renamed@example.com";
const PASSWORD = "first flow password";
const NEW_PASSWORD = "second flow password";

/** Decodes quoted-printable soft breaks and escapes (the HTML part of the mails), leaving other text unchanged. */
function decodeQuotedPrintable(text) {
  return text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
}

/** Returns the payload of a JWT. */
function claims(token) {
  return JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
}

const is401 = (e) => e instanceof ClientResponseError && e.status === 401;
const is400 = (e) => e instanceof ClientResponseError && e.status === 400;

for (const kind of KINDS) {
  describe(`account flows (${kind})`, () => {
    let server;
    const seenMails = new Set();

    /**
     * Polls `<dataDir>/outbox/` for a mail not read before, addressed to `to`, whose body has `/{marker}/<token>`; returns the
     * token. Mails are written by a background worker, so the request call returns before the file exists.
     */
    async function tokenFromMail(to, marker) {
      const folder = join(server.dataDir, "outbox");
      const deadline = Date.now() + 5000;
      for (;;) {
        if (existsSync(folder)) {
          for (const name of readdirSync(folder).filter((f) => f.endsWith(".eml")).sort().reverse()) {
            if (seenMails.has(name)) continue;
            const text = decodeQuotedPrintable(readFileSync(join(folder, name), "utf8"));
            const recipient = /^To:\s*(.*)$/im.exec(text)?.[1] ?? "";
            const token = new RegExp(`/${marker}/([A-Za-z0-9_\\-.]+)`).exec(text)?.[1];
            if (recipient.includes(to) && token) {
              seenMails.add(name);
              return token;
            }
          }
        }
        if (Date.now() > deadline) throw new Error(`no ${marker} mail to ${to} in ${folder}:\n${server.log()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }

    /** A fresh client signed in as `email`. */
    async function login(email, password) {
      const pb = new PocketBase(server.url);
      await pb.collection("users").authWithPassword(email, password);
      return pb;
    }

    /** A client holding only `token` (no record), as a stale browser tab would. */
    function withToken(token) {
      const pb = new PocketBase(server.url);
      pb.authStore.save(token, null);
      return pb;
    }

    before(async () => {
      server = await startServer(kind);
    });

    after(async () => {
      await server?.stop();
    });

    let user; // the signed-up record
    let pb; // the user's own client

    it("signup, requestVerification and confirmVerification through the outbox", async () => {
      pb = new PocketBase(server.url);
      user = await pb.collection("users").create({ email: EMAIL, password: PASSWORD, passwordConfirm: PASSWORD, name: "flow" });
      assert.equal(user.collectionName, "users");
      assert.equal(user.verified, false);
      assert.equal("email" in user, false, "emailVisibility is off, so a guest's create response hides the email (as PocketBase)");

      await pb.collection("users").authWithPassword(EMAIL, PASSWORD);
      assert.equal(pb.authStore.record.id, user.id);
      assert.equal(pb.authStore.record.verified, false);

      assert.equal(await pb.collection("users").requestVerification("nobody@example.com"), true);
      assert.equal(await pb.collection("users").requestVerification(EMAIL), true);
      const token = await tokenFromMail(EMAIL, "confirm-verification");
      const payload = claims(token);
      assert.equal(payload.type, "verification");
      assert.equal(payload.id, user.id);

      assert.equal(await pb.collection("users").confirmVerification(token), true);
      assert.equal(pb.authStore.record.verified, true, "the SDK marks the stored record verified");
      await assert.rejects(pb.collection("users").confirmVerification(token), is400, "a verification token works once");

      const refreshed = await pb.collection("users").authRefresh();
      assert.equal(refreshed.record.id, user.id);
      assert.equal(refreshed.record.verified, true);
    });

    it("authWithPassword and authRefresh", async () => {
      const auth = await pb.collection("users").authWithPassword(EMAIL, PASSWORD);
      assert.equal(auth.record.email, EMAIL);
      assert.equal(auth.record.verified, true);
      assert.match(auth.refreshToken, /^sbr_/);
      assert.equal(pb.authStore.isValid, true);
      assert.equal(pb.authStore.isSuperuser, false);
      assert.equal(claims(auth.token).type, "auth");
      assert.equal(claims(auth.token).collectionId, "_pb_users_auth_");

      const refreshed = await pb.collection("users").authRefresh();
      assert.equal(refreshed.record.id, user.id);
      assert.equal(pb.authStore.token, refreshed.token);
      assert.equal(pb.authStore.isValid, true);
      await assert.rejects(new PocketBase(server.url).collection("users").authWithPassword(EMAIL, "wrong password"), is400);
    });

    it("requestPasswordReset + confirmPasswordReset: the old token dies, the new password works", async () => {
      const users = pb.collection("users");
      const oldToken = pb.authStore.token;
      const { refreshToken: oldRefreshToken } = await new PocketBase(server.url).collection("users").authWithPassword(EMAIL, PASSWORD);

      assert.equal(await users.requestPasswordReset("nobody@example.com"), true);
      assert.equal(await users.requestPasswordReset(EMAIL), true);
      const token = await tokenFromMail(EMAIL, "confirm-password-reset");
      assert.equal(claims(token).type, "passwordReset");

      assert.equal(await users.confirmPasswordReset(token, NEW_PASSWORD, NEW_PASSWORD), true);
      await assert.rejects(users.confirmPasswordReset(token, NEW_PASSWORD, NEW_PASSWORD), is400, "a reset token works once");

      await assert.rejects(withToken(oldToken).collection("users").authRefresh(), is401, "the token from before the reset is rejected");
      await assert.rejects(
        pb.send("/api/collections/users/auth-refresh-token", { method: "POST", body: { refreshToken: oldRefreshToken } }),
        is401,
        "refresh tokens from before the reset are revoked",
      );
      await assert.rejects(new PocketBase(server.url).collection("users").authWithPassword(EMAIL, PASSWORD), is400);

      pb = await login(EMAIL, NEW_PASSWORD);
      assert.equal(pb.authStore.record.id, user.id);
      const refreshed = await pb.collection("users").authRefresh();
      assert.equal(refreshed.record.id, user.id);
    });

    it("requestEmailChange + confirmEmailChange: login with the new email", async () => {
      const users = pb.collection("users");
      const oldToken = pb.authStore.token;
      await assert.rejects(new PocketBase(server.url).collection("users").requestEmailChange(NEW_EMAIL), is401, "needs a signed-in user");

      assert.equal(await users.requestEmailChange(NEW_EMAIL), true);
      const token = await tokenFromMail(NEW_EMAIL, "confirm-email-change");
      const payload = claims(token);
      assert.equal(payload.type, "emailChange");
      assert.equal(payload.newEmail, NEW_EMAIL);

      await assert.rejects(users.confirmEmailChange(token, "not the password"), (e) => {
        assert.ok(is400(e));
        assert.equal(e.response.data.password.code, "validation_invalid_password");
        return true;
      });
      assert.equal(pb.authStore.isValid, true, "a failed confirmation keeps the auth store");
      assert.equal(await users.confirmEmailChange(token, NEW_PASSWORD), true);
      assert.equal(pb.authStore.isValid, false, "the SDK clears the auth store of the changed record");
      await assert.rejects(users.confirmEmailChange(token, NEW_PASSWORD), is400, "an email-change token works once");

      await assert.rejects(withToken(oldToken).collection("users").authRefresh(), is401, "an email change rotates the token key");
      await assert.rejects(new PocketBase(server.url).collection("users").authWithPassword(EMAIL, NEW_PASSWORD), is400);
      pb = await login(NEW_EMAIL, NEW_PASSWORD);
      assert.equal(pb.authStore.record.id, user.id);
      assert.equal(pb.authStore.record.email, NEW_EMAIL);
      assert.equal(pb.authStore.record.verified, true);
    });

    it("sessions: list, revoke one, log out everywhere", async () => {
      const path = "/api/collections/users/sessions";
      await assert.rejects(new PocketBase(server.url).send(path, {}), is401);

      const laptop = new PocketBase(server.url);
      const phoneAuth = await new PocketBase(server.url).collection("users").authWithPassword(NEW_EMAIL, NEW_PASSWORD, {
        headers: { "User-Agent": "sdk-phone" },
      });
      const phone = withToken(phoneAuth.token);
      const laptopAuth = await laptop.collection("users").authWithPassword(NEW_EMAIL, NEW_PASSWORD);

      const listed = await laptop.send(path, {});
      assert.ok(listed.items.length >= 3, `the earlier sign-in, the phone and the laptop: ${JSON.stringify(listed.items)}`);
      const current = listed.items.filter((s) => s.current);
      assert.equal(current.length, 1);
      const phoneSession = listed.items.find((s) => s.userAgent === "sdk-phone");
      assert.ok(phoneSession, "the phone's session is listed with its user agent");
      assert.notEqual(phoneSession.id, current[0].id);
      for (const key of ["id", "created", "lastUsed", "expires", "userAgent", "ip", "current"]) assert.ok(key in phoneSession, key);

      // Revoke the phone's session from the laptop: its JWT and its refresh token stop working; the laptop keeps going.
      assert.deepEqual(await laptop.send(`${path}/${encodeURIComponent(phoneSession.id)}`, { method: "DELETE" }), {});
      await assert.rejects(phone.collection("users").authRefresh(), is401);
      await assert.rejects(phone.send("/api/collections/users/auth-refresh-token", { method: "POST", body: { refreshToken: phoneAuth.refreshToken } }), is401);
      assert.equal((await laptop.send(path, {})).items.some((s) => s.id === phoneSession.id), false);
      await assert.rejects(laptop.send(`${path}/${encodeURIComponent(phoneSession.id)}`, { method: "DELETE" }), (e) => e.status === 404);
      await laptop.collection("users").authRefresh();

      // Log out everywhere: every JWT and every refresh token of the user dies.
      const tablet = await new PocketBase(server.url).collection("users").authWithPassword(NEW_EMAIL, NEW_PASSWORD);
      const laptopToken = laptop.authStore.token;
      await laptop.send(path, { method: "DELETE" });
      await assert.rejects(withToken(laptopToken).collection("users").authRefresh(), is401);
      await assert.rejects(withToken(tablet.token).collection("users").authRefresh(), is401);
      for (const refreshToken of [laptopAuth.refreshToken, tablet.refreshToken]) {
        await assert.rejects(
          new PocketBase(server.url).send("/api/collections/users/auth-refresh-token", { method: "POST", body: { refreshToken } }),
          is401,
        );
      }
      pb = await login(NEW_EMAIL, NEW_PASSWORD);
      const after = await pb.send(path, {});
      assert.equal(after.items.length, 1, "only the new sign-in is left");
      assert.equal(after.items[0].current, true);
    });

    it("refresh tokens rotate through pb.send; a reused one revokes the family", async () => {
      const path = "/api/collections/users/auth-refresh-token";
      const guest = new PocketBase(server.url);
      const first = await new PocketBase(server.url).collection("users").authWithPassword(NEW_EMAIL, NEW_PASSWORD);

      const second = await guest.send(path, { method: "POST", body: { refreshToken: first.refreshToken } });
      assert.match(second.refreshToken, /^sbr_/);
      assert.notEqual(second.refreshToken, first.refreshToken);
      assert.equal(second.record.id, user.id);
      assert.equal(claims(second.token).type, "auth");
      const viaSecond = withToken(second.token);
      assert.equal((await viaSecond.collection("users").getOne(user.id)).id, user.id, "the rotated JWT works");

      const third = await guest.send(path, { method: "POST", body: { refreshToken: second.refreshToken } });
      assert.notEqual(third.refreshToken, second.refreshToken);
      const sessionsBefore = await pb.send("/api/collections/users/sessions", {});
      const sid = claims(third.token).sid;
      assert.ok(sid, "tokens issued in a session carry its id");
      assert.equal(claims(first.token).sid, sid, "rotation stays in the sign-in's session");
      assert.ok(sessionsBefore.items.some((s) => s.id === sid), "the rotated family is one live session");

      // Reuse of a consumed token: refused, and the live token of the same family is revoked with it.
      await assert.rejects(guest.send(path, { method: "POST", body: { refreshToken: first.refreshToken } }), is401);
      await assert.rejects(guest.send(path, { method: "POST", body: { refreshToken: third.refreshToken } }), is401);
      const sessionsAfter = await pb.send("/api/collections/users/sessions", {});
      assert.equal(sessionsAfter.items.some((s) => s.id === sid), false, "the family's session is gone");
      await assert.rejects(withToken(third.token).collection("users").authRefresh(), is401, "JWTs issued in the revoked session die with it");
      await assert.rejects(guest.send(path, { method: "POST", body: { refreshToken: "sbr_not-a-real-token" } }), is401);
      // Other sessions are untouched.
      await pb.collection("users").authRefresh();
    });

    it("a superuser impersonates the user with a non-refreshable token", async () => {
      const admin = new PocketBase(server.url);
      await admin.collection("_superusers").authWithPassword(SUPERUSER.email, SUPERUSER.password);
      const before = Date.now() / 1000;
      const client = await admin.collection("users").impersonate(user.id, 3600);
      assert.equal(client.authStore.isValid, true);
      assert.equal(client.authStore.isSuperuser, false);
      assert.equal(client.authStore.record.id, user.id);
      assert.equal(client.authStore.record.email, NEW_EMAIL);
      const payload = claims(client.authStore.token);
      assert.equal(payload.id, user.id);
      assert.equal(payload.refreshable, false);
      assert.ok(payload.exp >= Math.floor(before) + 3600 - 5 && payload.exp <= Math.ceil(Date.now() / 1000) + 3600 + 1, `exp ${payload.exp}`);

      // The token works for calls that need the user ...
      assert.equal((await client.collection("users").getOne(user.id)).id, user.id);
      assert.ok(Array.isArray((await client.send("/api/collections/users/sessions", {})).items));
      // ... and is not refreshable: authRefresh hands back the same token.
      const token = client.authStore.token;
      const refreshed = await client.collection("users").authRefresh();
      assert.equal(refreshed.token, token);
      assert.equal(claims(refreshed.token).refreshable, false);

      await assert.rejects(pb.collection("users").impersonate(user.id, 60), (e) => e.status === 403, "a user cannot impersonate");
      await assert.rejects(new PocketBase(server.url).collection("users").impersonate(user.id, 60), is401, "a guest cannot impersonate");
    });
  });
}
