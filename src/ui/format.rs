//! Numbers, dates and relative times formatted for the viewer's language with the
//! browser's `Intl` (so Polish gets "1 234,5" and "24 lis 2026"). Formatters are costly to
//! create, so each one is made once per language and option set, then reused.

use crate::domain::locale::Locale;
use crate::domain::time::Timestamp;
use js_sys::{Array, Function, Intl, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::JsValue;

thread_local! {
    static FORMATTERS: RefCell<HashMap<(Locale, &'static str), JsValue>> = RefCell::new(HashMap::new());
}

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

/// The cached formatter `key` for `locale`, made by `make` the first time.
fn cached(locale: Locale, key: &'static str, make: impl FnOnce() -> JsValue) -> JsValue {
    FORMATTERS.with(|f| {
        f.borrow_mut()
            .entry((locale, key))
            .or_insert_with(make)
            .clone()
    })
}

fn call(formatter: &JsValue, value: &JsValue) -> Option<String> {
    let f: Function = Reflect::get(formatter, &"format".into()).ok()?.into();
    f.call1(formatter, value).ok()?.as_string()
}

fn number_formatter(locale: Locale, key: &'static str, pairs: &[(&str, JsValue)]) -> JsValue {
    cached(locale, key, || {
        Intl::NumberFormat::new(&locales(locale), &options(pairs)).into()
    })
}

/// An integer or decimal with the locale's grouping and decimal separator (at most two
/// decimals).
pub fn number(locale: Locale, n: f64, max_fraction: u8) -> String {
    let key = match max_fraction {
        0 => "n0",
        1 => "n1",
        _ => "n2",
    };
    let f = number_formatter(
        locale,
        key,
        &[("maximumFractionDigits", JsValue::from(max_fraction.min(2)))],
    );
    // The fallback is the browser's own number text: Rust's float formatting would add
    // some 10 KB to every build for a path taken only when `Intl` fails.
    call(&f, &JsValue::from_f64(n)).unwrap_or_else(|| {
        String::from(
            js_sys::Number::from(n)
                .to_string_with_radix(10)
                .unwrap_or_default(),
        )
    })
}

/// A count.
pub fn count(locale: Locale, n: u64) -> String {
    number(locale, n as f64, 0)
}

/// A share (0.42 → "42%"), with at most one decimal.
pub fn percent(locale: Locale, share: f64, max_fraction: u8) -> String {
    let (key, digits) = if max_fraction == 0 {
        ("p0", 0)
    } else {
        ("p1", 1)
    };
    let f = number_formatter(
        locale,
        key,
        &[
            ("style", "percent".into()),
            ("maximumFractionDigits", JsValue::from(digits)),
        ],
    );
    call(&f, &JsValue::from_f64(share)).unwrap_or_default()
}

fn date_with(
    locale: Locale,
    at: Timestamp,
    key: &'static str,
    pairs: &[(&str, JsValue)],
) -> String {
    let f = cached(locale, key, || {
        Intl::DateTimeFormat::new(&locales(locale), &options(pairs)).into()
    });
    let date = js_sys::Date::new(&JsValue::from_f64(at.0 as f64));
    call(&f, &date).unwrap_or_else(|| at.to_rfc3339())
}

/// A date ("24 Nov 2026" / "24 lis 2026").
pub fn date(locale: Locale, at: Timestamp) -> String {
    date_with(locale, at, "date", &[("dateStyle", "medium".into())])
}

/// A UTC calendar day ("24 Nov 2026" / "24 lis 2026"), whatever the viewer's time zone.
pub fn day(locale: Locale, day: crate::domain::time::Day) -> String {
    date_with(
        locale,
        day.start(),
        "day",
        &[("dateStyle", "medium".into()), ("timeZone", "UTC".into())],
    )
}

/// A date and time.
pub fn date_time(locale: Locale, at: Timestamp) -> String {
    date_with(
        locale,
        at,
        "datetime",
        &[
            ("dateStyle", "medium".into()),
            ("timeStyle", "short".into()),
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
    let f = cached(locale, "relative", || {
        Intl::RelativeTimeFormat::new(&locales(locale), &options(&[("numeric", "auto".into())]))
            .into()
    });
    let format: Option<Function> = Reflect::get(&f, &"format".into()).ok().map(Into::into);
    format
        .and_then(|g| {
            g.call2(&f, &JsValue::from_f64(value.round()), &unit.into())
                .ok()
        })
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The current time.
pub fn now() -> Timestamp {
    Timestamp(js_sys::Date::now() as i64)
}
