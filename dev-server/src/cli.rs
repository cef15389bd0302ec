//! Command line: `clerk-dev-server --port PORT [--host 127.0.0.1] [--root DIR]
//! [--users FILE] [--multi-session] [--dev-instance] [--faults] [--csp POLICY]
//! [--allow-origin ORIGIN]... [--jwt-template NAME[=CLAIMS_JSON]]...`.

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;

use base64::engine::general_purpose::STANDARD;
use base64::Engine;

use crate::users::{self, UserSeed, DEMO_PASSWORD};
use crate::Config;

/// Parsed arguments.
#[derive(Debug, Clone)]
pub struct Args {
    /// Interface to bind (127.0.0.1 unless told otherwise).
    pub host: IpAddr,
    /// Port; 0 picks a free one.
    pub port: u16,
    /// Project root holding `www/` and `dist/`.
    pub root: PathBuf,
    /// Users file; the embedded demo users when absent.
    pub users: Option<PathBuf>,
    /// Multi-session mode.
    pub multi_session: bool,
    /// Development instance mode.
    pub dev_instance: bool,
    /// Test controls.
    pub faults: bool,
    /// CSP for `www/`.
    pub csp: Option<String>,
    /// Origins allowed to call with credentials, replacing the loopback default.
    pub allow_origins: Vec<String>,
    /// `--jwt-template NAME[=CLAIMS]`, replacing the built-in `demo` template.
    pub jwt_templates: Vec<String>,
}

/// The usage line.
pub const USAGE: &str = "usage: clerk-dev-server --port PORT [--host 127.0.0.1] [--root DIR] [--users FILE] [--multi-session] [--dev-instance] [--faults] [--csp POLICY] [--allow-origin ORIGIN]... [--jwt-template NAME[=CLAIMS_JSON]]...";

/// Parses arguments (without the program name).
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Args, String> {
    let mut out = Args {
        host: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 4000,
        root: PathBuf::from("."),
        users: None,
        multi_session: false,
        dev_instance: false,
        faults: false,
        csp: None,
        allow_origins: Vec::new(),
        jwt_templates: Vec::new(),
    };
    let mut it = args.into_iter();
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => out.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--host" => out.host = value()?.parse().map_err(|e| format!("--host: {e}"))?,
            "--root" => out.root = PathBuf::from(value()?),
            "--users" => out.users = Some(PathBuf::from(value()?)),
            "--csp" => out.csp = Some(value()?),
            "--jwt-template" => out.jwt_templates.push(value()?),
            "--allow-origin" => out
                .allow_origins
                .push(value()?.trim_end_matches('/').to_owned()),
            "--multi-session" => out.multi_session = true,
            "--dev-instance" => out.dev_instance = true,
            "--faults" => out.faults = true,
            "--help" | "-h" => return Err(USAGE.to_owned()),
            other => return Err(format!("unknown argument {other}\n{USAGE}")),
        }
    }
    Ok(out)
}

impl Args {
    /// The server configuration these arguments describe.
    pub fn config(&self, addr: SocketAddr) -> Result<Config, String> {
        let mut config = Config::new(&self.root);
        if let Some(path) = &self.users {
            let text = std::fs::read_to_string(path)
                .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            config.users = users::parse_users(&text)?;
        }
        config.multi_session = self.multi_session;
        config.dev_instance = self.dev_instance;
        config.faults = self.faults;
        config.csp = self.csp.clone();
        if !self.jwt_templates.is_empty() {
            config.jwt_templates = self
                .jwt_templates
                .iter()
                .map(|spec| crate::fapi::JwtTemplate::parse(spec))
                .collect::<Result<_, _>>()?;
        }
        if !self.allow_origins.is_empty() {
            config.allowed_origins = Some(self.allow_origins.clone());
        }
        config.origin = format!("http://{addr}");
        Ok(config)
    }
}

/// `pk_test_` + base64 of `<host:port>$`: the key that points the SDK at this server.
pub fn publishable_key(addr: SocketAddr) -> String {
    format!("pk_test_{}", STANDARD.encode(format!("{addr}$")))
}

/// The Frontend API host in the key for ClerkJS: one of Clerk's development hosts, so
/// ClerkJS runs its dev browser flow; its requests go to the proxy URL (this server).
pub const CLERKJS_FRONTEND_API: &str = "clerk-dev-server.clerk.accounts.dev";

/// The publishable key for ClerkJS, used with [`clerkjs_proxy_url`] as its `proxyUrl`
/// (clerk-wasm takes the same pair, or [`publishable_key`] alone).
pub fn clerkjs_publishable_key() -> String {
    format!(
        "pk_test_{}",
        STANDARD.encode(format!("{CLERKJS_FRONTEND_API}$"))
    )
}

/// ClerkJS's `proxyUrl`: this server's origin.
pub fn clerkjs_proxy_url(addr: SocketAddr) -> String {
    format!("http://{addr}")
}

/// The lines printed at start. The first is parsed by scripts and must not change.
pub fn banner(addr: SocketAddr, args: &Args, users: &[UserSeed]) -> Vec<String> {
    let mut lines = vec![
        format!("clerk-dev-server listening on http://{addr}"),
        format!("publishable key: {}", publishable_key(addr)),
        format!("clerkjs publishable key: {}", clerkjs_publishable_key()),
        format!("clerkjs proxy url: {}", clerkjs_proxy_url(addr)),
    ];
    let mode = if args.multi_session {
        "multi-session"
    } else {
        "single-session"
    };
    let instance = if args.dev_instance {
        "development instance (dev browser required)"
    } else {
        "production-like instance"
    };
    lines.push(format!("mode: {mode}, {instance}"));
    if args.faults {
        lines.push(format!("test controls: http://{addr}/__dev/"));
    }
    if args.users.is_none() {
        lines.push(format!("demo users (password \"{DEMO_PASSWORD}\"):"));
    } else {
        lines.push("users:".to_owned());
    }
    for u in users {
        let ident = u
            .email_addresses
            .first()
            .or(u.username.as_ref())
            .cloned()
            .unwrap_or_else(|| u.id.clone());
        let name = [u.first_name.as_deref(), u.last_name.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        lines.push(if name.is_empty() {
            format!("  {ident}")
        } else {
            format!("  {ident} ({name})")
        });
    }
    lines
}
