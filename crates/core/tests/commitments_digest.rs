//! The progress digest for a period: its content, as Markdown and as printable
//! HTML, with every piece of user text escaped.

mod goals_support;

use constellation_core::commitments::{
    CommitmentKind, DigestError, NewCheckIn, NewCommitment, Period, Toward,
};
use constellation_core::goals::{Status, StatusRule};
use goals_support::date;

fn june() -> Period {
    Period {
        from: date("2025-06-01"),
        to: date("2025-06-30"),
    }
}

#[test]
fn the_digest_lists_what_happened_in_the_period() {
    let sample = goals_support::sample();
    let digest = sample.room.digest(june(), &StatusRule::default()).unwrap();
    // Before June the mission was at risk (12 swimming days on 31 March, behind
    // the line toward 30) and the objective had no data; by 30 June overflows
    // (39, the line expects ≈ 35) put both off track.
    let changes: Vec<(&str, Status, Status)> = digest
        .status_changes
        .iter()
        .map(|c| (c.title.as_str(), c.before, c.after))
        .collect();
    assert_eq!(
        changes,
        vec![
            ("Clean river by 2030", Status::AtRisk, Status::OffTrack),
            ("Stop storm overflows", Status::NoData, Status::OffTrack)
        ]
    );
    assert_eq!(digest.new_measurements.len(), 4);
    assert_eq!(
        digest
            .new_commitments
            .iter()
            .map(|c| &c.id)
            .collect::<Vec<_>>(),
        vec![&sample.data]
    );
    assert_eq!(
        digest.met.iter().map(|c| &c.id).collect::<Vec<_>>(),
        vec![&sample.hours]
    );
    assert_eq!(
        digest.overdue.iter().map(|c| &c.id).collect::<Vec<_>>(),
        vec![&sample.venue]
    );
    assert_eq!(digest.check_ins.len(), 1);

    assert_eq!(
        digest.to_markdown(),
        r"# Progress digest: River \<Coalition\> & friends

2025-06-01 to 2025-06-30

## Goals whose status changed (2)

- **Clean river by 2030**: at risk → off track
- **Stop storm overflows**: no data → off track

## New measurements (4)

- 2025-06-30 · **Swimming days** (Clean river by 2030): 21 days, reported by River Trust
- 2025-06-30 · **Overflow events** (Stop storm overflows): 39 events per year, reported by Water Utility
- 2025-06-30 · **Overflow plan adopted** (Stop storm overflows): no, reported by City
- 2025-06-30 · **How residents talk about the river** (Clean river by 2030): with \<some\> hope, reported by University Lab

## New commitments (1)

- **River Trust** (data): River Trust promises \<help\> & support, due 2025-12-31

## Commitments met (1)

- **Water Utility** (staff time): Water Utility promises \<help\> & support — 400 hours, due 2025-06-30; met on 2025-06-20

## Overdue at the end of the period (1)

- **City** (venue): City promises \<help\> & support, due 2025-05-31 (30 days late at the end of the period)

## Check-ins (1)

- 2025-06-20 · **Water Utility** on Water Utility promises \<help\> & support: All 410 hours logged \<see sheet\> [evidence](https://example.org/hours?a=1&b=2) (2 responses)
"
    );
}

#[test]
fn the_html_is_a_printable_page_with_every_user_text_escaped() {
    let sample = goals_support::sample();
    let html = sample
        .room
        .digest(june(), &StatusRule::default())
        .unwrap()
        .to_html();
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(html.contains("@media print"));
    assert!(html.contains("<title>Progress digest: River &lt;Coalition&gt; &amp; friends</title>"));
    assert!(html.contains("<h2>Overdue at the end of the period (1)</h2>"));
    assert!(html.contains("<li><strong>City</strong> (venue): City promises &lt;help&gt; &amp; support, due 2025-05-31 (30 days late at the end of the period)</li>"));
    assert!(html.contains("<a href=\"https://example.org/hours?a=1&amp;b=2\">evidence</a>"));
    assert!(
        !html.contains("<help>") && !html.contains("<see sheet>") && !html.contains("<Coalition>")
    );
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn hostile_text_stays_text() {
    let mut sample = goals_support::sample();
    let (_, id) = sample
        .room
        .add_commitment(NewCommitment {
            organization: "<img src=x onerror=alert(1)>".into(),
            kind: CommitmentKind::Other,
            description: "**bold** [click](javascript:alert(1)) `code` # heading\nsecond line"
                .into(),
            amount: None,
            unit: String::new(),
            toward: Toward::Goal(sample.mission.clone()),
            due: date("2025-06-10"),
            made_on: date("2025-06-05"),
        })
        .unwrap();
    sample
        .room
        .add_check_in(
            &id,
            NewCheckIn {
                date: date("2025-06-06"),
                by: "x".into(),
                text: "</li></ul><script>alert(1)</script>".into(),
                evidence: String::new(),
            },
        )
        .unwrap();
    let digest = sample.room.digest(june(), &StatusRule::default()).unwrap();
    let html = digest.to_html();
    assert!(!html.contains("<script>") && !html.contains("<img"));
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    let markdown = digest.to_markdown();
    assert!(markdown
        .contains(r"\*\*bold\*\* \[click\](javascript:alert(1)) \`code\` \# heading second line"));
    assert!(markdown.contains(r"\<img src=x onerror=alert(1)\>"));
    assert!(!markdown.contains("<script>"));
}

#[test]
fn an_empty_period_says_so_and_a_backwards_one_is_refused() {
    let sample = goals_support::sample();
    let quiet = Period {
        from: date("2024-01-01"),
        to: date("2024-01-31"),
    };
    let markdown = sample
        .room
        .digest(quiet, &StatusRule::default())
        .unwrap()
        .to_markdown();
    assert!(
        markdown.contains("## New measurements (0)\n\nNo measurement is dated in this period.\n")
    );
    assert!(markdown.contains("## Overdue at the end of the period (0)\n\nNothing is overdue.\n"));
    let err = sample
        .room
        .digest(
            Period {
                from: date("2025-06-30"),
                to: date("2025-06-01"),
            },
            &StatusRule::default(),
        )
        .unwrap_err();
    assert_eq!(
        err,
        DigestError::EndsBeforeStart {
            from: date("2025-06-30"),
            to: date("2025-06-01")
        }
    );
    assert_eq!(
        err.to_string(),
        "the period ends (2025-06-01) before it starts (2025-06-30): swap the two dates"
    );
}

#[test]
fn a_commitment_met_after_the_period_was_still_overdue_in_it() {
    let mut sample = goals_support::sample();
    // The venue (due 31 May) is delivered in July: June's digest, made later,
    // still shows it overdue at the end of June; July's shows it met.
    sample
        .room
        .set_commitment_status(
            &sample.venue,
            constellation_core::commitments::StatusChange {
                status: constellation_core::commitments::CommitmentStatus::Met,
                date: date("2025-07-10"),
                delivered: None,
            },
        )
        .unwrap();
    let digest = sample.room.digest(june(), &StatusRule::default()).unwrap();
    assert_eq!(
        digest.overdue.iter().map(|c| &c.id).collect::<Vec<_>>(),
        vec![&sample.venue]
    );
    let july = sample
        .room
        .digest(
            Period {
                from: date("2025-07-01"),
                to: date("2025-07-31"),
            },
            &StatusRule::default(),
        )
        .unwrap();
    assert_eq!(
        july.met.iter().map(|c| &c.id).collect::<Vec<_>>(),
        vec![&sample.venue]
    );
    assert!(july.overdue.iter().all(|c| c.id != sample.venue));
    let _ = &sample.grant;
}

/// Every word of the digest comes from the function the caller gives (the
/// web app's catalogs), so no English is left in another language's digest;
/// user text is still escaped.
#[test]
fn the_digest_in_another_language_takes_every_word_from_the_caller() {
    use constellation_core::commitments::{digest_english, DigestWord};
    let sample = goals_support::sample();
    let digest = sample.room.digest(june(), &StatusRule::default()).unwrap();
    let say = |w: DigestWord| match w {
        DigestWord::Lang => "xx".to_string(),
        // The parts it is given (title, dates) pass through.
        DigestWord::Title(Some(title)) => format!("⟦title {title}⟧"),
        DigestWord::Period(from, to) => format!("⟦{from} … {to}⟧"),
        other => format!("⟦{}⟧", digest_english(other).trim().len()),
    };
    let english_words = ["Progress digest", "Goals whose", "due ", "reported by", "evidence", "late", "response", " on ", "→", "(data)"];
    for text in [digest.to_markdown_in(&say), digest.to_html_in(&say)] {
        for word in english_words {
            assert!(!text.contains(word), "English {word:?} left in:\n{text}");
        }
        assert!(text.contains("⟦title River \\<Coalition\\> & friends⟧") || text.contains("⟦title River &lt;Coalition&gt; &amp; friends⟧"), "{text}");
        assert!(text.contains("Water Utility promises"), "user text stays: {text}");
    }
    assert!(digest.to_html_in(&say).starts_with("<!DOCTYPE html>\n<html lang=\"xx\">"));
}
