//! `GET /v1/environment`: the instance settings, not wrapped in an envelope.
//!
//! `environment.json` holds a complete `Client.Environment` (every field the spec requires,
//! values describing this emulator: password sign-in by email or username). The parts
//! that depend on how the server runs are filled in per request.

use serde_json::{json, Value};

const TEMPLATE: &str = include_str!("../environment.json");

/// The environment for a server reachable at `origin`.
pub fn environment(origin: &str, single_session: bool, development: bool) -> Value {
    // The template is checked by a test; a parse failure would still answer an object.
    let mut env: Value = serde_json::from_str(TEMPLATE).unwrap_or_else(|_| json!({}));
    if let Some(auth) = env.get_mut("auth_config").and_then(Value::as_object_mut) {
        auth.insert("single_session_mode".into(), json!(single_session));
    }
    if let Some(display) = env.get_mut("display_config").and_then(Value::as_object_mut) {
        let kind = if development {
            "development"
        } else {
            "production"
        };
        let urls = [
            ("home_url", "/"),
            ("sign_in_url", "/sign-in.html"),
            ("sign_up_url", "/sign-in.html"),
            ("user_profile_url", "/user-profile.html"),
            ("waitlist_url", "/sign-in.html"),
            ("oauth_consent_url", "/sign-in.html"),
            ("after_sign_in_url", "/"),
            ("after_sign_up_url", "/"),
            ("after_sign_out_one_url", "/"),
            ("after_sign_out_all_url", "/sign-in.html"),
            ("after_switch_session_url", "/"),
            ("after_join_waitlist_url", "/"),
            ("organization_profile_url", "/"),
            ("create_organization_url", "/"),
            ("after_leave_organization_url", "/"),
            ("after_create_organization_url", "/"),
            ("logo_link_url", "/"),
        ];
        for (key, path) in urls {
            display.insert(key.into(), json!(format!("{origin}{path}")));
        }
        display.insert("instance_environment_type".into(), json!(kind));
        display.insert("show_devmode_warning".into(), json!(development));
    }
    env
}
