//! Where a person is looking on a board: the pan and zoom of their screen, and
//! the notes that fall inside it.
//!
//! A camera is view state, kept by each screen and never synced, but its rules
//! (zooming around the pointer, zoom limits, fitting a board to the screen,
//! which notes are on screen) are the same on every device, so they live here
//! and are tested natively. Screen coordinates are CSS pixels from the top-left
//! corner of the board's area; board ("world") coordinates are those notes are
//! stored in: `screen = (world − origin) × zoom`.

use super::{BoardContent, Note, NOTE_HEIGHT, NOTE_WIDTH};

/// The smallest zoom: a 160 px note is 8 px wide, enough to see a board of
/// 10,000 notes at once.
pub const MIN_ZOOM: f64 = 0.05;
/// The largest zoom, for reading a note on a projector from the back of a hall.
pub const MAX_ZOOM: f64 = 4.0;
/// How much one press of + or − zooms.
pub const ZOOM_STEP: f64 = 1.25;

/// A rectangle in board coordinates.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.width
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.height
    }

    /// Whether the two rectangles overlap (touching edges do not).
    pub fn intersects(&self, other: &Rect) -> bool {
        self.x < other.right() && other.x < self.right() && self.y < other.bottom() && other.y < self.bottom()
    }

    /// The smallest rectangle holding both.
    pub fn union(&self, other: &Rect) -> Rect {
        let x = self.x.min(other.x);
        let y = self.y.min(other.y);
        Rect {
            x,
            y,
            width: self.right().max(other.right()) - x,
            height: self.bottom().max(other.bottom()) - y,
        }
    }

    /// The rectangle grown by `fraction` of its size on every side.
    pub fn grown(&self, fraction: f64) -> Rect {
        let dx = self.width * fraction;
        let dy = self.height * fraction;
        Rect { x: self.x - dx, y: self.y - dy, width: self.width + 2.0 * dx, height: self.height + 2.0 * dy }
    }
}

/// The area a note covers.
pub fn note_rect(note: &Note) -> Rect {
    Rect { x: note.x, y: note.y, width: NOTE_WIDTH, height: NOTE_HEIGHT }
}

/// A screen's view of a board.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// The board point at the screen's top-left corner.
    pub x: f64,
    pub y: f64,
    /// Screen pixels per board unit, within [`MIN_ZOOM`, `MAX_ZOOM`].
    pub zoom: f64,
}

impl Default for Camera {
    fn default() -> Self {
        Camera { x: 0.0, y: 0.0, zoom: 1.0 }
    }
}

impl Camera {
    /// The board point under a screen point.
    pub fn to_board(&self, sx: f64, sy: f64) -> (f64, f64) {
        (self.x + sx / self.zoom, self.y + sy / self.zoom)
    }

    /// The screen point of a board point.
    pub fn to_screen(&self, bx: f64, by: f64) -> (f64, f64) {
        ((bx - self.x) * self.zoom, (by - self.y) * self.zoom)
    }

    /// Zooms by `factor` keeping the board point under (sx, sy) where it is, as
    /// a wheel, a pinch or a keyboard zoom (around the screen's centre) does.
    /// The zoom stays within its limits; a factor that is not a positive
    /// finite number changes nothing.
    pub fn zoom_at(&self, sx: f64, sy: f64, factor: f64) -> Camera {
        if !(factor.is_finite() && factor > 0.0) {
            return *self;
        }
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let (bx, by) = self.to_board(sx, sy);
        Camera { x: bx - sx / zoom, y: by - sy / zoom, zoom }
    }

    /// Moves the view by a screen distance: dragging the board right by 10 px
    /// shows what was 10 px to its left.
    pub fn pan(&self, dx: f64, dy: f64) -> Camera {
        if !(dx.is_finite() && dy.is_finite()) {
            return *self;
        }
        Camera { x: self.x - dx / self.zoom, y: self.y - dy / self.zoom, zoom: self.zoom }
    }

    /// The part of the board a screen of this size shows.
    pub fn visible(&self, width: f64, height: f64) -> Rect {
        Rect { x: self.x, y: self.y, width: width / self.zoom, height: height / self.zoom }
    }

    /// The camera that shows all of `bounds` centred on a screen of this size,
    /// with `margin` screen pixels around it, never zoomed in beyond 1 (a board
    /// of three notes is shown at their real size, not blown up).
    pub fn fit(bounds: Rect, width: f64, height: f64, margin: f64) -> Camera {
        let room_w = (width - 2.0 * margin).max(1.0);
        let room_h = (height - 2.0 * margin).max(1.0);
        let zoom = (room_w / bounds.width.max(1.0))
            .min(room_h / bounds.height.max(1.0))
            .clamp(MIN_ZOOM, 1.0);
        let cx = bounds.x + bounds.width / 2.0;
        let cy = bounds.y + bounds.height / 2.0;
        Camera { x: cx - width / 2.0 / zoom, y: cy - height / 2.0 / zoom, zoom }
    }
}

impl BoardContent {
    /// The area the board's notes and clusters cover; `None` for an empty board.
    pub fn bounds(&self) -> Option<Rect> {
        let notes = self.notes.iter().map(note_rect);
        let clusters = self.clusters.iter().map(|c| Rect { x: c.x, y: c.y, width: c.width, height: c.height });
        notes.chain(clusters).reduce(|a, b| a.union(&b))
    }

    /// Where a new note asked for at (x, y) (its top-left corner) goes: there
    /// if it overlaps no note, else the nearest free place on a grid of note
    /// steps around it, so notes added in a row never hide one another. Gives
    /// (x, y) back if nothing near is free.
    pub fn free_spot(&self, x: f64, y: f64) -> (f64, f64) {
        const GAP: f64 = 16.0;
        const RINGS: i32 = 24;
        let (step_x, step_y) = (NOTE_WIDTH + GAP, NOTE_HEIGHT + GAP);
        let free = |cx: f64, cy: f64| {
            let spot = Rect { x: cx, y: cy, width: NOTE_WIDTH, height: NOTE_HEIGHT }.grown(0.05);
            !self.notes.iter().any(|n| note_rect(n).intersects(&spot))
        };
        for ring in 0..=RINGS {
            // The cells of this ring, nearest to the asked place first.
            let mut cells: Vec<(i32, i32)> = (-ring..=ring)
                .flat_map(|i| (-ring..=ring).map(move |j| (i, j)))
                .filter(|&(i, j)| i.abs().max(j.abs()) == ring)
                .collect();
            cells.sort_by_key(|&(i, j)| (i * i + j * j, j, i));
            for (i, j) in cells {
                let (cx, cy) = (x + f64::from(i) * step_x, y + f64::from(j) * step_y);
                if free(cx, cy) {
                    return (cx, cy);
                }
            }
        }
        (x, y)
    }

    /// The positions in `notes` of the notes that overlap `area`.
    pub fn notes_in(&self, area: &Rect) -> Vec<usize> {
        self.notes
            .iter()
            .enumerate()
            .filter(|(_, note)| note_rect(note).intersects(area))
            .map(|(index, _)| index)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let camera = Camera { x: 100.0, y: -50.0, zoom: 0.8 };
        let before = camera.to_board(300.0, 200.0);
        let zoomed = camera.zoom_at(300.0, 200.0, 1.7);
        let after = zoomed.to_board(300.0, 200.0);
        assert!(close(before.0, after.0) && close(before.1, after.1), "{before:?} vs {after:?}");
        assert!(close(zoomed.zoom, 0.8 * 1.7));
    }

    #[test]
    fn zoom_stays_within_limits_and_ignores_nonsense() {
        let camera = Camera::default();
        assert_eq!(camera.zoom_at(0.0, 0.0, 1000.0).zoom, MAX_ZOOM);
        assert_eq!(camera.zoom_at(0.0, 0.0, 0.0001).zoom, MIN_ZOOM);
        assert_eq!(camera.zoom_at(0.0, 0.0, f64::NAN), camera);
        assert_eq!(camera.zoom_at(0.0, 0.0, -2.0), camera);
        assert_eq!(camera.pan(f64::INFINITY, 0.0), camera);
    }

    #[test]
    fn screen_and_board_coordinates_round_trip() {
        let camera = Camera { x: 12.5, y: 40.0, zoom: 2.0 };
        let (sx, sy) = camera.to_screen(100.0, 90.0);
        assert_eq!((sx, sy), (175.0, 100.0));
        assert_eq!(camera.to_board(sx, sy), (100.0, 90.0));
    }

    #[test]
    fn panning_moves_the_view_against_the_drag() {
        let camera = Camera { x: 0.0, y: 0.0, zoom: 2.0 }.pan(10.0, -20.0);
        assert_eq!((camera.x, camera.y), (-5.0, 10.0));
    }

    #[test]
    fn fit_shows_everything_centred_and_never_blows_up() {
        let bounds = Rect { x: 1000.0, y: 500.0, width: 4000.0, height: 1000.0 };
        let camera = Camera::fit(bounds, 1280.0, 800.0, 40.0);
        let seen = camera.visible(1280.0, 800.0);
        assert!(seen.x <= bounds.x && seen.right() >= bounds.right());
        assert!(seen.y <= bounds.y && seen.bottom() >= bounds.bottom());
        assert!(close(seen.x + seen.width / 2.0, 3000.0) && close(seen.y + seen.height / 2.0, 1000.0));
        assert!(close(camera.zoom, 1200.0 / 4000.0));
        let small = Camera::fit(Rect { x: 0.0, y: 0.0, width: 160.0, height: 120.0 }, 1280.0, 800.0, 40.0);
        assert_eq!(small.zoom, 1.0);
    }

    fn board_with_notes_at(places: &[(f64, f64)]) -> BoardContent {
        use crate::board::{Board, BoardId, NoteColor, NoteId, Tally};
        BoardContent {
            board: Board { id: BoardId::new("b"), name: "B".into(), order: 0.0, vote_allowance: 0 },
            notes: places
                .iter()
                .enumerate()
                .map(|(i, &(x, y))| Note {
                    id: NoteId::new(format!("n{i}")),
                    board: BoardId::new("b"),
                    text: String::new(),
                    x,
                    y,
                    color: NoteColor::Yellow,
                    author: String::new(),
                    cluster: None,
                })
                .collect(),
            clusters: Vec::new(),
            links: Vec::new(),
            tally: Tally::default(),
        }
    }

    #[test]
    fn a_new_note_goes_where_asked_or_to_the_nearest_free_place() {
        let empty = board_with_notes_at(&[]);
        assert_eq!(empty.free_spot(10.0, 20.0), (10.0, 20.0));
        let mut board = board_with_notes_at(&[(0.0, 0.0)]);
        let mut placed = Vec::new();
        for _ in 0..30 {
            let spot = board.free_spot(0.0, 0.0);
            let rect = Rect { x: spot.0, y: spot.1, width: NOTE_WIDTH, height: NOTE_HEIGHT };
            assert!(board.notes.iter().all(|n| !note_rect(n).intersects(&rect)), "{spot:?} overlaps a note");
            placed.push(spot);
            let mut more: Vec<(f64, f64)> = board.notes.iter().map(|n| (n.x, n.y)).collect();
            more.push(spot);
            board = board_with_notes_at(&more);
        }
        // The first free places are the neighbours of the asked place.
        assert!(placed[..8].iter().all(|&(x, y)| x.abs() <= NOTE_WIDTH + 16.0 && y.abs() <= NOTE_HEIGHT + 16.0), "{placed:?}");
    }

    #[test]
    fn rectangles_overlap_only_when_they_share_area() {
        let a = Rect { x: 0.0, y: 0.0, width: 10.0, height: 10.0 };
        assert!(a.intersects(&Rect { x: 5.0, y: 5.0, width: 10.0, height: 10.0 }));
        assert!(!a.intersects(&Rect { x: 10.0, y: 0.0, width: 10.0, height: 10.0 }));
        assert_eq!(a.union(&Rect { x: -5.0, y: 20.0, width: 1.0, height: 1.0 }), Rect { x: -5.0, y: 0.0, width: 15.0, height: 21.0 });
        assert_eq!(a.grown(0.5), Rect { x: -5.0, y: -5.0, width: 20.0, height: 20.0 });
    }
}
