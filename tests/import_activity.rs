//! The CSV and JSON readers of the activity contract: RFC 4180 quoting, column order,
//! extra columns, bad rows with their line and reason, JSON input, chunked reading.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(not(target_arch = "wasm32"))]

use gromada::domain::activity::{ActivityRole, EventKind};
use gromada::domain::import::{read_events, read_members, EventReader, ImportError};
use gromada::domain::time::Timestamp;

const MEMBERS: &str = "\
left_at,role,joined_at,name,id,favourite colour
,member,2025-01-01T00:00:00Z,\"Smith, Jo\",m1,blue
2025-03-01T00:00:00+01:00,member,2025-01-02T10:00:00+02:00,\"Ann \"\"Nan\"\" Lee\",m2,
,staff,2024-06-01T00:00:00Z,Sam,s1,
,bot,2024-06-01T00:00:00Z,Bot,b1,
";

#[test]
fn members_in_any_column_order_with_quotes_and_extra_columns() {
    let import = read_members("members.csv", MEMBERS.as_bytes()).unwrap();
    assert_eq!(import.report.bad_row_count, 0);
    assert_eq!((import.report.rows, import.report.kept), (4, 4));
    let m = &import.members;
    assert_eq!(m[0].name, "Smith, Jo");
    assert_eq!(m[1].name, "Ann \"Nan\" Lee");
    assert_eq!(
        m[1].joined_at,
        Timestamp::parse("2025-01-02T08:00:00Z").unwrap()
    );
    assert_eq!(
        m[1].left_at,
        Some(Timestamp::parse("2025-02-28T23:00:00Z").unwrap())
    );
    assert_eq!(m[0].left_at, None);
    let roles: Vec<ActivityRole> = m.iter().map(|m| m.role).collect();
    assert_eq!(
        roles,
        [
            ActivityRole::Member,
            ActivityRole::Member,
            ActivityRole::Staff,
            ActivityRole::Bot
        ]
    );
}

#[test]
fn bad_member_rows_are_reported_with_line_and_reason_and_the_rest_kept() {
    let csv = "id,name,role,joined_at,left_at\n\
        m1,\"Multi\nline name\",member,2025-01-01T00:00:00Z,\n\
        m2,Bo,admin,2025-01-01T00:00:00Z,\n\
        m3,Cy,member,yesterday,\n\
        ,Di,member,2025-01-01T00:00:00Z,\n\
        m1,Again,member,2025-01-01T00:00:00Z,\n\
        m4,Ed,member,2025-01-01T00:00:00Z,soon\n\
        m5,Fy,member\n\
        m6,Gu,staff,2025-01-01T00:00:00Z,\n";
    let import = read_members("members.csv", csv.as_bytes()).unwrap();
    let reasons: Vec<String> = import
        .report
        .bad_rows
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        reasons,
        [
            "line 4: role 'admin' is not one of member, staff, bot",
            "line 5: joined_at 'yesterday' is not an RFC 3339 time (e.g. 2025-01-31T09:30:00Z)",
            "line 6: id is empty",
            "line 7: member id 'm1' appears again (first on line 2); the first row is kept",
            "line 8: left_at 'soon' is not an RFC 3339 time (e.g. 2025-01-31T09:30:00Z) nor empty",
            "line 9: has 3 fields but the header has 5 (a quote not closed, or a comma in an unquoted name?)",
        ]
    );
    let kept: Vec<&str> = import.members.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(kept, ["m1", "m6"]);
    assert_eq!(
        (
            import.report.rows,
            import.report.kept,
            import.report.bad_row_count
        ),
        (8, 2, 6)
    );
}

#[test]
fn a_missing_column_is_named_with_what_was_found() {
    let err = read_members(
        "members.csv",
        b"id,name,joined_at\nm1,A,2025-01-01T00:00:00Z\n",
    )
    .unwrap_err();
    assert_eq!(
        err,
        ImportError::MissingColumn {
            file: "members.csv".into(),
            column: "role".into(),
            found: "id, name, joined_at".into(),
            needed: "id, role, joined_at".into(),
        }
    );
    let err = read_members("members.csv", b"").unwrap_err();
    assert!(err.to_string().contains("the file is empty"), "{err}");
    let err = read_events("events.csv", b"id,kind,created_at\n").unwrap_err();
    assert!(err.to_string().contains("no 'member_id' column"), "{err}");
}

#[test]
fn events_keep_quoted_text_and_report_bad_rows_by_physical_line() {
    let csv = "\u{feff}text,created_at,kind,member_id,id,parent_id,channel,source\r\n\
        \"Hello, \"\"world\"\"\r\nsecond line\",2025-01-02T10:00:00+01:00,post,m1,e1,,general,x\r\n\
        ok,2025-01-02T10:05:00Z,comment,s1,e2,e1,general,x\r\n\
        bad,2025-01-02T10:05:00Z,like,m1,e3,,general,x\r\n\
        \"two\nlines\",yesterday,post,m1,e4,,general,x\r\n\
        x,2025-01-02T10:05:00Z,post,,e5,,general,x\r\n\
        x,2025-01-02T10:05:00Z,vote,m2,e6,e1,,x\r\n";
    let (events, report) = read_events("events.csv", csv.as_bytes()).unwrap();
    let reasons: Vec<String> = report.bad_rows.iter().map(|e| e.to_string()).collect();
    assert_eq!(
        reasons,
        [
            "line 5: kind 'like' is not one of post, comment, reaction, vote, survey_response, idea",
            "line 6: created_at 'yesterday' is not an RFC 3339 time (e.g. 2025-01-31T09:30:00Z)",
            "line 8: member_id is empty",
        ]
    );
    assert_eq!(events.len(), 3);
    assert_eq!(events[0].text, "Hello, \"world\"\r\nsecond line");
    assert_eq!(
        events[0].created_at,
        Timestamp::parse("2025-01-02T09:00:00Z").unwrap()
    );
    assert_eq!(
        (events[0].kind, events[0].channel.as_str()),
        (EventKind::Post, "general")
    );
    assert_eq!(events[0].parent_id, None);
    assert_eq!(events[1].parent_id.as_ref().unwrap().as_str(), "e1");
    assert_eq!(
        (events[2].kind, events[2].channel.as_str()),
        (EventKind::Vote, "")
    );
}

#[test]
fn optional_event_columns_may_be_absent_and_bytes_must_be_utf8() {
    let mut csv = b"id,member_id,kind,created_at\ne1,m1,post,2025-01-01T00:00:00Z\ne2,m\xff,post,2025-01-01T00:00:00Z\n".to_vec();
    csv.extend_from_slice(b"e3,m1,post,2025-01-01T00:00:00Z,extra\n");
    let (events, report) = read_events("events.csv", &csv).unwrap();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].channel.as_str(), events[0].text.as_str()),
        ("", "")
    );
    let reasons: Vec<String> = report.bad_rows.iter().map(|e| e.to_string()).collect();
    assert_eq!(reasons[0], "line 3: member_id is not valid UTF-8 text");
    assert!(
        reasons[1].starts_with("line 4: has 5 fields but the header has 4"),
        "{}",
        reasons[1]
    );
}

#[test]
fn json_arrays_of_objects_are_read_the_same_way() {
    let members = r#"[
      {"id": "m1", "name": "Ann", "role": "member", "joined_at": "2025-01-01T00:00:00Z", "left_at": null},
      {"id": 2, "role": "staff", "joined_at": "2025-01-01T00:00:00+01:00"},
      {"id": "m3", "role": "guest", "joined_at": "2025-01-01T00:00:00Z"},
      [1, 2]
    ]"#;
    let import = read_members("members.json", members.as_bytes()).unwrap();
    assert_eq!(import.members.len(), 2);
    assert_eq!(import.members[1].id.as_str(), "2");
    assert_eq!(import.members[1].role, ActivityRole::Staff);
    let reasons: Vec<String> = import
        .report
        .bad_rows
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert_eq!(
        reasons[0],
        "line 4: role 'guest' is not one of member, staff, bot"
    );
    assert!(
        reasons[1].starts_with("line 5: not a JSON object"),
        "{}",
        reasons[1]
    );

    let events = r#"[
      {"id": "e1", "member_id": "m1", "kind": "post", "channel": "help",
       "created_at": "2025-01-02T10:00:00Z", "text": "Hi, \"all\"\nthere", "extra": {"x": 1}},
      {"id": "e2", "member_id": "2", "kind": "comment", "created_at": "2025-01-02T11:00:00Z", "parent_id": "e1"},
      {"id": "e3", "member_id": "m1", "kind": "post", "created_at": 5}
    ]"#;
    let (events, report) = read_events("events.json", events.as_bytes()).unwrap();
    assert_eq!(events.len(), 2);
    assert_eq!(events[0].text, "Hi, \"all\"\nthere");
    assert_eq!(events[1].parent_id.as_ref().unwrap().as_str(), "e1");
    assert_eq!(
        report.bad_rows[0].to_string(),
        "line 5: created_at '5' is not an RFC 3339 time (e.g. 2025-01-31T09:30:00Z)"
    );
    let err = read_events("events.json", b"[{\"id\": \"e1\"}").unwrap_err();
    assert!(err.to_string().contains("the array is not closed"), "{err}");
}

#[test]
fn reading_in_chunks_reports_progress_and_gives_the_same_rows() {
    let mut csv = String::from("id,member_id,kind,created_at,text\n");
    for i in 0..1000 {
        csv.push_str(&format!(
            "e{i},m{},post,2025-01-01T00:00:{:02}Z,\"t, {i}\"\n",
            i % 7,
            i % 60
        ));
    }
    let (all, _) = read_events("events.csv", csv.as_bytes()).unwrap();
    let mut reader = EventReader::new("events.csv", csv.as_bytes()).unwrap();
    let (mut chunked, mut positions) = (Vec::new(), Vec::new());
    while reader
        .read_chunk(128, |e| chunked.push(e.to_event()))
        .unwrap()
    {
        positions.push(reader.position());
    }
    assert_eq!(chunked, all);
    assert_eq!(positions.len(), 7); // 7 full chunks of 128, then the rest
    assert!(positions.windows(2).all(|w| w[0] < w[1]));
    assert_eq!(reader.report().kept, 1000);
    assert_eq!(reader.position(), csv.len() as u64);
    // Without text, rows are the same apart from the text.
    let mut reader = EventReader::new("events.csv", csv.as_bytes())
        .unwrap()
        .without_text();
    let mut texts = Vec::new();
    while reader
        .read_chunk(usize::MAX, |e| texts.push(e.text.to_owned()))
        .unwrap()
    {}
    assert!(texts.iter().all(String::is_empty) && texts.len() == 1000);
}

#[test]
fn crlf_files_keep_physical_lines_and_drop_the_cr_of_the_last_column() {
    let csv = "id,member_id,kind,created_at,text\r\n\
        e1,m1,post,2025-01-01T00:00:00Z,\"last \r\ncolumn\"\r\n\
        \r\n\
        e2,m1,post,2025-01-01T00:00:00Z,plain\r\n\
        e3,m1,post,never,x\r\n";
    let (events, report) = read_events("events.csv", csv.as_bytes()).unwrap();
    let texts: Vec<&str> = events.iter().map(|e| e.text.as_str()).collect();
    assert_eq!(texts, ["last \r\ncolumn", "plain"]);
    assert_eq!(report.rows, 3); // the blank line is not a row
    assert_eq!(
        report.bad_rows[0].to_string(),
        "line 6: created_at 'never' is not an RFC 3339 time (e.g. 2025-01-31T09:30:00Z)"
    );
}
