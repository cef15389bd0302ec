//! Bounded under long use: signed-out sessions, clients and dev browser tokens are
//! capped, and cookies past their lifetime are forgotten.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::Value;

use crate::common::*;

async fn dev_status(app: &axum::Router, id: &str) -> Option<String> {
    let res = get(&format!("/__dev/sessions/{id}")).send(app).await;
    (res.status == StatusCode::OK).then(|| res.json()["status"].as_str().unwrap().to_owned())
}

#[tokio::test]
async fn signed_out_sessions_past_the_cap_are_forgotten_and_newer_ones_kept() {
    let app = server_with(|c| c.limits.ended_sessions_per_client = 2);
    let mut b = Browser::new(&app);
    let mut ids = Vec::new();
    for _ in 0..5 {
        ids.push(b.sign_in("ada@example.test").await);
        b.send(post("/v1/client/sessions?_method=DELETE")).await;
    }
    let current = b.sign_in("ada@example.test").await;
    for id in &ids[..3] {
        assert_eq!(dev_status(&app, id).await, None, "{id} is forgotten");
    }
    for id in &ids[3..] {
        assert_eq!(dev_status(&app, id).await.as_deref(), Some("removed"));
    }
    let client = b.client().await;
    assert_eq!(statuses(&client), vec![(current, "active".into())]);
}

#[tokio::test]
async fn ended_sessions_stay_listed_up_to_the_cap() {
    let app = server_with(|c| {
        c.multi_session = true;
        c.limits.ended_sessions_per_client = 2;
    });
    let mut b = Browser::new(&app);
    for _ in 0..4 {
        let sid = b.sign_in("grace@example.test").await;
        b.send(post(&format!("/v1/client/sessions/{sid}/end")))
            .await;
    }
    let linus = b.sign_in("linus").await;
    let client = b.client().await;
    let listed = statuses(&client);
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert_eq!(listed.iter().filter(|(_, s)| s == "ended").count(), 2);
    assert_eq!(listed.last(), Some(&(linus, "active".to_owned())));
}

#[tokio::test]
async fn a_client_holds_at_most_the_capped_number_of_signed_in_sessions() {
    let app = server_with(|c| {
        c.multi_session = true;
        c.limits.signed_in_per_client = 2;
    });
    let mut b = Browser::new(&app);
    b.sign_in("ada@example.test").await;
    b.sign_in("grace@example.test").await;
    let res = b
        .send(post("/v1/client/sign_ins").form(&[
            ("identifier", "linus"),
            ("strategy", "password"),
            ("password", "demo-password"),
        ]))
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    assert_eq!(res.error_code(), "session_exists");
    assert_eq!(statuses(&b.client().await).len(), 2);
}

#[tokio::test]
async fn past_the_client_cap_the_least_recently_seen_clients_are_dropped() {
    let app = server_with(|c| c.limits.clients = 4);
    let mut kept = Browser::new(&app);
    let sid = kept.sign_in("ada@example.test").await;
    let mut first_cookieless = None;
    for _ in 0..12 {
        // A browser that keeps no cookie makes a new client each time.
        let res = post("/v1/client/sign_ins")
            .form(&[
                ("identifier", "linus"),
                ("strategy", "password"),
                ("password", "demo-password"),
            ])
            .send(&app)
            .await;
        let cookie = res.header("set-cookie").unwrap().split(';').next().unwrap();
        first_cookieless.get_or_insert_with(|| cookie.to_owned());
        kept.client().await;
    }
    let clients = get("/__dev/clients").send(&app).await.json();
    assert!(clients.as_array().unwrap().len() <= 4, "{clients}");
    assert_eq!(statuses(&kept.client().await), vec![(sid, "active".into())]);
    let old = get("/v1/client")
        .cookie(&first_cookieless.unwrap())
        .send(&app)
        .await;
    assert_eq!(old.json()["response"], Value::Null);
}

#[tokio::test]
async fn past_the_dev_browser_cap_the_oldest_token_is_refused() {
    let app = server_with(|c| {
        c.dev_instance = true;
        c.limits.dev_browsers = 2;
    });
    let mut tokens = Vec::new();
    for _ in 0..3 {
        let res = post("/v1/dev_browser").send(&app).await;
        tokens.push(res.json()["id"].as_str().unwrap().to_owned());
    }
    let status = |t: &str| {
        let app = app.clone();
        let uri = format!("/v1/client?__clerk_db_jwt={t}");
        async move { get(&uri).send(&app).await }
    };
    let oldest = status(&tokens[0]).await;
    assert_eq!(oldest.status, StatusCode::UNAUTHORIZED);
    assert_eq!(oldest.error_code(), "dev_browser_unauthenticated");
    for t in &tokens[1..] {
        assert_eq!(status(t).await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn a_client_whose_cookie_has_expired_is_forgotten() {
    let app = server_with(|c| c.lifetimes.cookie_ms = 200);
    let res = post("/v1/client/sign_ins")
        .form(&[
            ("identifier", "linus"),
            ("strategy", "password"),
            ("password", "demo-password"),
        ])
        .send(&app)
        .await;
    let cookie = res
        .header("set-cookie")
        .unwrap()
        .split(';')
        .next()
        .unwrap()
        .to_owned();
    tokio::time::sleep(Duration::from_millis(300)).await;
    let res = get("/v1/client").cookie(&cookie).send(&app).await;
    assert_eq!(res.json()["response"], Value::Null);
    assert!(res.header("set-cookie").unwrap().contains("Max-Age=0"));
    let clients = get("/__dev/clients").send(&app).await.json();
    assert_eq!(clients, serde_json::json!([]));
}
