//! Browser tests of reading answers (`serde_wasm_bindgen` needs the browser's values).
#![cfg(target_arch = "wasm32")]

use super::answer::{answer, error_from, is_dev_browser_refusal};
use super::fetch::Reply;
use super::wire;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn reply(status: u16, text: &str, retry_after: Option<&str>) -> Reply {
    Reply {
        status,
        body: wire::parse(text),
        retry_after: retry_after.map(str::to_owned),
        db_jwt: None,
    }
}

#[wasm_bindgen_test]
fn an_error_body_gives_the_code_messages_parameter_trace_id_and_retry_after() {
    let text = r#"{"errors":[{"code":"too_many_requests","message":"Slow down",
        "long_message":"Too many requests, try again later.","meta":{"param_name":"x"},
        "unknown":1}],"clerk_trace_id":"trace_9"}"#;
    let err = error_from(&reply(429, text, Some(" 30 ")));
    let api = err.api().unwrap();
    assert_eq!(
        (api.status, api.code(), api.retry_after),
        (429, "too_many_requests", Some(30))
    );
    assert_eq!(api.clerk_trace_id.as_deref(), Some("trace_9"));
    assert_eq!(err.long_message(), "Too many requests, try again later.");
    let meta = api.errors[0].meta.as_ref().unwrap();
    assert_eq!(meta.param_name.as_deref(), Some("x"));
}

#[wasm_bindgen_test]
fn an_error_without_a_fapi_body_keeps_its_status_and_ignores_an_http_date() {
    for text in [
        "<html>502</html>",
        r#"{"errors":[{"code":"internal"#,
        "[]",
        r#"{"errors":"x"}"#,
    ] {
        let err = error_from(&reply(502, text, Some("Wed, 21 Oct 2015 07:28:00 GMT")));
        let api = err.api().unwrap();
        assert_eq!(
            (api.status, api.code(), api.retry_after),
            (502, "api_response_error", None),
            "{text}"
        );
    }
}

#[wasm_bindgen_test]
fn a_mistyped_field_of_an_error_entry_reads_as_absent() {
    let text =
        r#"{"errors":[{"code":"form_param_invalid","message":7,"long_message":null,"meta":[]}]}"#;
    let err = error_from(&reply(422, text, None));
    let item = &err.api().unwrap().errors[0];
    assert_eq!(
        (item.code.as_str(), item.message.as_str()),
        ("form_param_invalid", "")
    );
    assert_eq!(
        (item.long_message.as_deref(), item.meta.as_ref()),
        (None, None)
    );
}

#[wasm_bindgen_test]
fn a_2xx_answer_that_is_not_a_json_object_is_an_invalid_response() {
    for text in ["<html>ok</html>", "[1]", "null", "\"client\""] {
        let err = answer::<wire::Envelope>(reply(200, text, None)).unwrap_err();
        assert_eq!(err.code(), "invalid_response", "{text}");
    }
    let err = answer::<wire::Token>(reply(200, r#"{"object":"token"}"#, None)).unwrap_err();
    assert!(err.to_string().contains("jwt"), "{err}");
}

#[wasm_bindgen_test]
fn only_a_401_with_the_dev_browser_code_asks_for_a_new_token() {
    let body = r#"{"errors":[{"code":"dev_browser_unauthenticated"}]}"#;
    assert!(is_dev_browser_refusal(&reply(401, body, None)));
    assert!(!is_dev_browser_refusal(&reply(403, body, None)));
    assert!(!is_dev_browser_refusal(&reply(
        401,
        r#"{"errors":[]}"#,
        None
    )));
}
