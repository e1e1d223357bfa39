//! Fetching a config from the `config` attribute's URL: without credentials,
//! with a timeout and a size limit, so a slow or huge file cannot hang a phone.

use wasm_bindgen::{closure::Closure, JsCast};
use wasm_bindgen_futures::JsFuture;
use web_sys::{AbortController, RequestCredentials, RequestInit, Response};

use crate::config::limits;
use crate::error::{quote, Error, Reason};

/// How long a config may take to arrive.
pub const TIMEOUT_SECONDS: u32 = 10;

/// The error path for problems with the `config` attribute itself.
const PATH: &str = "config";

/// Resolves `attribute` against the page and fetches it as text.
pub async fn fetch_config(attribute: &str, base: &str) -> Result<String, Error> {
    let url = web_sys::Url::new_with_base(attribute.trim(), base)
        .ok()
        .filter(|url| matches!(url.protocol().as_str(), "http:" | "https:"))
        .ok_or_else(|| {
            Error::at(
                PATH,
                Reason::NotHttpUrl {
                    value: quote(attribute),
                },
            )
        })?;
    let window = web_sys::window().ok_or_else(|| browser("window"))?;
    let controller = AbortController::new().map_err(|_| browser("AbortController"))?;

    let init = RequestInit::new();
    init.set_credentials(RequestCredentials::Omit);
    init.set_signal(Some(&controller.signal()));
    // The timer is cleared when this future ends, whichever way: dropping the
    // guard clears it.
    let abort = {
        let controller = controller.clone();
        Closure::<dyn FnMut()>::new(move || controller.abort())
    };
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            abort.as_ref().unchecked_ref(),
            (TIMEOUT_SECONDS * 1000) as i32,
        )
        .map_err(|_| browser("setTimeout"))?;
    let _guard = TimerGuard {
        timer,
        _abort: abort,
    };

    let timed_out = || controller.signal().aborted();
    let failed = |timed_out: bool| {
        if timed_out {
            Error::at(
                PATH,
                Reason::Timeout {
                    seconds: TIMEOUT_SECONDS,
                },
            )
        } else {
            Error::at(PATH, Reason::FetchFailed)
        }
    };
    let response: Response = JsFuture::from(window.fetch_with_str_and_init(&url.href(), &init))
        .await
        .map_err(|_| failed(timed_out()))?
        .unchecked_into();
    if !response.ok() {
        return Err(Error::at(
            PATH,
            Reason::HttpStatus {
                status: response.status(),
            },
        ));
    }
    let declared = response
        .headers()
        .get("content-length")
        .ok()
        .flatten()
        .and_then(|v| v.parse::<usize>().ok());
    if let Some(bytes) = declared.filter(|bytes| *bytes > limits::CONFIG_BYTES) {
        controller.abort();
        return Err(Error::at(
            "",
            Reason::TooLarge {
                bytes,
                limit: limits::CONFIG_BYTES,
            },
        ));
    }
    let text = JsFuture::from(response.text().map_err(|_| failed(false))?)
        .await
        .map_err(|_| failed(timed_out()))?;
    // Non-string bodies cannot happen for text(); treat them as a failed load.
    text.as_string().ok_or_else(|| failed(false))
}

fn browser(feature: &str) -> Error {
    Error::at(
        PATH,
        Reason::Browser {
            detail: feature.to_owned(),
        },
    )
}

struct TimerGuard {
    timer: i32,
    _abort: Closure<dyn FnMut()>,
}

impl Drop for TimerGuard {
    fn drop(&mut self) {
        if let Some(window) = web_sys::window() {
            window.clear_timeout_with_handle(self.timer);
        }
    }
}
