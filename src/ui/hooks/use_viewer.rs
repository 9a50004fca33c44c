//! The viewer context: who is using the app. Without a backend there is no sign-in, so the
//! demo offers a labelled role switcher over the stored members; the domain still checks
//! every permission against the viewer's role.

use super::Prefs;
use crate::domain::ids::{DeviceId, MemberId};
use crate::domain::member::{Actor, Member, Role, Viewer};
use leptos::prelude::*;

/// Preference key of the acting member.
const ACTING: &str = "acting";
/// Value of [`ACTING`] for an anonymous visitor.
const ANONYMOUS: &str = "anonymous";

/// The viewer and the members one may act as.
#[derive(Clone, Copy)]
pub struct ViewerContext {
    viewer: RwSignal<Viewer>,
    members: RwSignal<Vec<Member>>,
    prefs: StoredValue<Prefs>,
}

impl ViewerContext {
    /// The viewer (tracked).
    pub fn get(&self) -> Viewer {
        self.viewer.get()
    }

    /// The viewer, without tracking (for event handlers).
    pub fn get_untracked(&self) -> Viewer {
        self.viewer.get_untracked()
    }

    /// The acting actor (tracked).
    pub fn actor(&self) -> Actor {
        self.viewer.with(|v| v.actor.clone())
    }

    /// The viewer's role (tracked).
    pub fn role(&self) -> Role {
        self.viewer.with(|v| v.role)
    }

    /// Members, for names and the switcher (tracked).
    pub fn members(&self) -> Vec<Member> {
        self.members.get()
    }

    /// Members, without tracking.
    pub fn members_untracked(&self) -> Vec<Member> {
        self.members.get_untracked()
    }

    /// A member's display name, if known.
    pub fn name_of(&self, id: &MemberId) -> Option<String> {
        self.members
            .with(|m| m.iter().find(|m| &m.id == id).map(|m| m.name.clone()))
    }

    /// Replaces the member list (after loading or changes).
    pub fn set_members(&self, members: Vec<Member>) {
        let acting = self.prefs.with_value(|p| p.get(ACTING));
        let device = self.viewer.with_untracked(|v| v.device.clone());
        let viewer = resolve(acting.as_deref(), &members, device);
        self.members.set(members);
        if self.viewer.get_untracked() != viewer {
            self.viewer.set(viewer);
        }
    }

    /// Acts as `member` (or anonymously with `None`) and remembers it.
    pub fn act_as(&self, member: Option<&MemberId>) {
        let value = member.map_or(ANONYMOUS.to_owned(), |m| m.to_string());
        self.prefs.with_value(|p| p.set(ACTING, &value));
        let device = self.viewer.with_untracked(|v| v.device.clone());
        let viewer = self
            .members
            .with_untracked(|m| resolve(Some(&value), m, device));
        self.viewer.set(viewer);
    }
}

fn resolve(acting: Option<&str>, members: &[Member], device: DeviceId) -> Viewer {
    let fallback = members
        .iter()
        .find(|m| m.id.as_str() == crate::domain::demo::DEMO_MEMBER);
    let member = match acting {
        Some(ANONYMOUS) => None,
        Some(id) => members.iter().find(|m| m.id.as_str() == id).or(fallback),
        None => fallback,
    };
    match member {
        Some(m) => Viewer::member(m, device),
        None => Viewer::anonymous(device),
    }
}

/// Provides the viewer context.
pub fn provide_viewer(prefs: Prefs) -> ViewerContext {
    let device = DeviceId(prefs.device_id());
    let ctx = ViewerContext {
        viewer: RwSignal::new(Viewer::anonymous(device)),
        members: RwSignal::new(Vec::new()),
        prefs: StoredValue::new(prefs),
    };
    provide_context(ctx);
    ctx
}

/// The viewer context.
pub fn use_viewer() -> ViewerContext {
    expect_context()
}
