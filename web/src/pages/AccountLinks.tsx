// The pages that mailed links open: /reset-password#token=… (choose a new password) and
// /claim#token=… (move a guest's books into the signed-in account). The token stays in the
// fragment, so it never reaches a server log.
import { useState } from "preact/hooks";
import { fieldErrors } from "../api/client";
import * as R from "../api/resources";
import { useAsync } from "../lib/useAsync";
import { TextField } from "../ui/Field";
import { ErrorNotice, Loading, Notice } from "../ui/Notice";

const tokenFromHash = () => new URLSearchParams(location.hash.slice(1)).get("token") ?? "";

export function ResetPassword() {
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const token = tokenFromHash();
  const submit = async (e: Event) => {
    e.preventDefault();
    if (password.length < 8 || password.length > 128) { setErrors({ new_password: "Use 8 to 128 characters." }); return; }
    setErrors({}); setError(undefined);
    try { await R.resetPassword(token, password); setDone(true); } catch (err) { setError(err); setErrors(fieldErrors(err)); }
  };
  return (
    <div class="container narrow">
      <div class="page-title"><h1>Choose a new password</h1></div>
      {!token ? <Notice tone="error">This link is incomplete. Please open the link from the email again, or ask for a new one on the Account page.</Notice>
        : done ? <Notice tone="success"><p>Your password is changed.</p><p><a href="/account">Sign in</a></p></Notice>
        : (
          <form class="card stack" onSubmit={submit} noValidate>
            <TextField id="new_password" label="New password" type="password" value={password} onValue={setPassword}
              error={errors.new_password ?? errors.password} hint="At least 8 characters." autoComplete="new-password" />
            <ErrorNotice error={error} />
            <button class="btn btn-primary" type="submit">Save the new password</button>
          </form>
        )}
    </div>
  );
}

export function ClaimGuest() {
  const token = tokenFromHash();
  const me = useAsync(() => R.me(true), []);
  const [result, setResult] = useState<string>();
  const [error, setError] = useState<unknown>();
  const claim = async () => {
    setError(undefined);
    try {
      const r = await R.claimGuest(token);
      const n = typeof r?.claimed === "number" ? r.claimed : undefined;
      setResult(n === undefined ? "Your books are now in your account." : `${n} item${n === 1 ? "" : "s"} moved to your account.`);
    } catch (e) { setError(e); }
  };
  return (
    <div class="container narrow">
      <div class="page-title"><h1>Keep the books you made as a guest</h1></div>
      {me.loading ? <Loading /> : !me.data || me.data.guest ? (
        <Notice>Please <a href="/account">sign in</a> first, then open the link from the email again.</Notice>
      ) : result ? (
        <Notice tone="success"><p>{result}</p><p><a href="/library">Go to My books</a></p></Notice>
      ) : (
        <div class="card stack">
          <p>You're signed in as <strong>{me.data.email}</strong>. Move the books and orders you made as a guest into this account?</p>
          <ErrorNotice error={error} />
          <button class="btn btn-primary" onClick={claim} disabled={!token}>Move them to my account</button>
        </div>
      )}
    </div>
  );
}
