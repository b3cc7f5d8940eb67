// Account: sign in / create an account (a guest's books are claimed by signing up with the same
// email), sign out, download my data, delete my account.
import { useState } from "preact/hooks";
import { fieldErrors } from "../api/client";
import * as R from "../api/resources";
import type { Me } from "../api/types";
import { navigate } from "../lib/router";
import { useAsync } from "../lib/useAsync";
import { TextField } from "../ui/Field";
import { ErrorNotice, Loading, Notice } from "../ui/Notice";

function AuthForm({ mode, onDone }: { mode: "signin" | "signup"; onDone: () => void }) {
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const p = mode === "signin" ? "in" : "up";
  const [sent, setSent] = useState(false);
  const forgot = async () => {
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) { setErrors({ email: "Enter your email above, then ask again." }); return; }
    setErrors({}); setError(undefined);
    try { await R.requestPasswordReset(email.trim()); setSent(true); } catch (err) { setError(err); }
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) errs.email = "Please enter your email address.";
    if (mode === "signup" && (password.length < 8 || password.length > 128)) errs.password = "Use 8 to 128 characters.";
    if (mode === "signin" && !password) errs.password = "Please enter your password.";
    setErrors(errs); setError(undefined);
    if (Object.keys(errs).length) return;
    setBusy(true);
    try {
      await (mode === "signin" ? R.login(email.trim(), password) : R.signup(email.trim(), password));
      onDone();
    } catch (err) { setError(err); setErrors(fieldErrors(err)); } finally { setBusy(false); }
  };
  return (
    <form class="card stack" onSubmit={submit} noValidate aria-labelledby={`${p}-h`}>
      <h2 id={`${p}-h`}>{mode === "signin" ? "Sign in" : "Create an account"}</h2>
      <TextField id={`${p}-email`} label="Email" type="email" value={email} onValue={setEmail} error={errors.email} autoComplete="email" />
      <TextField id={`${p}-password`} label="Password" type="password" value={password} onValue={setPassword} error={errors.password}
        hint={mode === "signup" ? "At least 8 characters. A short sentence is easy to remember." : undefined}
        autoComplete={mode === "signin" ? "current-password" : "new-password"} />
      <ErrorNotice error={error} />
      {sent && <Notice tone="success">If there is an account for {email.trim()}, we've emailed it a link to choose a new password.</Notice>}
      <button class="btn btn-primary" type="submit" disabled={busy}>{mode === "signin" ? "Sign in" : "Create account"}</button>
      {mode === "signin" && <button type="button" class="btn btn-quiet btn-sm" onClick={forgot}>Forgot your password?</button>}
    </form>
  );
}

function SignedIn({ me, onChange }: { me: Me; onChange: () => void }) {
  const [error, setError] = useState<unknown>();
  const credits = useAsync(() => R.creditBalance().catch(() => undefined), [me.id]);
  const out = async () => { try { await R.logout(); onChange(); } catch (e) { setError(e); } };
  const outEverywhere = async () => { try { await R.logoutEverywhere(); onChange(); } catch (e) { setError(e); } };
  const del = async () => {
    if (!confirm("Delete your account, your photos and all your books? Orders are kept for accounting without your personal details. This can't be undone.")) return;
    try { await R.deleteAccount(); navigate("/"); } catch (e) { setError(e); }
  };
  return (
    <div class="stack">
      <div class="card stack">
        <h2>Signed in</h2>
        <p>You're signed in as <strong data-testid="account-email">{me.email}</strong>.</p>
        {credits.data !== undefined && <p>Book credits: <strong data-testid="credits">{credits.data}</strong></p>}
        <div class="row"><a class="btn" href="/library">My books</a><button class="btn" onClick={out}>Sign out</button>
          <button class="btn btn-quiet" onClick={outEverywhere}>Sign out on every device</button></div>
      </div>
      <div class="card stack">
        <h2>Your data</h2>
        <p>Download everything we keep about you (your details, children, photos and books) as a file.</p>
        <p><a class="btn" href="/api/me/export" download="storyloom-export.json">Download my data</a></p>
        <hr class="divider" />
        <p>Deleting your account removes your photos and books for good.</p>
        <p><button class="btn btn-danger" onClick={del}>Delete my account</button></p>
      </div>
      <ErrorNotice error={error} />
    </div>
  );
}

export function Account() {
  const me = useAsync(() => R.me(true), []);
  return (
    <div class="container narrow">
      <div class="page-title"><h1>Account</h1></div>
      {me.loading && !me.data && <Loading />}
      <ErrorNotice error={me.error} />
      {!me.loading && me.data && !me.data.guest && <SignedIn me={me.data} onChange={me.reload} />}
      {!me.loading && !me.error && (!me.data || me.data.guest) && (
        <div class="stack">
          {me.data?.guest && <Notice>You're making books as a guest. Create an account with the email you used at checkout to keep your books and orders.</Notice>}
          <div class="grid-2">
            <AuthForm mode="signin" onDone={me.reload} />
            <AuthForm mode="signup" onDone={me.reload} />
          </div>
        </div>
      )}
    </div>
  );
}
