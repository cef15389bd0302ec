//! The session status machine over HTTP: end, remove, touch, expiry, ownership and
//! concurrent requests on one client.

use std::time::Duration;

use axum::http::StatusCode;
use serde_json::Value;

use crate::common::*;

#[tokio::test]
async fn ending_a_session_keeps_it_listed_as_ended_and_it_stops_being_current() {
    let app = server();
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let res = b
        .send(post(&format!("/v1/client/sessions/{sid}/end")))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    let body = res.json();
    assert_eq!(body["response"]["status"], "ended");
    assert_eq!(body["client"]["last_active_session_id"], Value::Null);
    assert_eq!(statuses(&b.client().await), vec![(sid, "ended".into())]);
}

#[tokio::test]
async fn an_ended_session_cannot_be_ended_touched_or_given_a_token_again() {
    let app = server();
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    b.send(post(&format!("/v1/client/sessions/{sid}/end")))
        .await;
    for action in ["end", "touch"] {
        let res = b
            .send(post(&format!("/v1/client/sessions/{sid}/{action}")))
            .await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{action}");
        assert_eq!(res.error_code(), "session_not_active");
    }
    let res = b
        .send(post(&format!("/v1/client/sessions/{sid}/tokens")))
        .await;
    assert_eq!(res.status, StatusCode::UNAUTHORIZED);
    assert_eq!(res.error_code(), "signed_out");
    assert_eq!(statuses(&b.client().await), vec![(sid, "ended".into())]);
}

#[tokio::test]
async fn removing_a_session_drops_it_from_the_client_and_a_second_remove_is_404() {
    let app = server_with(|c| c.multi_session = true);
    let mut b = Browser::new(&app);
    let first = b.sign_in("ada@example.test").await;
    let second = b.sign_in("grace@example.test").await;
    let res = b
        .send(post(&format!("/v1/client/sessions/{second}/remove")))
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["response"]["status"], "removed");
    // The current session was removed: the other signed-in one takes over.
    assert_eq!(
        res.json()["client"]["last_active_session_id"],
        first.as_str()
    );
    assert_eq!(statuses(&b.client().await), vec![(first, "active".into())]);
    let res = b
        .send(post(&format!("/v1/client/sessions/{second}/remove")))
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    let info = get(&format!("/__dev/sessions/{second}"))
        .send(&app)
        .await
        .json();
    assert_eq!(info["status"], "removed");
}

#[tokio::test]
async fn touching_with_select_session_makes_another_signed_in_session_current() {
    let app = server_with(|c| c.multi_session = true);
    let mut b = Browser::new(&app);
    let ada = b.sign_in("ada@example.test").await;
    let linus = b.sign_in("linus").await;
    assert_eq!(b.client().await["last_active_session_id"], linus.as_str());
    let res = b
        .send(
            post(&format!("/v1/client/sessions/{ada}/touch")).form(&[("intent", "select_session")]),
        )
        .await;
    assert_eq!(res.status, StatusCode::OK);
    assert_eq!(res.json()["response"]["id"], ada.as_str());
    assert_eq!(b.client().await["last_active_session_id"], ada.as_str());
    let session = b
        .send(get(&format!("/v1/client/sessions/{ada}")))
        .await
        .json();
    assert_eq!(session["response"]["status"], "active");
}

#[tokio::test]
async fn another_browsers_session_is_404_for_every_operation_and_stays_active() {
    let app = server();
    let mut owner = Browser::new(&app);
    let mut intruder = Browser::new(&app);
    let sid = owner.sign_in("ada@example.test").await;
    intruder.sign_in("grace@example.test").await;
    for action in ["touch", "end", "remove", "tokens"] {
        let res = intruder
            .send(post(&format!("/v1/client/sessions/{sid}/{action}")))
            .await;
        assert_eq!(res.status, StatusCode::NOT_FOUND, "{action}");
        assert_eq!(res.error_code(), "resource_not_found");
    }
    let res = intruder
        .send(get(&format!("/v1/client/sessions/{sid}")))
        .await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        statuses(&owner.client().await),
        vec![(sid, "active".into())]
    );
}

#[tokio::test]
async fn a_session_past_expire_at_is_expired_and_never_comes_back() {
    let app = server_with(|c| c.lifetimes.session_ms = 300);
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let client = b.client().await;
    let s = &client["sessions"][0];
    assert_eq!(
        s["expire_at"].as_i64().unwrap() - s["created_at"].as_i64().unwrap(),
        300
    );
    tokio::time::sleep(Duration::from_millis(400)).await;
    let client = b.client().await;
    assert_eq!(statuses(&client), vec![(sid.clone(), "expired".into())]);
    assert_eq!(client["last_active_session_id"], Value::Null);
    let res = b
        .send(post(&format!("/v1/client/sessions/{sid}/touch")))
        .await;
    assert_eq!(res.status, StatusCode::BAD_REQUEST);
    // A new sign-in is possible again in single-session mode: the old one no longer counts.
    let fresh = b.sign_in("ada@example.test").await;
    assert_ne!(fresh, sid);
}

#[tokio::test]
async fn a_session_past_abandon_at_is_abandoned() {
    let app = server_with(|c| c.lifetimes.abandon_ms = 200);
    let mut b = Browser::new(&app);
    let sid = b.sign_in("linus").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(statuses(&b.client().await), vec![(sid, "abandoned".into())]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_end_and_remove_on_one_client_never_resurrect_a_session() {
    let app = server_with(|c| c.multi_session = true);
    let mut b = Browser::new(&app);
    let sid = b.sign_in("ada@example.test").await;
    let cookie = format!("__client={}", b.cookie.clone().unwrap());
    let mut tasks = Vec::new();
    for i in 0..60 {
        let action = ["end", "remove", "touch", "tokens"][i % 4];
        let (app, cookie, sid) = (app.clone(), cookie.clone(), sid.clone());
        tasks.push(tokio::spawn(async move {
            let res = post(&format!("/v1/client/sessions/{sid}/{action}"))
                .cookie(&cookie)
                .send(&app)
                .await;
            (action, res.status)
        }));
    }
    let mut ok = std::collections::HashMap::new();
    for t in tasks {
        let (action, status) = t.await.unwrap();
        assert!(
            status == StatusCode::OK || status.is_client_error(),
            "{action}: {status}"
        );
        if status == StatusCode::OK {
            *ok.entry(action).or_insert(0) += 1;
        }
    }
    assert!(
        ok.get("end").copied().unwrap_or(0) <= 1,
        "a session ends once: {ok:?}"
    );
    assert_eq!(
        ok.get("remove").copied(),
        Some(1),
        "a session is removed exactly once: {ok:?}"
    );
    let status = get(&format!("/__dev/sessions/{sid}"))
        .send(&app)
        .await
        .json()["status"]
        .clone();
    assert_eq!(status, "removed");
    let client = b.client().await;
    assert_eq!(client["sessions"], serde_json::json!([]));
    assert_eq!(client["last_active_session_id"], Value::Null);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn concurrent_sign_ins_on_one_client_lose_no_session() {
    let app = server_with(|c| c.multi_session = true);
    let mut b = Browser::new(&app);
    b.send(post("/v1/client")).await;
    let cookie = format!("__client={}", b.cookie.clone().unwrap());
    let mut tasks = Vec::new();
    for i in 0..30 {
        let (app, cookie) = (app.clone(), cookie.clone());
        let who = ["ada@example.test", "grace@example.test", "linus"][i % 3];
        tasks.push(tokio::spawn(async move {
            post("/v1/client/sign_ins")
                .cookie(&cookie)
                .form(&[
                    ("identifier", who),
                    ("strategy", "password"),
                    ("password", "demo-password"),
                ])
                .send(&app)
                .await
                .json()["response"]["created_session_id"]
                .as_str()
                .unwrap()
                .to_owned()
        }));
    }
    let mut created = Vec::new();
    for t in tasks {
        created.push(t.await.unwrap());
    }
    let client = b.client().await;
    let mut listed: Vec<String> = statuses(&client)
        .into_iter()
        .map(|(id, s)| {
            assert_eq!(s, "active");
            id
        })
        .collect();
    listed.sort();
    created.sort();
    assert_eq!(listed, created);
    assert!(created.contains(
        &client["last_active_session_id"]
            .as_str()
            .unwrap()
            .to_owned()
    ));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn signing_out_while_touching_leaves_nothing_signed_in() {
    let app = server_with(|c| c.multi_session = true);
    let mut b = Browser::new(&app);
    let a = b.sign_in("ada@example.test").await;
    let g = b.sign_in("grace@example.test").await;
    let cookie = format!("__client={}", b.cookie.clone().unwrap());
    let mut tasks = Vec::new();
    for i in 0..40 {
        let (app, cookie) = (app.clone(), cookie.clone());
        let uri = match i % 4 {
            0 => "/v1/client/sessions?_method=DELETE".to_owned(),
            1 => format!("/v1/client/sessions/{a}/touch"),
            2 => format!("/v1/client/sessions/{g}/touch"),
            _ => format!("/v1/client/sessions/{g}/tokens"),
        };
        tasks.push(tokio::spawn(async move {
            post(&uri).cookie(&cookie).send(&app).await.status
        }));
    }
    for t in tasks {
        let status = t.await.unwrap();
        assert!(
            status == StatusCode::OK || status.is_client_error(),
            "{status}"
        );
    }
    let client = b.client().await;
    assert_eq!(client["sessions"], serde_json::json!([]));
    assert_eq!(client["last_active_session_id"], Value::Null);
}
