//! Numbers, dates and relative times formatted for the viewer's language with the
//! browser's `Intl` (so Polish gets "1 234,5" and "24 lis 2026").

use crate::domain::locale::Locale;
use crate::domain::time::Timestamp;
use js_sys::{Array, Intl, Object, Reflect};
use wasm_bindgen::JsValue;

fn locales(locale: Locale) -> Array {
    Array::of1(&JsValue::from_str(locale.tag()))
}

fn options(pairs: &[(&str, JsValue)]) -> Object {
    let o = Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&o, &JsValue::from_str(k), v);
    }
    o
}

/// An integer or decimal with the locale's grouping and decimal separator.
pub fn number(locale: Locale, n: f64, max_fraction: u8) -> String {
    let opts = options(&[("maximumFractionDigits", JsValue::from(max_fraction))]);
    let f = Intl::NumberFormat::new(&locales(locale), &opts);
    f.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(n))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| n.to_string())
}

/// A count.
pub fn count(locale: Locale, n: u64) -> String {
    number(locale, n as f64, 0)
}

/// A share (0.42 → "42%" / "42%").
pub fn percent(locale: Locale, share: f64, max_fraction: u8) -> String {
    let opts = options(&[
        ("style", JsValue::from_str("percent")),
        ("maximumFractionDigits", JsValue::from(max_fraction)),
    ]);
    let f = Intl::NumberFormat::new(&locales(locale), &opts);
    f.format()
        .call1(&JsValue::NULL, &JsValue::from_f64(share))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

fn date_with(locale: Locale, at: Timestamp, pairs: &[(&str, JsValue)]) -> String {
    let f = Intl::DateTimeFormat::new(&locales(locale), &options(pairs));
    let date = js_sys::Date::new(&JsValue::from_f64(at.0 as f64));
    f.format()
        .call1(&JsValue::NULL, &date)
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| at.to_rfc3339())
}

/// A date ("24 Nov 2026" / "24 lis 2026").
pub fn date(locale: Locale, at: Timestamp) -> String {
    date_with(locale, at, &[("dateStyle", JsValue::from_str("medium"))])
}

/// A date and time.
pub fn date_time(locale: Locale, at: Timestamp) -> String {
    date_with(
        locale,
        at,
        &[
            ("dateStyle", JsValue::from_str("medium")),
            ("timeStyle", JsValue::from_str("short")),
        ],
    )
}

/// "3 days ago" / "3 dni temu".
pub fn relative(locale: Locale, at: Timestamp, now: Timestamp) -> String {
    let secs = (at.0 - now.0) as f64 / 1000.0;
    let (value, unit) = if secs.abs() < 60.0 {
        (secs, "second")
    } else if secs.abs() < 3_600.0 {
        (secs / 60.0, "minute")
    } else if secs.abs() < 86_400.0 {
        (secs / 3_600.0, "hour")
    } else if secs.abs() < 30.0 * 86_400.0 {
        (secs / 86_400.0, "day")
    } else if secs.abs() < 365.0 * 86_400.0 {
        (secs / (30.0 * 86_400.0), "month")
    } else {
        (secs / (365.0 * 86_400.0), "year")
    };
    let f = Intl::RelativeTimeFormat::new(
        &locales(locale),
        &options(&[("numeric", JsValue::from_str("auto"))]),
    );
    f.format(value.round(), unit)
        .as_string()
        .unwrap_or_default()
}

/// The current time.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}
