// The demo's live state: whatever window.Clerk reports, as text (user data is never HTML).
const out = document.getElementById("state");
const button = document.getElementById("user-button");
if (button) window.Clerk.mountUserButton(button, { showName: button.dataset.showName === "true" });
window.Clerk.addListener(({ client, session, user }) => {
  const summary = {
    status: window.Clerk.status,
    isSignedIn: window.Clerk.isSignedIn,
    user: user && { id: user.id, fullName: user.fullName, username: user.username,
      email: user.primaryEmailAddress?.emailAddress ?? null, imageUrl: user.imageUrl },
    session: session && { id: session.id, status: session.status },
    signedInSessions: client?.signedInSessions?.map((s) => s.id) ?? null,
  };
  out.textContent = JSON.stringify(summary, null, 2);
});
