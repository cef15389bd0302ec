//! Over a real TCP socket: the served app, dropped connections, and the real binary.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Command, Stdio};
use std::time::Duration;

use clerk_dev_server::{app, serve};
use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use crate::common::config;

async fn start() -> (
    SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    start_with(config()).await
}

/// The app served on a free loopback port; send on the channel to stop it.
pub async fn start_with(
    config: clerk_dev_server::Config,
) -> (
    SocketAddr,
    tokio::sync::oneshot::Sender<()>,
    tokio::task::JoinHandle<()>,
) {
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let task = tokio::spawn(serve::serve(listener, app(&config), async {
        let _ = stopped.await;
    }));
    (addr, stop, task)
}

/// One HTTP/1.1 exchange on a fresh connection; returns everything the server sent.
async fn exchange(
    addr: SocketAddr,
    method: &str,
    target: &str,
    cookie: Option<&str>,
    body: &str,
) -> String {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let cookie = cookie
        .map(|c| format!("Cookie: {c}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "{method} {target} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://127.0.0.1:5173\r\n{cookie}\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    );
    stream.write_all(request.as_bytes()).await.unwrap();
    let mut out = Vec::new();
    let _ = stream.read_to_end(&mut out).await;
    String::from_utf8_lossy(&out).into_owned()
}

fn body_json(response: &str) -> Value {
    serde_json::from_str(response.split_once("\r\n\r\n").unwrap().1).unwrap()
}

#[tokio::test]
async fn sign_in_and_sign_out_work_over_a_real_socket() {
    let (addr, stop, task) = start().await;
    let res = exchange(
        addr,
        "POST",
        "/v1/client/sign_ins",
        None,
        "identifier=ada%40example.test&strategy=password&password=demo-password",
    )
    .await;
    assert!(res.starts_with("HTTP/1.1 200"), "{res}");
    let set_cookie = res
        .lines()
        .find(|l| l.to_ascii_lowercase().starts_with("set-cookie:"))
        .unwrap();
    let cookie = set_cookie
        .split_once(':')
        .unwrap()
        .1
        .trim()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    let image = body_json(&res)["client"]["sessions"][0]["user"]["image_url"]
        .as_str()
        .unwrap()
        .to_owned();
    assert_eq!(
        image,
        format!("http://{addr}/__avatars/ada.svg"),
        "image URLs use the address the browser used"
    );

    let res = exchange(
        addr,
        "POST",
        "/v1/client/sessions?_method=DELETE",
        Some(&cookie),
        "",
    )
    .await;
    assert!(res.starts_with("HTTP/1.1 200"), "{res}");
    let res = exchange(addr, "GET", "/v1/client", Some(&cookie), "").await;
    assert_eq!(
        body_json(&res)["response"]["sessions"],
        serde_json::json!([])
    );
    stop.send(()).unwrap();
    tokio::time::timeout(Duration::from_secs(5), task)
        .await
        .unwrap()
        .unwrap();
}

#[tokio::test]
async fn a_drop_fault_closes_the_connection_without_an_answer() {
    let (addr, stop, _task) = start().await;
    let res = exchange(addr, "POST", "/__dev/faults", None, "").await;
    assert!(
        res.starts_with("HTTP/1.1 400"),
        "a form body is not a fault: {res}"
    );
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let fault = r#"{"path":"/v1/client","drop":true,"times":1}"#;
    let req = format!(
        "POST /__dev/faults HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{fault}",
        fault.len()
    );
    stream.write_all(req.as_bytes()).await.unwrap();
    let mut out = String::new();
    stream.read_to_string(&mut out).await.unwrap();
    assert!(out.starts_with("HTTP/1.1 204"), "{out}");

    let res = exchange(addr, "GET", "/v1/client", None, "").await;
    assert_eq!(res, "", "no byte of a response");
    let res = exchange(addr, "GET", "/v1/client", None, "").await;
    assert!(
        res.starts_with("HTTP/1.1 200"),
        "the next request is answered: {res}"
    );
    stop.send(()).unwrap();
}

#[test]
fn the_binary_prints_its_url_and_key_first_and_exits_cleanly_on_sigterm() {
    let root = crate::common::fixture_root();
    let mut child = Command::new(env!("CARGO_BIN_EXE_clerk-dev-server"))
        .args(["--port", "0", "--faults", "--multi-session", "--root"])
        .arg(&root)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let first = lines.next().unwrap().unwrap();
    let url = first
        .strip_prefix("clerk-dev-server listening on http://127.0.0.1:")
        .map(|port| {
            let port: u16 = port.parse().expect("the first line ends with the port");
            assert_ne!(port, 0);
            format!("127.0.0.1:{port}")
        });
    let hostport = url.unwrap_or_else(|| panic!("unexpected first line {first:?}"));
    let key_line = lines.next().unwrap().unwrap();
    let key = key_line.strip_prefix("publishable key: pk_test_").unwrap();
    use base64::Engine;
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(key)
        .unwrap();
    assert_eq!(String::from_utf8(decoded).unwrap(), format!("{hostport}$"));
    let clerkjs: Vec<String> = lines.by_ref().take(2).map(Result::unwrap).collect();
    assert!(clerkjs[0].starts_with("clerkjs publishable key: pk_test_"));
    assert_eq!(clerkjs[1], format!("clerkjs proxy url: http://{hostport}"));
    let rest: Vec<String> = lines.by_ref().take(6).map(Result::unwrap).collect();
    let text = rest.join("\n");
    for expected in [
        "demo-password",
        "ada@example.test",
        "grace@example.test",
        "linus",
        "multi-session",
    ] {
        assert!(text.contains(expected), "banner lacks {expected}: {text}");
    }

    let rt = tokio::runtime::Runtime::new().unwrap();
    let res = rt.block_on(exchange(
        hostport.parse().unwrap(),
        "GET",
        "/v1/environment",
        None,
        "",
    ));
    assert_eq!(body_json(&res)["auth_config"]["single_session_mode"], false);

    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = std::time::Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "exit status {status}");
            break;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "still running 10 s after SIGTERM"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}
