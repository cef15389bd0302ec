//! Command-line parsing, the publishable key, the embedded users.

use std::net::SocketAddr;

use base64::Engine;
use clerk_dev_server::cli;
use clerk_dev_server::users::{default_users, parse_users};

fn args(list: &[&str]) -> Result<cli::Args, String> {
    cli::parse(list.iter().map(|s| (*s).to_owned()))
}

#[test]
fn flags_parse_and_defaults_bind_loopback() {
    let a = args(&["--port", "0"]).unwrap();
    assert_eq!(a.port, 0);
    assert!(a.host.is_loopback());
    assert!(!a.multi_session && !a.dev_instance && !a.faults && a.csp.is_none());
    let a = args(&[
        "--port",
        "4100",
        "--host",
        "127.0.0.1",
        "--root",
        "/tmp/x",
        "--users",
        "u.json",
        "--multi-session",
        "--dev-instance",
        "--faults",
        "--csp",
        "default-src 'self'",
    ])
    .unwrap();
    assert!(a.multi_session && a.dev_instance && a.faults);
    assert_eq!(a.csp.as_deref(), Some("default-src 'self'"));
    assert_eq!(a.root, std::path::PathBuf::from("/tmp/x"));
    let a = args(&[
        "--allow-origin",
        "https://a.test/",
        "--allow-origin",
        "http://b.test:8080",
    ])
    .unwrap();
    let config = a.config("127.0.0.1:4000".parse().unwrap()).unwrap();
    assert_eq!(
        config.allowed_origins,
        Some(vec![
            "https://a.test".to_owned(),
            "http://b.test:8080".to_owned()
        ])
    );
    assert_eq!(
        args(&[])
            .unwrap()
            .config("127.0.0.1:4000".parse().unwrap())
            .unwrap()
            .allowed_origins,
        None
    );
}

#[test]
fn bad_arguments_are_reported_not_ignored() {
    assert!(args(&["--port"])
        .unwrap_err()
        .contains("--port needs a value"));
    assert!(args(&["--port", "http"]).is_err());
    assert!(args(&["--host", "nowhere"]).is_err());
    assert!(args(&["--frobnicate"])
        .unwrap_err()
        .contains("unknown argument"));
}

#[test]
fn the_publishable_key_decodes_to_the_server_address_and_a_dollar() {
    let addr: SocketAddr = "127.0.0.1:4000".parse().unwrap();
    let key = cli::publishable_key(addr);
    let b64 = key.strip_prefix("pk_test_").unwrap();
    let decoded = base64::engine::general_purpose::STANDARD
        .decode(b64)
        .unwrap();
    assert_eq!(decoded, b"127.0.0.1:4000$");
}

#[test]
fn the_banner_starts_with_the_exact_line_scripts_parse() {
    let addr: SocketAddr = "127.0.0.1:4321".parse().unwrap();
    let lines = cli::banner(addr, &args(&[]).unwrap(), &default_users());
    assert_eq!(
        lines[0],
        "clerk-dev-server listening on http://127.0.0.1:4321"
    );
    assert!(lines[1].starts_with("publishable key: pk_test_"));
    // base64("clerk-dev-server.clerk.accounts.dev$"): a Clerk development host.
    assert_eq!(
        lines[2],
        "clerkjs publishable key: pk_test_Y2xlcmstZGV2LXNlcnZlci5jbGVyay5hY2NvdW50cy5kZXYk"
    );
    assert_eq!(lines[3], "clerkjs proxy url: http://127.0.0.1:4321");
}

#[test]
fn the_embedded_users_are_ada_grace_and_linus_with_the_demo_password() {
    let users = default_users();
    assert_eq!(users.len(), 3);
    assert_eq!(users[0].email_addresses, ["ada@example.test"]);
    assert_eq!(users[0].image.as_deref(), Some("/__avatars/ada.svg"));
    assert_eq!(users[1].email_addresses, ["grace@example.test"]);
    assert_eq!(users[1].image, None);
    assert_eq!(users[2].username.as_deref(), Some("linus"));
    assert!(users[2].first_name.is_none() && users[2].email_addresses.is_empty());
    assert!(users.iter().all(|u| u.password == "demo-password"));
}

#[test]
fn a_users_file_with_duplicates_or_typos_is_refused() {
    let dup = r#"[{"id":"user_1","username":"a","password":"p"},{"id":"user_2","username":"A","password":"p"}]"#;
    assert!(parse_users(dup).unwrap_err().contains("used twice"));
    let typo = r#"[{"id":"user_1","usrname":"a","password":"p"}]"#;
    assert!(parse_users(typo).is_err());
}

#[tokio::test]
async fn a_users_file_replaces_the_demo_users() {
    let dir = crate::common::fixture_root();
    let file = dir.join("users.json");
    std::fs::write(
        &file,
        r#"[{"id":"user_custom1","first_name":"Katherine","last_name":"Johnson",
             "email_addresses":["kj@example.test"],"phone_numbers":["+15555550100"],"password":"orbit-1962"}]"#,
    )
    .unwrap();
    let a = args(&["--users", file.to_str().unwrap(), "--faults"]).unwrap();
    let config = a.config("127.0.0.1:4000".parse().unwrap()).unwrap();
    let app = clerk_dev_server::app(&config);
    let mut b = crate::common::Browser::new(&app);
    let res = b
        .send(crate::common::post("/v1/client/sign_ins").form(&[
            ("identifier", "+15555550100"),
            ("strategy", "password"),
            ("password", "orbit-1962"),
        ]))
        .await;
    assert_eq!(res.status, axum::http::StatusCode::OK);
    let user = b.client().await["sessions"][0]["user"].clone();
    assert_eq!(user["first_name"], "Katherine");
    assert_eq!(user["phone_numbers"][0]["phone_number"], "+15555550100");
    assert_eq!(
        user["primary_phone_number_id"],
        user["phone_numbers"][0]["id"]
    );
    let res = b
        .send(crate::common::post("/v1/client/sign_ins").form(&[
            ("identifier", "ada@example.test"),
            ("strategy", "password"),
            ("password", "demo-password"),
        ]))
        .await;
    assert_eq!(res.error_code(), "form_identifier_not_found");
    assert!(args(&["--users", "/nonexistent.json"])
        .unwrap()
        .config("127.0.0.1:1".parse().unwrap())
        .is_err());
}
