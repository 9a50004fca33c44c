//! Importing activity: files chosen or dropped (several at once, any order), recognised
//! by their contents, read in this tab only. Every skipped row and left-out message is
//! reported; the good data is kept.

use super::data::{use_dashboard_state, Imported};
use crate::domain::activity::{ActivityMember, ActivityRole, Event};
use crate::domain::import::detect::{detect, FileKind};
use crate::domain::import::discord::{import_discord, DiscordOptions};
use crate::domain::import::series::read_series;
use crate::domain::import::slack::{import_slack, SlackOptions};
use crate::domain::import::{read_members, ImportReport};
use crate::ui::hooks::use_i18n;
use crate::ui::i18n::{fill, Messages};
use leptos::prelude::*;
use std::collections::BTreeMap;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// How many skipped rows are listed per file (all are counted).
const LISTED_ROWS: usize = 20;

async fn read_file(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|e| {
        e.as_string()
            .unwrap_or_else(|| "the browser could not read it".into())
    })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

fn files_of(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else {
        return Vec::new();
    };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// The lines describing a report's skipped rows.
pub fn report_lines(t: &Messages, file: &str, report: &ImportReport) -> Vec<String> {
    if report.bad_row_count == 0 {
        return Vec::new();
    }
    let mut lines = vec![fill(
        t.dash().skipped_rows,
        &[("n", &report.bad_row_count.to_string()), ("file", file)],
    )];
    for row in report.bad_rows.iter().take(LISTED_ROWS) {
        lines.push(fill(
            t.dash().skipped_row,
            &[("line", &row.line.to_string()), ("reason", &row.reason)],
        ));
    }
    let listed = report.bad_rows.len().min(LISTED_ROWS) as u64;
    if report.bad_row_count > listed {
        lines.push(fill(
            t.dash().skipped_more,
            &[("n", &(report.bad_row_count - listed).to_string())],
        ));
    }
    lines
}

fn staff_roles(staff: &str) -> BTreeMap<String, ActivityRole> {
    staff
        .split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|s| (s.to_owned(), ActivityRole::Staff))
        .collect()
}

/// Reads `files` and replaces the dashboard's imported data (series are added).
async fn import(
    files: Vec<web_sys::File>,
    t: &'static Messages,
    state: super::data::DashboardState,
) {
    let mut notes: Vec<(bool, String)> = Vec::new();
    let mut members: Vec<ActivityMember> = Vec::new();
    let mut events: Vec<Event> = Vec::new();
    let mut event_files = Vec::new();
    let mut discord: Vec<(String, Vec<u8>)> = Vec::new();
    let mut names = Vec::new();
    let mut series = (*state.series.get_untracked()).clone();
    let roles = staff_roles(&state.staff.get_untracked());
    for file in files {
        let name = file.name();
        state.progress.set(Some(super::data::Progress {
            label: fill(t.dash().reading, &[("file", &name)]),
            done: 0.0,
        }));
        let bytes = match read_file(&file).await {
            Ok(b) => b,
            Err(reason) => {
                notes.push((
                    false,
                    fill(
                        t.dash().import_failed,
                        &[("file", &name), ("reason", &reason)],
                    ),
                ));
                continue;
            }
        };
        let failed = |reason: String| {
            (
                false,
                fill(
                    t.dash().import_failed,
                    &[("file", &name), ("reason", &reason)],
                ),
            )
        };
        match detect(&bytes) {
            FileKind::Members => match read_members(&name, &bytes) {
                Ok(import) => {
                    notes.extend(
                        report_lines(t, &name, &import.report)
                            .into_iter()
                            .map(|l| (false, l)),
                    );
                    members.extend(import.members);
                    names.push(name.clone());
                }
                Err(e) => notes.push(failed(e.to_string())),
            },
            FileKind::Events => {
                names.push(name.clone());
                event_files.push((name.clone(), Rc::new(bytes)));
            }
            FileKind::Series => match read_series(&name, &bytes) {
                Ok((read, report)) => {
                    notes.extend(
                        report_lines(t, &name, &report)
                            .into_iter()
                            .map(|l| (false, l)),
                    );
                    let added: Vec<String> = read.iter().map(|s| s.name.clone()).collect();
                    series.retain(|s| !added.contains(&s.name));
                    series.extend(read);
                    notes.push((
                        true,
                        fill(t.dash().series_loaded, &[("names", &added.join(", "))]),
                    ));
                }
                Err(e) => notes.push(failed(e.to_string())),
            },
            FileKind::SlackZip => match import_slack(
                &name,
                &bytes,
                &SlackOptions {
                    roles: roles.clone(),
                },
            ) {
                Ok(import) => {
                    let r = &import.report;
                    let system: u64 = r.system_messages.values().sum();
                    notes.push((
                        true,
                        fill(
                            t.dash().slack_done,
                            &[
                                ("posts", &r.posts.to_string()),
                                ("comments", &r.comments.to_string()),
                                ("reactions", &r.reactions.to_string()),
                                ("bots", &r.bot_messages.to_string()),
                                ("system", &system.to_string()),
                            ],
                        ),
                    ));
                    notes.extend(r.problems.iter().map(|p| (false, p.to_string())));
                    members.extend(import.members);
                    events.extend(import.events);
                    names.push(name.clone());
                }
                Err(e) => notes.push(failed(e.to_string())),
            },
            FileKind::Discord => {
                names.push(name.clone());
                discord.push((name.clone(), bytes));
            }
            FileKind::Unknown => {
                notes.push((false, fill(t.dash().unknown_file, &[("file", &name)])))
            }
        }
    }
    if !discord.is_empty() {
        let files: Vec<(&str, &[u8])> = discord
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        let options = DiscordOptions {
            roles: roles.clone(),
            ..DiscordOptions::default()
        };
        match import_discord(&files, &options) {
            Ok(import) => {
                let r = &import.report;
                let system: u64 = r.system_messages.values().sum();
                notes.push((
                    true,
                    fill(
                        t.dash().discord_done,
                        &[
                            ("messages", &(r.posts + r.comments).to_string()),
                            ("bots", &r.bot_messages.to_string()),
                            ("system", &system.to_string()),
                        ],
                    ),
                ));
                notes.extend(r.problems.iter().map(|p| (false, p.to_string())));
                members.extend(import.members);
                events.extend(import.events);
            }
            Err(e) => notes.push((false, e.to_string())),
        }
    }
    state.series.set(Rc::new(series));
    state.progress.set(None);
    if !event_files.is_empty() && members.is_empty() {
        notes.push((false, t.dash().need_members.to_owned()));
    } else if !event_files.is_empty() || !events.is_empty() {
        state.imported.set(Some(Rc::new(Imported {
            label: names.join(", "),
            members,
            files: event_files,
            events,
        })));
    }
    state.import_notes.set(notes);
}

/// The import panel: file picker, drop zone, staff mapping, and what the import said.
#[component]
pub fn ImportPanel() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_dashboard_state();
    let dragging = RwSignal::new(false);
    let start = move |files: Vec<web_sys::File>| {
        if files.is_empty() {
            return;
        }
        let t = i18n.t_untracked();
        leptos::task::spawn_local(import(files, t, state));
    };
    view! {
        <section class="g-dash-import" aria-labelledby="g-dash-import-title">
            <h2 id="g-dash-import-title">{move || i18n.t().dash().import_title}</h2>
            <p class="g-field__hint">{move || i18n.t().dash().import_hint}</p>
            <div
                class="g-dropzone"
                class:g-dropzone--over=move || dragging.get()
                on:dragover=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(true);
                }
                on:dragleave=move |_| dragging.set(false)
                on:drop=move |ev: web_sys::DragEvent| {
                    ev.prevent_default();
                    dragging.set(false);
                    start(files_of(ev.data_transfer().and_then(|d| d.files())));
                }
            >
                <label class="g-button g-button--primary g-file-button">
                    {move || i18n.t().dash().choose_files}
                    <input
                        type="file"
                        class="g-visually-hidden"
                        multiple
                        accept=".csv,.json,.zip,text/csv,application/json,application/zip"
                        on:change=move |ev| {
                            let input = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok());
                            if let Some(input) = input {
                                start(files_of(input.files()));
                                input.set_value("");
                            }
                        }
                    />
                </label>
                " " <span>{move || i18n.t().dash().drop_here}</span>
            </div>
            <p class="g-field__hint">{move || i18n.t().dash().import_private}</p>
            <label class="g-field">
                <span class="g-field__label">{move || i18n.t().dash().staff_names}</span>
                <input class="g-input" type="text" prop:value=move || state.staff.get() on:change=move |ev| state.staff.set(event_target_value(&ev))/>
                <span class="g-field__hint">{move || i18n.t().dash().staff_names_hint}</span>
            </label>
            <ul class="g-dash-notes" aria-live="polite" role="list">
                {move || state.import_notes.get().into_iter().map(|(ok, text)| view! {
                    <li class=if ok { "g-dash-note" } else { "g-dash-note g-dash-note--problem" }>{text}</li>
                }).collect_view()}
            </ul>
        </section>
    }
}
