import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import PocketBase, { ClientResponseError } from "pocketbase";
import { startServer, SUPERUSER, KINDS } from "./server.mjs";

for (const kind of KINDS) {
  describe(`collections and settings (${kind})`, () => {
    let server;
    let pb;

    before(async () => {
      server = await startServer(kind);
      pb = new PocketBase(server.url);
      await pb.collection("_superusers").authWithPassword(SUPERUSER.email, SUPERUSER.password);
    });

    after(async () => {
      await server?.stop();
    });

    it("health.check answers the PocketBase body, with server facts for a superuser", async () => {
      assert.deepEqual(await new PocketBase(server.url).health.check(), { code: 200, message: "API is healthy.", data: {} });
      const health = await pb.health.check();
      assert.equal(health.code, 200);
      assert.equal(health.data.canBackup, true);
      assert.equal(health.data.realIP, "127.0.0.1");
    });

    it("superuser auth fills the auth store", () => {
      assert.equal(pb.authStore.isValid, true);
      assert.equal(pb.authStore.isSuperuser, true);
      assert.equal(pb.authStore.record.email, SUPERUSER.email);
      assert.equal(pb.authStore.record.collectionName, "_superusers");
    });

    it("wrong password is a ClientResponseError 400", async () => {
      const other = new PocketBase(server.url);
      await assert.rejects(other.collection("_superusers").authWithPassword(SUPERUSER.email, "wrong password"), (e) => {
        assert.ok(e instanceof ClientResponseError);
        assert.equal(e.status, 400);
        assert.equal(e.message, "Failed to authenticate.");
        return true;
      });
      assert.equal(other.authStore.isValid, false);
    });

    it("create, getOne, update and delete a collection", async () => {
      const created = await pb.collections.create({
        name: "posts",
        fields: [
          { name: "title", type: "text", required: true, max: 200 },
          { name: "views", type: "number", onlyInt: true },
          { name: "tags", type: "select", values: ["a", "b"], maxSelect: 2 },
          { name: "created", type: "autodate", onCreate: true },
          { name: "updated", type: "autodate", onCreate: true, onUpdate: true },
        ],
        indexes: ["CREATE INDEX idx_posts_title ON posts (title)"],
      });
      assert.equal(created.name, "posts");
      assert.equal(created.type, "base");
      assert.deepEqual(created.fields.map((f) => f.name), ["id", "title", "views", "tags", "created", "updated"]);
      const bare = await pb.collections.create({ name: "bare" });
      assert.deepEqual(bare.fields.map((f) => f.name), ["id"]);
      await pb.collections.delete("bare");

      const fetched = await pb.collections.getOne("POSTS");
      assert.equal(fetched.id, created.id);

      const updated = await pb.collections.update(created.id, { listRule: "", viewRule: "" });
      assert.equal(updated.listRule, "");
      assert.equal(updated.createRule, null);

      await pb.collections.delete("posts");
      await assert.rejects(pb.collections.getOne("posts"), (e) => e.status === 404);
    });

    it("getList, getFullList and getFirstListItem with pb.filter", async () => {
      await pb.collections.create({ name: "alpha" });
      await pb.collections.create({ name: "beta", type: "auth" });
      const list = await pb.collections.getList(1, 2, { sort: "name", filter: pb.filter("type = {:t} && system = {:s}", { t: "base", s: false }) });
      assert.equal(list.page, 1);
      assert.equal(list.perPage, 2);
      assert.deepEqual(list.items.map((c) => c.name), ["alpha"]);

      const all = await pb.collections.getFullList({ sort: "-name" });
      assert.ok(all.length >= 4);
      assert.deepEqual(all.map((c) => c.name).slice(0, 2), ["users", "beta"]);

      const first = await pb.collections.getFirstListItem(pb.filter("name ~ {:q}", { q: "ALPH" }));
      assert.equal(first.name, "alpha");
      await assert.rejects(pb.collections.getFirstListItem('name = "nothing"'), (e) => e.status === 404);
    });

    it("validation errors carry PocketBase codes", async () => {
      await assert.rejects(pb.collections.create({ name: "bad name", fields: [{ name: "x", type: "nope" }] }), (e) => {
        assert.equal(e.status, 400);
        assert.equal(e.message, "Failed to create collection.");
        assert.equal(e.response.data.fields["0"].type.code, "validation_in_invalid");
        return true;
      });
      await assert.rejects(pb.collections.create({ name: "dupe", indexes: ["DROP TABLE users"] }), (e) => {
        assert.equal(e.response.data.indexes["0"].code, "validation_invalid_index_expression");
        return true;
      });
    });

    it("scaffolds, import and truncate", async () => {
      const scaffolds = await pb.collections.getScaffolds();
      assert.deepEqual(Object.keys(scaffolds).sort(), ["auth", "base", "view"]);

      const current = await pb.collections.getFullList();
      await pb.collections.import([...current, { name: "imported", fields: [{ name: "label", type: "text" }] }], false);
      const names = (await pb.collections.getFullList()).map((c) => c.name);
      assert.ok(names.includes("imported"));
      assert.equal(await pb.collections.truncate("imported"), true);
    });

    it("view collections are created from a SELECT", async () => {
      const view = await pb.collections.create({ name: "user_emails", type: "view", viewQuery: "SELECT id, email FROM users", listRule: null });
      assert.equal(view.type, "view");
      assert.deepEqual(view.fields.map((f) => f.name), ["id", "email"]);
    });

    it("settings getAll and update", async () => {
      const settings = await pb.settings.getAll();
      assert.equal(settings.meta.appName, "Acme");
      assert.equal(settings.batch.enabled, false);
      const updated = await pb.settings.update({ meta: { appName: "Shop" }, batch: { enabled: true } });
      assert.equal(updated.meta.appName, "Shop");
      assert.equal(updated.batch.enabled, true);
      await assert.rejects(pb.settings.update({ meta: { appURL: "not a url" } }), (e) => {
        assert.equal(e.response.data.meta.appURL.code, "validation_is_url");
        return true;
      });
    });

    it("guests are refused with 401", async () => {
      const guest = new PocketBase(server.url);
      await assert.rejects(guest.collections.getList(), (e) => e.status === 401);
      await assert.rejects(guest.settings.getAll(), (e) => e.status === 401);
    });
  });
}
