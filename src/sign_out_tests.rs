//! Native tests of the sign-out branch choice and the current-session choice.

use super::*;
use crate::resources::Session;

fn session(id: &str, status: SessionStatus) -> Session {
    Session {
        id: id.into(),
        status,
        ..Session::default()
    }
}

fn client(sessions: Vec<Session>, last: Option<&str>) -> Client {
    Client {
        id: "client_1".into(),
        sessions,
        last_active_session_id: last.map(Into::into),
        ..Client::default()
    }
}

#[test]
fn without_a_client_or_without_sessions_sign_out_does_nothing() {
    assert_eq!(plan(None, None, None), Plan::Nothing);
    assert_eq!(plan(Some(&client(vec![], None)), None, None), Plan::Nothing);
}

#[test]
fn without_a_session_id_every_session_of_this_browser_is_signed_out() {
    let c = client(
        vec![
            session("a", SessionStatus::Active),
            session("b", SessionStatus::Active),
        ],
        Some("a"),
    );
    assert_eq!(plan(Some(&c), Some("a"), None), Plan::AllSessions);
    // Ended sessions still make a client worth signing out, as ClerkJS does.
    let ended = client(vec![session("a", SessionStatus::Ended)], None);
    assert_eq!(plan(Some(&ended), None, None), Plan::AllSessions);
}

#[test]
fn a_session_id_with_one_signed_in_session_signs_out_everything() {
    let c = client(
        vec![
            session("a", SessionStatus::Active),
            session("old", SessionStatus::Ended),
        ],
        Some("a"),
    );
    assert_eq!(plan(Some(&c), Some("a"), Some("a")), Plan::AllSessions);
}

#[test]
fn a_session_id_among_several_removes_only_that_session() {
    let c = client(
        vec![
            session("a", SessionStatus::Active),
            session("b", SessionStatus::Pending),
        ],
        Some("a"),
    );
    assert_eq!(
        plan(Some(&c), Some("a"), Some("a")),
        Plan::Remove {
            session_id: "a".into(),
            current: true
        }
    );
    assert_eq!(
        plan(Some(&c), Some("a"), Some("b")),
        Plan::Remove {
            session_id: "b".into(),
            current: false
        }
    );
    assert_eq!(
        plan(Some(&c), Some("a"), Some("sess_elsewhere")),
        Plan::Nothing
    );
}

#[test]
fn the_current_session_is_the_last_active_one_else_the_first_signed_in() {
    let c = client(
        vec![
            session("ended", SessionStatus::Ended),
            session("a", SessionStatus::Active),
            session("b", SessionStatus::Active),
        ],
        Some("b"),
    );
    assert_eq!(c.choose_current_session().map(|s| s.id.as_str()), Some("b"));
    let stale = client(c.sessions, Some("ended"));
    assert_eq!(
        stale.choose_current_session().map(|s| s.id.as_str()),
        Some("a")
    );
    let none = client(vec![session("x", SessionStatus::Revoked)], Some("x"));
    assert!(none.choose_current_session().is_none());
}

#[test]
fn an_unconfirmed_sign_out_shows_the_covered_sessions_as_ended() {
    let c = client(
        vec![
            session("a", SessionStatus::Active),
            session("b", SessionStatus::Active),
        ],
        Some("a"),
    );
    let one = without(&c, &intent(Some(&c), &plan(Some(&c), Some("a"), Some("a"))));
    assert_eq!(
        one.signed_in_sessions()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["b"]
    );
    let all = without(&c, &intent(Some(&c), &Plan::AllSessions));
    assert_eq!(all.signed_in_sessions().count(), 0);
}

#[test]
fn a_sign_out_means_the_sessions_signed_in_when_it_was_called() {
    let mut c = client(
        vec![
            session("a", SessionStatus::Active),
            session("b", SessionStatus::Pending),
            session("x", SessionStatus::Ended),
        ],
        Some("a"),
    );
    let all = intent(Some(&c), &Plan::AllSessions);
    assert_eq!(
        (all.client_id.as_str(), &all.session_ids[..]),
        ("client_1", &["a".to_owned(), "b".to_owned()][..])
    );
    let one = intent(Some(&c), &plan(Some(&c), Some("a"), Some("b")));
    assert_eq!(one.session_ids, ["b"]);
    // A session signed in later is not covered, nor the same id on another client.
    c.sessions.push(session("new", SessionStatus::Active));
    assert_eq!(
        without(&c, &all)
            .signed_in_sessions()
            .map(|s| s.id.as_str())
            .collect::<Vec<_>>(),
        ["new"]
    );
    c.id = "client_2".into();
    assert_eq!(without(&c, &all).signed_in_sessions().count(), 3);
}

#[test]
fn a_session_is_gone_on_a_404_resource_not_found_or_a_400_session_not_active() {
    use crate::error::{ApiError, ApiErrorItem};
    let api = |status, code: &str| {
        ClerkError::Api(std::sync::Arc::new(ApiError {
            status,
            errors: vec![ApiErrorItem {
                code: code.into(),
                ..ApiErrorItem::default()
            }],
            ..ApiError::default()
        }))
    };
    assert!(is_gone(&api(404, "resource_not_found")));
    assert!(is_gone(&api(400, "session_not_active")));
    assert!(!is_gone(&api(404, "other_code")));
    assert!(!is_gone(&api(500, "resource_not_found")));
    assert!(!is_gone(&ClerkError::Network {
        message: "reset".into()
    }));
}
