//! Notices: short messages about what just happened (saved, failed, conflict), shown in
//! an ARIA live region so screen readers hear them too.

use leptos::prelude::*;

/// How a notice looks and is announced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NoticeKind {
    /// Something worked.
    Success,
    /// Something failed; the text says what to do.
    Error,
    /// For information.
    Info,
}

impl NoticeKind {
    /// CSS modifier.
    pub fn as_str(self) -> &'static str {
        match self {
            NoticeKind::Success => "success",
            NoticeKind::Error => "error",
            NoticeKind::Info => "info",
        }
    }
}

/// One notice.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    /// Unique id (for dismissing).
    pub id: u64,
    /// Kind.
    pub kind: NoticeKind,
    /// Text.
    pub text: String,
}

/// The notices context.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next: StoredValue<u64>,
}

impl Notices {
    /// Shows a notice; errors stay until dismissed, others fade after a few seconds.
    pub fn push(&self, kind: NoticeKind, text: impl Into<String>) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.list.update(|l| {
            l.push(Notice {
                id,
                kind,
                text: text.into(),
            });
            if l.len() > 5 {
                l.remove(0);
            }
        });
        if kind != NoticeKind::Error {
            let list = self.list;
            set_timeout(
                move || list.update(|l| l.retain(|n| n.id != id)),
                std::time::Duration::from_secs(6),
            );
        }
    }

    /// An error notice.
    pub fn error(&self, text: impl Into<String>) {
        self.push(NoticeKind::Error, text);
    }

    /// A success notice.
    pub fn success(&self, text: impl Into<String>) {
        self.push(NoticeKind::Success, text);
    }

    /// Removes a notice.
    pub fn dismiss(&self, id: u64) {
        self.list.update(|l| l.retain(|n| n.id != id));
    }

    /// Current notices (tracked).
    pub fn list(&self) -> Vec<Notice> {
        self.list.get()
    }
}

/// Provides the notices context.
pub fn provide_notices() -> Notices {
    let ctx = Notices {
        list: RwSignal::new(Vec::new()),
        next: StoredValue::new(1),
    };
    provide_context(ctx);
    ctx
}

/// The notices context.
pub fn use_notices() -> Notices {
    expect_context()
}
