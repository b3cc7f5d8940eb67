// A refused photo shows the parent's sentence and a hint, and the journey cannot go on until a
// photo is accepted.
import assert from "node:assert/strict";
import { test } from "node:test";
import { assertNoObjectText, openBrowser, PHONE, screenshotter, startServer } from "./harness.mjs";
import { choosePhoto, fillChild } from "./flows.mjs";
import { waitingFor } from "./pending.mjs";

test("photo: a cat and two faces are refused with their reasons, a child's face is accepted",
  { timeout: 120000, skip: waitingFor("auth", "photos") },
  async (t) => {
    const { baseUrl } = await startServer(t);
    const { page, problems } = await openBrowser(t, { viewport: PHONE, mobile: true });
    const shot = screenshotter("photo-refused");
    await page.goto(`${baseUrl}/create`);
    await fillChild(page, { name: "Noah", age: "4", pronouns: "He / him" });
    const next = page.getByRole("button", { name: "Continue to the adventure" });

    const messages = [];
    for (const file of ["chelsea.png", "two-faces.png"]) {
      assert.equal(await choosePhoto(page, file), "refused", `${file} is refused`);
      const message = (await page.getByTestId("error-message").innerText()).trim();
      assert.ok(message.length > 10, `${file}: a sentence for the parent, got "${message}"`);
      messages.push(message);
      assert.ok(await next.isDisabled(), "cannot continue with a refused photo");
      await assertNoObjectText(assert, page);
      await shot(page, `refused-${file.replace(".png", "")}`);
    }
    assert.notEqual(messages[0], messages[1], "no face and two faces are explained differently");

    assert.equal(await choosePhoto(page, "astronaut.png"), "accepted");
    await page.getByTestId("face-box").waitFor();
    assert.ok(await next.isEnabled());
    await shot(page, "accepted");
    assert.deepEqual(problems.filter((p) => !/status of 4\d\d/.test(p)), []);
  });
