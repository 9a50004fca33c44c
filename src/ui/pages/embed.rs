//! The embed shell: one widget without the app's chrome, sized to its content through
//! messages to the host page's loader.

use crate::domain::config::View;
use crate::ui::app::EmbedTarget;
use crate::ui::components::NoticesRegion;
use crate::ui::hooks::{use_board, use_embed_resize, use_i18n, BoardQuery};
use crate::ui::pages::board::BoardView;
use leptos::html::Div;
use leptos::prelude::*;

/// Renders one view as a widget, or gives it back when this embed build does not carry
/// it. Each embed page has its own (`board_widget`, `survey_widget`), so the linker
/// leaves the other widgets out of its download.
pub type Widget = fn(View) -> Result<AnyView, View>;

/// Renders the embedded widget.
#[component]
pub fn EmbedShell(
    /// What to show.
    target: EmbedTarget,
    /// The widgets this build carries.
    widget: Widget,
) -> impl IntoView {
    let i18n = use_i18n();
    let root = NodeRef::<Div>::new();
    use_embed_resize(root, target.frame.clone(), target.parent_origin.clone());
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let _ = body.class_list().add_1("g-embedded");
    }
    let widget = widget(target.view).unwrap_or_else(|_| {
        view! { <p class="g-error" role="alert">{move || i18n.t().not_found_body}</p> }.into_any()
    });
    view! {
        <div class="g-embed" node_ref=root>
            <main class="g-embed__main">{widget}</main>
            <NoticesRegion/>
        </div>
    }
}

/// The widgets of `embed.html`: a board, or one idea's card.
pub fn board_widget(view: View) -> Result<AnyView, View> {
    match view {
        View::Board(slug) => {
            let board = use_board(move || slug.clone());
            Ok(view! { <BoardView board=board query=BoardQuery::local() embedded=true tools=crate::ui::pages::board_tools::embed_tools/> }.into_any())
        }
        View::Idea(id) => Ok(view! { <crate::ui::pages::idea_card::IdeaCard id=id/> }.into_any()),
        other => Err(other),
    }
}

/// The widgets of `embed-survey.html`: a survey, or a one-question pulse of it.
pub fn survey_widget(view: View) -> Result<AnyView, View> {
    match view {
        View::Survey(id) => Ok(view! { <EmbeddedSurvey id=id only=None/> }.into_any()),
        View::Pulse(id, q) => Ok(view! {
            <EmbeddedSurvey id=id only=Some(crate::domain::ids::QuestionId(q))/>
        }
        .into_any()),
        other => Err(other),
    }
}

/// Every widget: the full app answers `index.html?embed=…` for any kind.
pub fn any_widget(view: View) -> Result<AnyView, View> {
    board_widget(view).or_else(survey_widget)
}

/// A survey (or one question of it) in an embed.
#[component]
fn EmbeddedSurvey(id: String, only: Option<crate::domain::ids::QuestionId>) -> impl IntoView {
    use crate::store::StoreExt;
    let i18n = use_i18n();
    let survey = crate::ui::hooks::use_read(move |store| {
        let id = id.clone();
        async move { store.get_as::<crate::domain::survey::Survey>(&id).await }
    });
    move || match survey.get() {
        None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
        Some(crate::ui::hooks::Read { value: None, error }) => {
            view! { <crate::ui::components::ReadProblem error=error/> }.into_any()
        }
        Some(crate::ui::hooks::Read {
            value: Some(None), ..
        }) => view! { <p>{move || i18n.t().survey_not_found}</p> }.into_any(),
        Some(crate::ui::hooks::Read {
            value: Some(Some(s)),
            ..
        }) => {
            let class = if only.is_some() {
                "g-survey g-survey--pulse"
            } else {
                "g-survey"
            };
            view! { <div class=class><crate::ui::pages::survey::SurveyForm survey=s only=only.clone() embedded=true/></div> }.into_any()
        }
    }
}
