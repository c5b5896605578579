/** What someone without the admin role sees at an Admin address: who can help, not a blank page. */
export function AdminOnly() {
  return (
    <main className="page">
      <h1>Admin</h1>
      <div className="empty-state" data-testid="admin-only">
        <p><strong>Only administrators manage teams, people and ingest tokens.</strong></p>
        <p>Ask an administrator of this Baton if you need a team, an account or a token.</p>
      </div>
    </main>
  );
}
