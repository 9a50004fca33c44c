//! Embedded widgets tell the host page their height, so the loader can size the iframe
//! to its content. Messages go only to the host origin the loader declared.

use leptos::html::Div;
use leptos::prelude::*;
use leptos_use::use_resize_observer;

/// Message type understood by `gromada-embed.js`.
pub const RESIZE_MESSAGE: &str = "gromada:resize";

/// Posts `{type, id, height}` to the parent window whenever `target` changes size.
/// `frame_id` and `parent_origin` come from the iframe URL the loader built.
pub fn use_embed_resize(target: NodeRef<Div>, frame_id: String, parent_origin: String) {
    let post = move |height: f64| {
        let Some(window) = web_sys::window() else {
            return;
        };
        let Ok(Some(parent)) = window.parent() else {
            return;
        };
        let message = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&message, &"type".into(), &RESIZE_MESSAGE.into());
        let _ = js_sys::Reflect::set(&message, &"id".into(), &frame_id.as_str().into());
        let _ = js_sys::Reflect::set(&message, &"height".into(), &height.ceil().into());
        let _ = parent.post_message(&message, &parent_origin);
    };
    use_resize_observer(target, move |entries, _| {
        if let Some(entry) = entries.first() {
            let el = entry.target();
            post(f64::from(el.scroll_height()));
        }
    });
}
