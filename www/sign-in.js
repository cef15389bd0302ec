// Password sign-in against the development server (same origin), then back to where we came from.
const form = document.getElementById("sign-in");
const error = document.getElementById("error");

async function signIn(identifier, password) {
  error.textContent = "";
  const query = new URLSearchParams({ __clerk_api_version: "2026-05-12" });
  const body = new URLSearchParams({ identifier, password, strategy: "password" });
  const res = await fetch(`/v1/client/sign_ins?${query}`, { method: "POST", body, credentials: "include" });
  if (!res.ok) {
    const payload = await res.json().catch(() => null);
    error.textContent = payload?.errors?.[0]?.long_message ?? `Sign-in failed (HTTP ${res.status})`;
    return;
  }
  const back = new URLSearchParams(location.search).get("redirect_url");
  location.assign(back && back.startsWith("/") && !back.startsWith("//") ? back : "/");
}

form.addEventListener("submit", (e) => {
  e.preventDefault();
  signIn(form.identifier.value, form.password.value);
});
for (const b of document.querySelectorAll("[data-identifier]")) {
  b.addEventListener("click", () => signIn(b.dataset.identifier, "demo-password"));
}
