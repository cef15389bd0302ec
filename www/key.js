// The demo's publishable key points at whatever origin serves this page: the development server
// serves the pages and emulates the Frontend API on the same origin, on any port.
window.__clerk_publishable_key = "pk_test_" + btoa(location.host + "$").replace(/=+$/, "");
