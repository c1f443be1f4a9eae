import { describe, it, before, after } from "node:test";
import assert from "node:assert/strict";
import PocketBase from "pocketbase";
import { startServer, SUPERUSER, KINDS } from "./server.mjs";

for (const kind of KINDS) {
  describe(`records (${kind})`, () => {
    let server;
    let admin;
    let alice;
    let bob;

    async function signUp(email) {
      const pb = new PocketBase(server.url);
      const record = await pb.collection("users").create({ email, password: "sdk password 1", passwordConfirm: "sdk password 1", name: email.split("@")[0] });
      await pb.collection("users").authWithPassword(email, "sdk password 1");
      assert.equal(pb.authStore.record.id, record.id);
      return pb;
    }

    before(async () => {
      server = await startServer(kind);
      admin = new PocketBase(server.url);
      await admin.collection("_superusers").authWithPassword(SUPERUSER.email, SUPERUSER.password);
      await admin.collections.update("users", { listRule: "id = @request.auth.id", viewRule: "" });
      await admin.collections.create({
        name: "posts",
        listRule: "author = @request.auth.id || published = true",
        viewRule: "author = @request.auth.id || published = true",
        createRule: "@request.auth.id != '' && author = @request.auth.id",
        updateRule: "author = @request.auth.id",
        deleteRule: "author = @request.auth.id",
        fields: [
          { name: "title", type: "text", required: true },
          { name: "views", type: "number" },
          { name: "published", type: "bool" },
          { name: "tags", type: "select", values: ["a", "b", "c"], maxSelect: 3 },
          { name: "author", type: "relation", collectionId: "_pb_users_auth_", maxSelect: 1 },
        ],
      });
      await admin.settings.update({ batch: { enabled: true } });
      alice = await signUp("alice@example.com");
      bob = await signUp("bob@example.com");
    });

    after(async () => {
      await server?.stop();
    });

    it("create, getOne, update and delete under the rules", async () => {
      const posts = alice.collection("posts");
      const created = await posts.create({ title: "hello", views: 1, author: alice.authStore.record.id, tags: ["a"] });
      assert.equal(created.collectionName, "posts");
      assert.equal(created.title, "hello");
      const fetched = await posts.getOne(created.id, { expand: "author" });
      assert.equal(fetched.expand.author.id, alice.authStore.record.id);
      const updated = await posts.update(created.id, { "views+": 2, "tags+": "b" });
      assert.equal(updated.views, 3);
      assert.deepEqual(updated.tags, ["a", "b"]);
      await assert.rejects(bob.collection("posts").getOne(created.id), (e) => e.status === 404);
      await assert.rejects(bob.collection("posts").update(created.id, { title: "x" }), (e) => e.status === 404);
      await assert.rejects(bob.collection("posts").create({ title: "forged", author: alice.authStore.record.id }), (e) => e.status === 400);
      assert.equal(await posts.delete(created.id), true);
      await assert.rejects(posts.getOne(created.id), (e) => e.status === 404);
    });

    it("getList, getFullList and getFirstListItem with pb.filter, sort, fields and skipTotal", async () => {
      const posts = alice.collection("posts");
      const me = alice.authStore.record.id;
      for (let i = 0; i < 12; i++) {
        await posts.create({ title: `post ${i} it's "quoted"`, views: i, published: i % 3 === 0, author: me });
      }
      const page = await posts.getList(2, 5, { sort: "-views", filter: alice.filter("views >= {:min}", { min: 2 }) });
      assert.equal(page.page, 2);
      assert.equal(page.perPage, 5);
      assert.equal(page.totalItems, 10);
      assert.deepEqual(page.items.map((p) => p.views), [6, 5, 4, 3, 2]);
      const all = await posts.getFullList({ batch: 5, sort: "views" });
      assert.equal(all.length, 12);
      const first = await posts.getFirstListItem(alice.filter("title = {:t}", { t: `post 7 it's "quoted"` }));
      assert.equal(first.views, 7);
      const slim = await posts.getList(1, 1, { fields: "id,title", skipTotal: true });
      assert.deepEqual(Object.keys(slim.items[0]).sort(), ["id", "title"]);
      assert.equal(slim.totalItems, -1);
      const bobSees = await bob.collection("posts").getFullList();
      assert.ok(bobSees.every((p) => p.published));
      await assert.rejects(bob.collection("posts").getFirstListItem("title = 'nothing here'"), (e) => e.status === 404);
      await assert.rejects(bob.collection("posts").getList(1, 5, { filter: "@request.auth.id != ''" }), (e) => e.status === 403);
    });

    it("createBatch().send() runs in one transaction", async () => {
      const me = alice.authStore.record.id;
      const batch = alice.createBatch();
      batch.collection("posts").create({ title: "batch one", author: me });
      batch.collection("posts").create({ title: "batch two", author: me });
      const results = await batch.send();
      assert.deepEqual(results.map((r) => r.status), [200, 200]);
      assert.equal(results[1].body.title, "batch two");

      const failing = alice.createBatch();
      failing.collection("posts").create({ title: "rolled back", author: me });
      failing.collection("posts").create({ author: me });
      await assert.rejects(failing.send(), (e) => {
        assert.equal(e.status, 400);
        assert.equal(e.response.data.requests["1"].code, "batch_request_failed");
        return true;
      });
      await assert.rejects(alice.collection("posts").getFirstListItem('title = "rolled back"'), (e) => e.status === 404);
    });

    it("create and update rules see the @jsonPayload the SDK sends beside a file", async () => {
      await admin.collections.create({
        name: "uploads",
        listRule: "",
        viewRule: "",
        createRule: "@request.body.meta.code = 123",
        updateRule: "@request.body.meta.code = 123",
        fields: [
          { name: "title", type: "text" },
          { name: "doc", type: "file", maxSelect: 1, maxSize: 1024 },
        ],
      });
      const file = () => new Blob(["hello"], { type: "text/plain" });
      const uploads = alice.collection("uploads");
      // With a Blob in the body the SDK sends multipart: title as a form field, the object `meta` as @jsonPayload.
      const created = await uploads.create({ title: "with file", doc: file(), meta: { code: 123 } });
      assert.equal(created.title, "with file");
      await assert.rejects(uploads.create({ title: "refused", doc: file(), meta: { code: 124 } }), (e) => e.status === 400);
      await assert.rejects(uploads.update(created.id, { title: "refused", doc: file(), meta: { code: 1 } }), (e) => e.status === 404);
      const updated = await uploads.update(created.id, { title: "again", doc: file(), meta: { code: 123 } });
      assert.equal(updated.title, "again");
    });

    it("an auth record update through the SDK syncs the auth store", async () => {
      const me = alice.authStore.record.id;
      await admin.collections.update("users", { updateRule: "id = @request.auth.id" });
      const updated = await alice.collection("users").update(me, { name: "Alice A." });
      assert.equal(updated.name, "Alice A.");
      assert.equal(alice.authStore.record.name, "Alice A.");
      assert.equal(updated.email, "alice@example.com");
    });
  });
}
