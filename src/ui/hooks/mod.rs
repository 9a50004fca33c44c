//! Hooks: small `Copy` contexts (store, language, viewer, notices, preferences) with
//! `provide_*` functions at the app root and `use_*` accessors where they are needed.

mod use_async;
mod use_board;
mod use_board_query;
mod use_community;
mod use_embed_resize;
mod use_i18n;
mod use_navigator;
mod use_notices;
mod use_ops;
mod use_prefs;
mod use_read;
mod use_store;
mod use_viewer;

pub use use_async::use_async;
pub use use_board::{use_board, BoardState, UseBoard};
pub use use_board_query::BoardQuery;
pub use use_community::{provide_community, use_community, CommunityData};
pub use use_embed_resize::use_embed_resize;
pub use use_i18n::{provide_i18n, use_i18n, I18n};
pub use use_navigator::{provide_navigator, use_navigator, Navigator};
pub use use_notices::{provide_notices, use_notices, Notice, NoticeKind, Notices};
pub use use_ops::{use_ops, Ops};
pub use use_prefs::Prefs;
pub use use_read::{use_read, Read};
pub use use_store::{new_id, provide_store, use_store, StoreContext};
pub use use_viewer::{provide_viewer, use_viewer, ViewerContext};
