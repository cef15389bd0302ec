//! `clerk-dev-server --port PORT [--host 127.0.0.1] [--root DIR] [--users FILE]
//! [--multi-session] [--dev-instance] [--faults] [--csp POLICY] [--allow-origin ORIGIN]...`

use std::io::Write;
use std::net::SocketAddr;
use std::process::ExitCode;

use clerk_dev_server::{app, cli, jwt, serve};

#[tokio::main]
async fn main() -> ExitCode {
    let args = match cli::parse(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(e) => {
            eprintln!("clerk-dev-server: {e}");
            return ExitCode::from(2);
        }
    };
    if !args.host.is_loopback() {
        eprintln!(
            "warning: binding {} exposes this development server (and its demo passwords) beyond this machine",
            args.host
        );
    }
    // Generate the signing key before announcing the port, so the first token request
    // is as fast as the others.
    if jwt::keys().is_none() {
        eprintln!("clerk-dev-server: could not generate the session signing key");
        return ExitCode::FAILURE;
    }
    let listener = match tokio::net::TcpListener::bind(SocketAddr::new(args.host, args.port)).await
    {
        Ok(l) => l,
        Err(e) => {
            eprintln!(
                "clerk-dev-server: cannot bind {}:{}: {e}",
                args.host, args.port
            );
            return ExitCode::FAILURE;
        }
    };
    let addr = match listener.local_addr() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("clerk-dev-server: {e}");
            return ExitCode::FAILURE;
        }
    };
    let config = match args.config(addr) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("clerk-dev-server: {e}");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    for line in cli::banner(addr, &args, &config.users) {
        // Scripts read the first line to learn the port, so flush right away.
        if writeln!(stdout, "{line}")
            .and_then(|()| stdout.flush())
            .is_err()
        {
            break;
        }
    }
    drop(stdout);
    serve::serve(listener, app(&config), serve::shutdown_signal()).await;
    ExitCode::SUCCESS
}
