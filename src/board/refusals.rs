//! Why the board refused something, in the reader's language: core's
//! structured `BoardError` and board-file `ImportError` worded from the
//! catalogs (`board-err-*`, `board-import-*`, `board-file-*`). Reading the
//! language, so inside a view closure (or a [`Said`]) the words follow a switch.

use constellation_core::board::{
    BoardError, FileElement, FileProblem, ImportError, ImportProblem, ItemKind, TextField, BOARD_FORMAT_VERSION,
};

use crate::i18n::{format_count, format_number, join_and, t, t_args, Arg, Said};

fn count(n: usize) -> Arg {
    n.into()
}

fn text(s: &str) -> Arg {
    s.to_owned().into()
}

/// A coordinate or size as written in the file (a number the locale's way;
/// `NaN` and infinities as they are).
fn coordinate(x: f64) -> Arg {
    if x.is_finite() { format_number(x, 2).into() } else { x.to_string().into() }
}

/// Why a board edit was refused.
pub(crate) fn board_error(error: &BoardError) -> String {
    use BoardError as E;
    let limit = |id: &str, length: &usize, max: &usize| t_args(id, &[("length", count(*length)), ("max", count(*max))]);
    match error {
        E::EmptyBoardName => t("board-err-empty-name"),
        E::BoardNameTooLong { length, max } => limit("board-err-name-too-long", length, max),
        E::UnknownBoard(_) => t("board-err-unknown-board"),
        E::UnknownNote(_) => t("board-err-unknown-note"),
        E::NoteTooLong { length, max } => limit("board-err-note-too-long", length, max),
        E::InvalidPosition { x, y } => t_args("board-err-invalid-position", &[("x", coordinate(*x)), ("y", coordinate(*y))]),
        E::AuthorTooLong { length, max } => limit("board-err-author-too-long", length, max),
        E::UnknownCluster(_) => t("board-err-unknown-cluster"),
        E::ClusterLabelTooLong { length, max } => limit("board-err-cluster-label-too-long", length, max),
        E::InvalidClusterSize { width, height, min, max } => cluster_size(*width, *height, *min, *max),
        E::UnknownLink(_) => t("board-err-unknown-link"),
        E::LinkToItself(_) => t("board-err-link-to-itself"),
        E::LinkAcrossBoards { .. } => t("board-err-link-across-boards"),
        E::DuplicateLink { .. } => t("board-err-duplicate-link"),
        E::LinkLabelTooLong { length, max } => limit("board-err-link-label-too-long", length, max),
        E::InvalidParticipant { max } => t_args("board-err-invalid-participant", &[("max", count(*max))]),
        E::AllowanceTooLarge { allowance, max } => {
            t_args("board-err-allowance-too-large", &[("allowance", (*allowance).into()), ("max", (*max).into())])
        }
        E::VotingClosed(_) => t("board-err-voting-closed"),
        E::NoVotesLeft { allowance } => t_args("board-err-no-votes-left", &[("allowance", (*allowance).into())]),
        E::NoVoteToRemove(_) => t("board-err-no-vote-to-remove"),
        E::Locked => t("board-err-locked"),
    }
}

fn cluster_size(width: f64, height: f64, min: f64, max: f64) -> String {
    t_args(
        "board-err-cluster-size",
        &[("width", coordinate(width)), ("height", coordinate(height)), ("min", coordinate(min)), ("max", coordinate(max))],
    )
}

fn kind(kind: ItemKind) -> Arg {
    text(match kind {
        ItemKind::Note => "note",
        ItemKind::Cluster => "cluster",
        ItemKind::Link => "link",
    })
}

/// Why the board file `name` was not imported.
pub(crate) fn import_error(name: &str, error: &ImportError) -> String {
    let name = text(name);
    match error {
        // serde_json's own (English) detail is left out: the line and column
        // say where to look.
        ImportError::Unreadable { line, column, .. } => {
            t_args("board-import-unreadable", &[("name", name), ("line", count(*line)), ("column", count(*column))])
        }
        ImportError::NotABoard => t_args("board-import-not-a-board", &[("name", name)]),
        ImportError::MissingVersion => {
            t_args("board-import-missing-version", &[("name", name), ("version", BOARD_FORMAT_VERSION.into())])
        }
        ImportError::UnsupportedVersion { found } => t_args(
            "board-import-unsupported-version",
            &[("name", name), ("found", format_count(*found as usize).into()), ("version", BOARD_FORMAT_VERSION.into())],
        ),
        ImportError::Invalid(problems) => {
            let listed: Vec<String> = problems.iter().map(import_problem).collect();
            let total = problems.iter().map(|p| if let FileProblem::More { count } = p.problem { count } else { 1 }).sum::<usize>();
            t_args("board-import-invalid", &[("name", name), ("count", count(total)), ("problems", listed.join(" ").into())])
        }
        ImportError::Locked => t_args("board-import-locked", &[("name", name)]),
    }
}

/// One problem of a board file: the element (board, note 3…) and what is wrong.
fn import_problem(problem: &ImportProblem) -> String {
    use FileProblem as P;
    let problem_text = match &problem.problem {
        P::Refused(error) => board_error(error),
        P::AllowanceTooLarge { found, max } => t_args("board-file-allowance", &[("found", format_count(*found as usize).into()), ("max", (*max).into())]),
        P::TooMany { kind: k, count: n, max } => t_args("board-file-too-many", &[("kind", kind(*k)), ("count", count(*n)), ("max", count(*max))]),
        P::TooLong { field, length, max } => t_args(
            "board-file-too-long",
            &[
                ("field", text(match field {
                    TextField::Text => "text",
                    TextField::Author => "author",
                    TextField::Label => "label",
                })),
                ("length", count(*length)),
                ("max", count(*max)),
            ],
        ),
        P::ClusterSize { width, height, min, max } => cluster_size(*width, *height, *min, *max),
        P::NotFinite { x, y } => t_args("board-file-not-finite", &[("x", coordinate(*x)), ("y", coordinate(*y))]),
        P::UnknownColor { found } => {
            let names: Vec<String> = constellation_core::board::NoteColor::ALL.iter().map(|c| c.name().to_owned()).collect();
            t_args("board-file-unknown-color", &[("found", text(found)), ("colors", join_and(&names).into())])
        }
        P::MissingCluster { id } => t_args("board-file-missing-cluster", &[("id", text(id))]),
        P::MissingNote { id } => t_args("board-file-missing-note", &[("id", text(id))]),
        P::LinkToItself { note } => t_args("board-file-link-to-itself", &[("id", text(note))]),
        P::RepeatedLink { first } => t_args("board-file-repeated-link", &[("first", count(*first))]),
        P::EmptyId => t("board-file-empty-id"),
        P::DuplicateId { id, kind: k, first } => t_args("board-file-duplicate-id", &[("id", text(id)), ("kind", kind(*k)), ("first", count(*first))]),
        P::More { count: n } => t_args("board-file-more", &[("count", count(*n))]),
    };
    let element = match problem.element {
        FileElement::Board => t("board-file-the-board"),
        FileElement::Item { kind: k, number } => t_args("board-file-item", &[("kind", kind(k)), ("number", count(number))]),
        FileElement::File => return problem_text,
    };
    t_args("board-file-problem", &[("element", element.into()), ("problem", problem_text.into())])
}

/// A refusal kept as a value, worded when shown (see [`Said`]).
pub trait Refusal {
    fn said(self) -> Said;
}

impl Refusal for BoardError {
    fn said(self) -> Said {
        Said::new(move || board_error(&self))
    }
}

impl Refusal for std::convert::Infallible {
    fn said(self) -> Said {
        match self {}
    }
}
