//! Surveys: the list, answering (also embedded), results with charts and the admin's
//! builder.

mod answer;
mod builder;
mod results;

pub use answer::{SurveyAnswerPage, SurveyForm};
pub use builder::{NewSurveyPage, SurveyEditPage};
pub use results::SurveyResultsPage;

use crate::domain::permissions::{can, Action};
use crate::domain::survey::Survey;
use crate::store::{Collection, Query, StoreExt};
use crate::ui::components::ReadProblem;
use crate::ui::format;
use crate::ui::hooks::{use_i18n, use_read, use_viewer};
use crate::ui::i18n::fill;
use crate::ui::routes;
use leptos::prelude::*;

/// The wave status of a survey, in words.
pub fn wave_status(
    survey: &Survey,
    t: &crate::ui::i18n::Messages,
    locale: crate::domain::locale::Locale,
) -> String {
    let now = format::now();
    match survey.schedule.wave_at(now) {
        Some((w, true)) => {
            let end = survey
                .schedule
                .wave_end(w)
                .map(|e| format::date(locale, e))
                .unwrap_or_default();
            fill(
                t.survey().wave_open_until,
                &[("n", &(w + 1).to_string()), ("date", &end)],
            )
        }
        Some((w, false)) => {
            let next = survey
                .schedule
                .wave_start(w + 1)
                .map(|e| format::date(locale, e));
            match next {
                Some(d) => fill(
                    t.survey().wave_closed_next,
                    &[("n", &(w + 1).to_string()), ("date", &d)],
                ),
                None => fill(t.survey().wave_closed, &[("n", &(w + 1).to_string())]),
            }
        }
        None => {
            let d = survey
                .schedule
                .wave_start(0)
                .map(|e| format::date(locale, e))
                .unwrap_or_default();
            fill(t.survey().survey_opens_on, &[("date", &d)])
        }
    }
}

/// `/surveys`: every survey with its wave status and links.
#[component]
pub fn SurveysPage() -> impl IntoView {
    let i18n = use_i18n();
    let viewer = use_viewer();
    let data = use_read(|store| async move {
        let surveys = store.list_as::<Survey>(&Query::all()).await?.items;
        let mut out = Vec::new();
        for s in surveys {
            // Counted where the store can (one short request on a backend), not listed.
            let by_survey = Query::all().eq("survey_id", s.id.as_str());
            let n = store.count(Collection::Responses, &by_survey).await? as usize;
            out.push((s, n));
        }
        Ok(out)
    });
    view! {
        <section class="g-page">
            <h1>{move || i18n.t().app().nav_surveys}</h1>
            <Show when=move || can(viewer.role(), Action::ManageSurveys)>
                <p><a class="g-button g-button--primary" href=routes::new_survey()>{move || i18n.t().app().new_survey}</a></p>
            </Show>
            {move || data.get().map(|r| view! { <ReadProblem error=r.error shown_before=r.value.is_some()/> })}
            {move || match data.get().map(|r| r.value) {
                None => view! { <p class="g-loading">{move || i18n.t().loading}</p> }.into_any(),
                Some(None) => ().into_any(),
                Some(Some(list)) if list.is_empty() => view! { <p class="g-empty">{move || i18n.t().app().no_surveys}</p> }.into_any(),
                Some(Some(list)) => view! {
                    <ul class="g-cards" role="list">
                        {list.into_iter().map(|(s, n)| {
                            let id = s.id.to_string();
                            let status = s.clone();
                            view! {
                                <li class="g-card">
                                    <h2 class="g-card__title"><a href=routes::survey(&id)>{s.title.clone()}</a></h2>
                                    <p class="g-card__text">{move || wave_status(&status, i18n.t(), i18n.locale())}</p>
                                    <p class="g-card__meta">{move || { let t = i18n.t(); t.count(t.survey().responses, n as u64, &format::count(i18n.locale(), n as u64)) }}</p>
                                    <p class="g-toolbar">
                                        <a href=routes::survey_results(&id)>{move || i18n.t().survey().see_results}</a>
                                        <Show when=move || can(viewer.role(), Action::ManageSurveys)>
                                            <a href=routes::survey_edit(&id)>{move || i18n.t().app().edit}</a>
                                        </Show>
                                    </p>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }
                .into_any(),
            }}
        </section>
    }
}
