//! `clerk-dev-server --port PORT [--host 127.0.0.1]`

use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;

use clerk_dev_server::{app, Config};

struct Args {
    host: IpAddr,
    port: u16,
    root: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        host: IpAddr::V4(Ipv4Addr::LOCALHOST),
        port: 4000,
        root: PathBuf::from("."),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--port" => args.port = value()?.parse().map_err(|e| format!("--port: {e}"))?,
            "--host" => args.host = value()?.parse().map_err(|e| format!("--host: {e}"))?,
            "--root" => args.root = PathBuf::from(value()?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(args)
}

#[tokio::main]
async fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(e) => {
            eprintln!("clerk-dev-server: {e}");
            return ExitCode::from(2);
        }
    };
    if !args.host.is_loopback() {
        eprintln!(
            "warning: binding {} exposes this development server beyond this machine",
            args.host
        );
    }
    let config = Config {
        www_dir: args.root.join("www"),
        dist_dir: args.root.join("dist"),
    };
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
    println!("clerk-dev-server listening on http://{addr}");
    if let Err(e) = axum::serve(listener, app(&config)).await {
        eprintln!("clerk-dev-server: {e}");
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}
