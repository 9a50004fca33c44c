//! The engagement dashboard's strings, in their own table (reached as `t().dash()`).

use crate::domain::locale::Locale;

/// Every string of the dashboard in one language.
#[derive(Debug)]
pub struct DashboardMessages {
    /// The language.
    pub locale: Locale,
    /// Page heading.
    pub title: &'static str,
    /// What the page is.
    pub intro: &'static str,
    /// Data source heading.
    pub source_label: &'static str,
    /// Source: the app's own activity.
    pub source_community: &'static str,
    /// Source: imported files: `{name}`.
    pub source_imported: &'static str,
    /// Back to the community's data.
    pub back_to_community: &'static str,
    /// Period group.
    pub range_label: &'static str,
    /// From date.
    pub from_label: &'static str,
    /// To date.
    pub to_label: &'static str,
    /// Presets.
    pub preset_30: &'static str,
    /// Presets.
    pub preset_90: &'static str,
    /// Presets.
    pub preset_quarter: &'static str,
    /// Presets.
    pub preset_year: &'static str,
    /// Presets.
    pub preset_all: &'static str,
    /// Bad range.
    pub range_invalid: &'static str,
    /// Channel filter.
    pub channels_label: &'static str,
    /// Every channel.
    pub channels_all: &'static str,
    /// Channel filter hint.
    pub channels_hint: &'static str,
    /// Tile.
    pub kpi_dau: &'static str,
    /// Tile.
    pub kpi_wau: &'static str,
    /// Tile.
    pub kpi_mau: &'static str,
    /// Tile.
    pub kpi_engagement: &'static str,
    /// Formula: `{mau}`, `{members}`.
    pub kpi_engagement_formula: &'static str,
    /// Tile.
    pub kpi_stickiness: &'static str,
    /// Formula.
    pub kpi_stickiness_formula: &'static str,
    /// Tile.
    pub kpi_first_response: &'static str,
    /// Detail: `{p90}`, `{n}`.
    pub kpi_first_response_detail: &'static str,
    /// Tile.
    pub kpi_ugc: &'static str,
    /// Tile.
    pub kpi_roadmap: &'static str,
    /// Tile.
    pub kpi_nps: &'static str,
    /// NPS source: `{survey}`, `{n}`.
    pub kpi_nps_from: &'static str,
    /// Tile value missing.
    pub kpi_none: &'static str,
    /// Not in imported data.
    pub kpi_not_imported: &'static str,
    /// Change up: `{change}`, `{before}`.
    pub change_up: &'static str,
    /// Change down: `{change}`, `{before}`.
    pub change_down: &'static str,
    /// No change: `{before}`.
    pub change_same: &'static str,
    /// No baseline.
    pub change_none: &'static str,
    /// Duration: `{n}` minutes.
    pub minutes: &'static str,
    /// Duration: `{n}` hours.
    pub hours: &'static str,
    /// Duration: `{n}` days.
    pub days: &'static str,
    /// Chart.
    pub chart_active: &'static str,
    /// Chart.
    pub chart_ugc: &'static str,
    /// Chart.
    pub chart_response: &'static str,
    /// Chart.
    pub chart_calendar: &'static str,
    /// Chart.
    pub chart_retention: &'static str,
    /// Retention hint.
    pub retention_hint: &'static str,
    /// Chart.
    pub chart_sentiment: &'static str,
    /// Sentiment hint.
    pub sentiment_hint: &'static str,
    /// Chart.
    pub chart_churn: &'static str,
    /// Churn formula.
    pub churn_hint: &'static str,
    /// Chart.
    pub chart_tickets: &'static str,
    /// Chart.
    pub chart_conversion: &'static str,
    /// Series.
    pub series_dau: &'static str,
    /// Series.
    pub series_wau: &'static str,
    /// Series.
    pub series_mau: &'static str,
    /// Series.
    pub series_median: &'static str,
    /// Series.
    pub series_p90: &'static str,
    /// Series.
    pub series_unanswered: &'static str,
    /// Kind.
    pub kind_post: &'static str,
    /// Kind.
    pub kind_comment: &'static str,
    /// Kind.
    pub kind_idea: &'static str,
    /// Tone.
    pub positive: &'static str,
    /// Tone.
    pub negative: &'static str,
    /// Tone.
    pub neutral: &'static str,
    /// Series.
    pub tickets: &'static str,
    /// Series.
    pub churn_rate: &'static str,
    /// Series.
    pub conversion_members: &'static str,
    /// Series.
    pub conversion_others: &'static str,
    /// Data table toggle.
    pub data_table: &'static str,
    /// Column.
    pub col_date: &'static str,
    /// Column.
    pub col_week: &'static str,
    /// Column.
    pub col_cohort: &'static str,
    /// Column.
    pub col_cohort_size: &'static str,
    /// Column: `{n}`.
    pub col_week_n: &'static str,
    /// Import heading.
    pub import_title: &'static str,
    /// Import hint.
    pub import_hint: &'static str,
    /// Privacy note.
    pub import_private: &'static str,
    /// File button.
    pub choose_files: &'static str,
    /// Drop zone.
    pub drop_here: &'static str,
    /// Progress: `{file}`.
    pub reading: &'static str,
    /// Progress of the second pass when event ids repeat: `{file}`.
    pub reading_again: &'static str,
    /// Progress label.
    pub computing: &'static str,
    /// Done: `{events}`, `{members}`.
    pub import_done: &'static str,
    /// Skipped rows: `{n}`, `{file}`.
    pub skipped_rows: &'static str,
    /// A skipped row: `{line}`, `{reason}`.
    pub skipped_row: &'static str,
    /// More skipped rows: `{n}`.
    pub skipped_more: &'static str,
    /// Unknown members: `{n}`, `{examples}`.
    pub unknown_members: &'static str,
    /// Repeated event ids: `{n}`, `{examples}`.
    pub duplicate_events: &'static str,
    /// Failure: `{file}`, `{reason}`.
    pub import_failed: &'static str,
    /// Events without members.
    pub need_members: &'static str,
    /// Unknown file: `{file}`.
    pub unknown_file: &'static str,
    /// Series loaded: `{names}`.
    pub series_loaded: &'static str,
    /// Slack summary: `{posts}`, `{comments}`, `{reactions}`, `{bots}`, `{system}`.
    pub slack_done: &'static str,
    /// Discord summary: `{messages}`, `{bots}`, `{system}`.
    pub discord_done: &'static str,
    /// Staff mapping field.
    pub staff_names: &'static str,
    /// Staff mapping hint.
    pub staff_names_hint: &'static str,
    /// Export.
    pub export_csv: &'static str,
    /// Report link.
    pub report_link: &'static str,
    /// Print button.
    pub print: &'static str,
    /// Back from the report.
    pub back_to_dashboard: &'static str,
    /// Report heading: `{from}`, `{to}`.
    pub report_title: &'static str,
    /// Report footer: `{date}`, `{source}`.
    pub report_generated: &'static str,
    /// Empty period.
    pub no_activity: &'static str,
    /// Data span: `{from}`, `{to}`.
    pub data_span: &'static str,
    /// Anonymous activity left out: `{n}`.
    pub anonymous_note: &'static str,
}

/// English.
pub static DASH_EN: DashboardMessages = DashboardMessages {
    locale: Locale::En,
    title: "Engagement dashboard",
    intro: "How active your community is: from Gromada's own boards, votes, comments and surveys, or from activity you import.",
    source_label: "Data",
    source_community: "This community's activity",
    source_imported: "Imported: {name}",
    back_to_community: "Show this community's activity",
    range_label: "Period",
    from_label: "From",
    to_label: "To",
    preset_30: "Last 30 days",
    preset_90: "Last 90 days",
    preset_quarter: "Last full quarter",
    preset_year: "Last 365 days",
    preset_all: "All data",
    range_invalid: "The start date must not be after the end date.",
    channels_label: "Channels",
    channels_all: "All channels",
    channels_hint: "Only activity in the chosen channels counts (boards are channels too).",
    kpi_dau: "Daily active members (average)",
    kpi_wau: "Weekly active members",
    kpi_mau: "Monthly active members",
    kpi_engagement: "Engagement rate",
    kpi_engagement_formula: "MAU {mau} ÷ members {members}",
    kpi_stickiness: "Stickiness",
    kpi_stickiness_formula: "average of DAU ÷ MAU",
    kpi_first_response: "Median first staff response",
    kpi_first_response_detail: "90th percentile {p90}; {n} unanswered",
    kpi_ugc: "Posts, comments and ideas per day",
    kpi_roadmap: "Ideas taken into the roadmap",
    kpi_nps: "Latest survey NPS",
    kpi_nps_from: "{survey}, wave {n}",
    kpi_none: "—",
    kpi_not_imported: "not part of imported activity",
    change_up: "▲ {change} against {before} in the previous period",
    change_down: "▼ {change} against {before} in the previous period",
    change_same: "unchanged against the previous period ({before})",
    change_none: "no activity in the previous period to compare with",
    minutes: "{n} min",
    hours: "{n} h",
    days: "{n} days",
    chart_active: "Active members: daily, weekly, monthly",
    chart_ugc: "Posts, comments and ideas per day",
    chart_response: "First staff response, hours (by day of the post)",
    chart_calendar: "Daily active members, calendar",
    chart_retention: "Weekly retention by cohort",
    retention_hint: "Each row is the members first active in that week; each column the share of them active n weeks later.",
    chart_sentiment: "Sentiment of posts and comments, weekly share",
    sentiment_hint: "Scored by Gromada's English and Polish lexicon (see the README for its measured accuracy).",
    chart_churn: "Churn over 28 days",
    churn_hint: "Members active in the previous 28 days but not in the last 28, ÷ members active in the previous 28.",
    chart_tickets: "Monthly active members and support tickets",
    chart_conversion: "Conversion: members and non-members",
    series_dau: "DAU",
    series_wau: "WAU",
    series_mau: "MAU",
    series_median: "Median",
    series_p90: "90th percentile",
    series_unanswered: "Unanswered",
    kind_post: "Posts",
    kind_comment: "Comments",
    kind_idea: "Ideas",
    positive: "Positive",
    negative: "Negative",
    neutral: "Neutral",
    tickets: "Support tickets",
    churn_rate: "Churn rate",
    conversion_members: "Members",
    conversion_others: "Non-members",
    data_table: "Data table",
    col_date: "Date",
    col_week: "Week of",
    col_cohort: "First active in the week of",
    col_cohort_size: "Members",
    col_week_n: "Week {n}",
    import_title: "Import activity",
    import_hint: "members.csv with events.csv (or the same as JSON arrays), a Slack export .zip, DiscordChatExporter .json files, or a daily series CSV (date with tickets, conversions or visitors columns).",
    import_private: "Files are read in this browser tab only; nothing is uploaded or stored.",
    choose_files: "Choose files",
    drop_here: "or drop them here",
    reading: "Reading {file}…",
    reading_again: "Some events repeat an id: reading {file} again so that each counts once…",
    computing: "Computing the dashboard…",
    import_done: "Imported: {events} events from {members} people.",
    skipped_rows: "Rows of {file} skipped: {n}; the others were imported:",
    skipped_row: "line {line}: {reason}",
    skipped_more: "and {n} more",
    unknown_members: "Events by people missing from the members file, skipped: {n} (for example {examples}).",
    duplicate_events: "Events whose id repeats an earlier event (the same file imported twice, or overlapping exports), skipped so nothing counts twice: {n} (for example {examples}). The first one of each id counts.",
    import_failed: "{file} could not be imported: {reason}",
    need_members: "Add the members file (columns id, role, joined_at) together with the events file.",
    unknown_file: "{file} is not a file the dashboard reads: use members and events CSV or JSON, a Slack export .zip, DiscordChatExporter .json or a daily series CSV.",
    series_loaded: "Daily series added: {names}.",
    slack_done: "Slack: {posts} messages, {comments} thread replies and {reactions} reactions kept; {bots} bot messages and {system} system messages left out.",
    discord_done: "Discord: {messages} messages kept; {bots} bot messages and {system} system messages left out.",
    staff_names: "Staff in chat exports",
    staff_names_hint: "Names or user ids, separated by commas. Slack workspace admins and owners count as staff anyway.",
    export_csv: "Download the daily series (CSV)",
    report_link: "Printable report",
    print: "Print",
    back_to_dashboard: "Back to the dashboard",
    report_title: "Community engagement, {from} – {to}",
    report_generated: "Generated on {date} from {source}.",
    no_activity: "No member activity in this period.",
    data_span: "Activity from {from} to {to}.",
    anonymous_note: "{n} anonymous votes, ideas, comments and answers belong to no member, so no member figure counts them.",
};

/// Polish.
pub static DASH_PL: DashboardMessages = DashboardMessages {
    locale: Locale::Pl,
    title: "Panel zaangażowania",
    intro: "Jak aktywna jest społeczność: na podstawie tablic, głosów, komentarzy i ankiet w Gromadzie albo zaimportowanej aktywności.",
    source_label: "Dane",
    source_community: "Aktywność tej społeczności",
    source_imported: "Zaimportowane: {name}",
    back_to_community: "Pokaż aktywność tej społeczności",
    range_label: "Okres",
    from_label: "Od",
    to_label: "Do",
    preset_30: "Ostatnie 30 dni",
    preset_90: "Ostatnie 90 dni",
    preset_quarter: "Ostatni pełny kwartał",
    preset_year: "Ostatnie 365 dni",
    preset_all: "Wszystkie dane",
    range_invalid: "Data początkowa nie może być późniejsza niż końcowa.",
    channels_label: "Kanały",
    channels_all: "Wszystkie kanały",
    channels_hint: "Liczy się tylko aktywność w wybranych kanałach (tablice też są kanałami).",
    kpi_dau: "Aktywni dziennie (średnio)",
    kpi_wau: "Aktywni w tygodniu",
    kpi_mau: "Aktywni w miesiącu",
    kpi_engagement: "Wskaźnik zaangażowania",
    kpi_engagement_formula: "MAU {mau} ÷ członkowie {members}",
    kpi_stickiness: "Lojalność (stickiness)",
    kpi_stickiness_formula: "średnia z DAU ÷ MAU",
    kpi_first_response: "Mediana pierwszej odpowiedzi zespołu",
    kpi_first_response_detail: "90. percentyl {p90}; bez odpowiedzi: {n}",
    kpi_ugc: "Wpisy, komentarze i pomysły dziennie",
    kpi_roadmap: "Pomysły przyjęte na mapę drogową",
    kpi_nps: "NPS z ostatniej ankiety",
    kpi_nps_from: "{survey}, fala {n}",
    kpi_none: "—",
    kpi_not_imported: "nie wynika z importowanej aktywności",
    change_up: "▲ {change} wobec {before} w poprzednim okresie",
    change_down: "▼ {change} wobec {before} w poprzednim okresie",
    change_same: "bez zmian wobec poprzedniego okresu ({before})",
    change_none: "brak aktywności w poprzednim okresie do porównania",
    minutes: "{n} min",
    hours: "{n} godz.",
    days: "{n} dni",
    chart_active: "Aktywni członkowie: dziennie, tygodniowo, miesięcznie",
    chart_ugc: "Wpisy, komentarze i pomysły dziennie",
    chart_response: "Pierwsza odpowiedź zespołu, godziny (według dnia wpisu)",
    chart_calendar: "Aktywni dziennie, kalendarz",
    chart_retention: "Retencja tygodniowa według kohort",
    retention_hint: "Każdy wiersz to członkowie aktywni po raz pierwszy w danym tygodniu; każda kolumna to odsetek z nich aktywny n tygodni później.",
    chart_sentiment: "Wydźwięk wpisów i komentarzy, udział tygodniowy",
    sentiment_hint: "Ocena słownikowa Gromady dla angielskiego i polskiego (zmierzona trafność w README).",
    chart_churn: "Odpływ w ciągu 28 dni",
    churn_hint: "Członkowie aktywni w poprzednich 28 dniach, ale nie w ostatnich 28, ÷ aktywni w poprzednich 28 dniach.",
    chart_tickets: "Aktywni w miesiącu i zgłoszenia do wsparcia",
    chart_conversion: "Konwersja: członkowie i pozostali",
    series_dau: "DAU",
    series_wau: "WAU",
    series_mau: "MAU",
    series_median: "Mediana",
    series_p90: "90. percentyl",
    series_unanswered: "Bez odpowiedzi",
    kind_post: "Wpisy",
    kind_comment: "Komentarze",
    kind_idea: "Pomysły",
    positive: "Pozytywne",
    negative: "Negatywne",
    neutral: "Neutralne",
    tickets: "Zgłoszenia do wsparcia",
    churn_rate: "Wskaźnik odpływu",
    conversion_members: "Członkowie",
    conversion_others: "Pozostali",
    data_table: "Tabela danych",
    col_date: "Data",
    col_week: "Tydzień od",
    col_cohort: "Pierwsza aktywność w tygodniu od",
    col_cohort_size: "Członkowie",
    col_week_n: "Tydzień {n}",
    import_title: "Import aktywności",
    import_hint: "members.csv razem z events.csv (albo te same dane jako tablice JSON), eksport Slacka .zip, pliki .json z DiscordChatExporter lub dzienna seria CSV (date oraz kolumny tickets, conversions lub visitors).",
    import_private: "Pliki są czytane tylko w tej karcie przeglądarki; nic nie jest wysyłane ani zapisywane.",
    choose_files: "Wybierz pliki",
    drop_here: "albo upuść je tutaj",
    reading: "Wczytywanie {file}…",
    reading_again: "Niektóre zdarzenia powtarzają identyfikator: ponowne wczytywanie {file}, by każde liczyło się raz…",
    computing: "Obliczanie panelu…",
    import_done: "Zaimportowano zdarzenia: {events}, od osób: {members}.",
    skipped_rows: "Pominięte wiersze pliku {file}: {n}; pozostałe zaimportowano:",
    skipped_row: "wiersz {line}: {reason}",
    skipped_more: "i {n} więcej",
    unknown_members: "Pominięte zdarzenia osób spoza pliku członków: {n} (na przykład {examples}).",
    duplicate_events: "Pominięte zdarzenia o identyfikatorze, który już wystąpił (ten sam plik zaimportowany dwa razy albo nakładające się eksporty), by nic nie liczyło się podwójnie: {n} (na przykład {examples}). Liczy się pierwsze zdarzenie o danym identyfikatorze.",
    import_failed: "Nie udało się zaimportować {file}: {reason}",
    need_members: "Dodaj plik członków (kolumny id, role, joined_at) razem z plikiem zdarzeń.",
    unknown_file: "{file} nie jest plikiem, który panel odczytuje: użyj CSV lub JSON członków i zdarzeń, eksportu Slacka .zip, plików .json z DiscordChatExporter albo dziennej serii CSV.",
    series_loaded: "Dodano serie dzienne: {names}.",
    slack_done: "Slack: zachowano {posts} wiadomości, {comments} odpowiedzi w wątkach i {reactions} reakcji; pominięto {bots} wiadomości botów i {system} komunikatów systemowych.",
    discord_done: "Discord: zachowano {messages} wiadomości; pominięto {bots} wiadomości botów i {system} komunikatów systemowych.",
    staff_names: "Zespół w eksportach czatów",
    staff_names_hint: "Nazwy lub identyfikatory oddzielone przecinkami. Administratorzy i właściciele przestrzeni Slacka i tak należą do zespołu.",
    export_csv: "Pobierz serię dzienną (CSV)",
    report_link: "Raport do druku",
    print: "Drukuj",
    back_to_dashboard: "Wróć do panelu",
    report_title: "Zaangażowanie społeczności, {from} – {to}",
    report_generated: "Wygenerowano {date} z: {source}.",
    no_activity: "Brak aktywności członków w tym okresie.",
    data_span: "Aktywność od {from} do {to}.",
    anonymous_note: "Anonimowe głosy, pomysły, komentarze i odpowiedzi ({n}) nie należą do żadnego członka, więc nie wliczają się do wskaźników członków.",
};
