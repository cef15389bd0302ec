//! Throughput of the development server over loopback.
//!
//! `cargo run --release -p clerk-dev-server --example bench [-- --seconds 5
//! --concurrency 16 --url http://127.0.0.1:PORT] [--long N [--pid PID]]`
//!
//! Measures `GET /v1/client` (signed in) and sign-in + sign-out cycles
//! (`POST /v1/client/sign_ins`, then `POST /v1/client/sessions?_method=DELETE`) with
//! keep-alive connections, and fails if any request errs. Without `--url` it starts a
//! server in-process on a free port.
//!
//! `--long N` measures long use instead: the server's RSS (`/proc/PID/status`, `--pid`
//! being the server's process; the bench's own when the server is in-process) and the
//! median of 2,000 sequential `GET /v1/client` on one signed-in cookie, at the start,
//! after N sign-in + sign-out cycles on that cookie, and after N sign-ins without a
//! cookie (a new client each).

// A command-line report: printing is its output.
#![allow(clippy::print_stdout)]

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use axum::http::{header, Method, Request, StatusCode};
use http_body_util::{BodyExt, Full};
use hyper_util::client::legacy::connect::HttpConnector;
use hyper_util::client::legacy::Client;
use hyper_util::rt::TokioExecutor;

type HttpClient = Client<HttpConnector, Full<Bytes>>;

struct Opts {
    seconds: u64,
    concurrency: usize,
    url: Option<String>,
    long: Option<u64>,
    pid: Option<u32>,
}

fn opts() -> Result<Opts, String> {
    let mut o = Opts {
        seconds: 5,
        concurrency: 16,
        url: None,
        long: None,
        pid: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let value = it.next().ok_or(format!("{flag} needs a value"))?;
        let number = |v: &str| v.parse::<u64>().map_err(|e| format!("{flag}: {e}"));
        match flag.as_str() {
            "--seconds" => o.seconds = number(&value)?,
            "--concurrency" => {
                o.concurrency = usize::try_from(number(&value)?).map_err(|e| e.to_string())?
            }
            "--url" => o.url = Some(value.trim_end_matches('/').to_owned()),
            "--long" => o.long = Some(number(&value)?),
            "--pid" => o.pid = Some(u32::try_from(number(&value)?).map_err(|e| e.to_string())?),
            other => return Err(format!("unknown argument {other}")),
        }
    }
    Ok(o)
}

/// One request; returns the status and the `__client` cookie it set, if any.
async fn call(
    http: &HttpClient,
    method: Method,
    url: &str,
    cookie: Option<&str>,
    form: &str,
) -> Option<(StatusCode, Option<String>)> {
    let mut req = Request::builder()
        .method(method)
        .uri(url)
        .header(header::ORIGIN, "http://127.0.0.1:5173");
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, format!("__client={c}"));
    }
    if !form.is_empty() {
        req = req.header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    }
    let res = http
        .request(req.body(Full::new(Bytes::from(form.to_owned()))).ok()?)
        .await
        .ok()?;
    let status = res.status();
    let set = res
        .headers()
        .get(header::SET_COOKIE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .and_then(|v| v.strip_prefix("__client="))
        .map(str::to_owned);
    res.into_body().collect().await.ok()?;
    Some((status, set))
}

const SIGN_IN: &str = "identifier=ada%40example.test&strategy=password&password=demo-password";

async fn sign_in(http: &HttpClient, base: &str, cookie: Option<&str>) -> Option<String> {
    let (status, set) = call(
        http,
        Method::POST,
        &format!("{base}/v1/client/sign_ins"),
        cookie,
        SIGN_IN,
    )
    .await?;
    (status == StatusCode::OK).then(|| set.or(cookie.map(str::to_owned)))?
}

async fn sign_out(http: &HttpClient, base: &str, cookie: &str) -> bool {
    let url = format!("{base}/v1/client/sessions?_method=DELETE");
    matches!(
        call(http, Method::POST, &url, Some(cookie), "").await,
        Some((StatusCode::OK, _))
    )
}

struct Tally {
    ok: AtomicU64,
    errors: AtomicU64,
}

async fn run<F, Fut>(o: &Opts, name: &str, per_op_requests: u64, work: F) -> u64
where
    F: Fn(usize, Instant) -> Fut,
    Fut: std::future::Future<Output = (u64, u64)> + Send + 'static,
{
    let tally = Arc::new(Tally {
        ok: AtomicU64::new(0),
        errors: AtomicU64::new(0),
    });
    let deadline = Instant::now() + Duration::from_secs(o.seconds);
    let start = Instant::now();
    let tasks: Vec<_> = (0..o.concurrency)
        .map(|i| {
            let fut = work(i, deadline);
            let tally = tally.clone();
            tokio::spawn(async move {
                let (ok, err) = fut.await;
                tally.ok.fetch_add(ok, Ordering::Relaxed);
                tally.errors.fetch_add(err, Ordering::Relaxed);
            })
        })
        .collect();
    for t in tasks {
        if t.await.is_err() {
            tally.errors.fetch_add(1, Ordering::Relaxed);
        }
    }
    let secs = start.elapsed().as_secs_f64();
    let ok = tally.ok.load(Ordering::Relaxed);
    let errors = tally.errors.load(Ordering::Relaxed);
    println!(
        "{name}: {ok} in {secs:.1} s = {:.0}/s ({:.0} requests/s), errors: {errors}",
        ok as f64 / secs,
        (ok * per_op_requests) as f64 / secs
    );
    errors
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let o = match opts() {
        Ok(o) => o,
        Err(e) => {
            println!("bench: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    let base = match &o.url {
        Some(url) => url.clone(),
        None => {
            let bound = match tokio::net::TcpListener::bind("127.0.0.1:0").await {
                Ok(l) => l.local_addr().map(|a| (l, a)),
                Err(e) => Err(e),
            };
            let (listener, addr) = match bound {
                Ok(b) => b,
                Err(e) => {
                    println!("bench: cannot listen on 127.0.0.1: {e}");
                    return std::process::ExitCode::FAILURE;
                }
            };
            let mut config = clerk_dev_server::Config::new(std::path::Path::new("."));
            config.origin = format!("http://{addr}");
            let app = clerk_dev_server::app(&config);
            tokio::spawn(clerk_dev_server::serve::serve(
                listener,
                app,
                std::future::pending(),
            ));
            format!("http://{addr}")
        }
    };
    println!(
        "server {base}, {} connections, {} s per scenario",
        o.concurrency, o.seconds
    );
    let http: HttpClient = Client::builder(TokioExecutor::new())
        .pool_max_idle_per_host(o.concurrency)
        .build_http();

    if let Some(n) = o.long {
        return long_use(&o, &http, &base, n).await;
    }
    let mut errors = run(&o, "GET /v1/client (signed in)", 1, |_, deadline| {
        let (http, base) = (http.clone(), base.clone());
        async move {
            let Some(cookie) = sign_in(&http, &base, None).await else {
                return (0, 1);
            };
            let (mut ok, mut err) = (0, 0);
            let url = format!("{base}/v1/client");
            while Instant::now() < deadline {
                match call(&http, Method::GET, &url, Some(&cookie), "").await {
                    Some((StatusCode::OK, _)) => ok += 1,
                    _ => err += 1,
                }
            }
            sign_out(&http, &base, &cookie).await;
            (ok, err)
        }
    })
    .await;

    errors += run(&o, "sign-in + sign-out cycles", 2, |_, deadline| {
        let (http, base) = (http.clone(), base.clone());
        async move {
            let (mut ok, mut err) = (0, 0);
            let mut cookie: Option<String> = None;
            while Instant::now() < deadline {
                match sign_in(&http, &base, cookie.as_deref()).await {
                    Some(c) if sign_out(&http, &base, &c).await => {
                        ok += 1;
                        cookie = Some(c);
                    }
                    _ => err += 1,
                }
            }
            (ok, err)
        }
    })
    .await;
    if errors == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        println!("FAILED: {errors} errors");
        std::process::ExitCode::FAILURE
    }
}

/// Resident set size of the server (or of this process), in MB.
fn rss_mb(pid: Option<u32>) -> f64 {
    let path = pid.map_or("/proc/self/status".to_owned(), |p| {
        format!("/proc/{p}/status")
    });
    std::fs::read_to_string(path)
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmRSS:"))?.to_owned();
            line.split_whitespace().nth(1)?.parse::<f64>().ok()
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

/// Median latency of 2,000 sequential `GET /v1/client` on `cookie`, in µs.
async fn client_p50(http: &HttpClient, base: &str, cookie: &str) -> Option<f64> {
    let url = format!("{base}/v1/client");
    let mut times = Vec::with_capacity(2_000);
    for _ in 0..2_000 {
        let start = Instant::now();
        let (status, _) = call(http, Method::GET, &url, Some(cookie), "").await?;
        (status == StatusCode::OK).then_some(())?;
        times.push(start.elapsed().as_secs_f64() * 1e6);
    }
    times.sort_by(f64::total_cmp);
    times.get(times.len() / 2).copied()
}

async fn report(o: &Opts, http: &HttpClient, base: &str, cookie: &str, phase: &str) -> bool {
    let p50 = client_p50(http, base, cookie).await;
    let rss = rss_mb(o.pid);
    match p50 {
        Some(p50) => println!("{phase}: RSS {rss:.1} MB, GET /v1/client p50 {p50:.0} µs"),
        None => println!("{phase}: GET /v1/client failed"),
    }
    p50.is_some()
}

/// `--long N`: memory and latency after long use (see the module docs).
async fn long_use(o: &Opts, http: &HttpClient, base: &str, n: u64) -> std::process::ExitCode {
    let Some(cookie) = sign_in(http, base, None).await else {
        println!("bench: the first sign-in failed");
        return std::process::ExitCode::FAILURE;
    };
    let mut ok = report(o, http, base, &cookie, "start").await;
    let mut errors = 0u64;
    for _ in 0..n {
        let cycle = sign_out(http, base, &cookie).await
            && sign_in(http, base, Some(&cookie)).await.is_some();
        errors += u64::from(!cycle);
    }
    ok &= report(
        o,
        http,
        base,
        &cookie,
        &format!("after {n} sign-in/sign-out cycles on one cookie"),
    )
    .await;
    let per_task = n / o.concurrency as u64;
    let tasks: Vec<_> = (0..o.concurrency)
        .map(|_| {
            let (http, base) = (http.clone(), base.to_owned());
            tokio::spawn(async move {
                let mut failed = 0u64;
                for _ in 0..per_task {
                    failed += u64::from(sign_in(&http, &base, None).await.is_none());
                }
                failed
            })
        })
        .collect();
    for t in tasks {
        errors += t.await.unwrap_or(1);
    }
    let label = format!(
        "after {} sign-ins without a cookie",
        per_task * o.concurrency as u64
    );
    ok &= report(o, http, base, &cookie, &label).await;
    println!("errors: {errors}");
    if ok && errors == 0 {
        std::process::ExitCode::SUCCESS
    } else {
        std::process::ExitCode::FAILURE
    }
}
