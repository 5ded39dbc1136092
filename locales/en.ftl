# English messages of the Constellation web app (Project Fluent syntax:
# https://projectfluent.org/fluent/guide/). Every message here must also be in
# fr.ftl (a browser test checks). Ids are grouped by view.

## Shell

language-label = Language
language-unavailable = { $language } could not be loaded: connect to the internet once to get it.
notice-view-only = View only: this link can read the room but not change it. Ask for the edit link to make changes.
notice-draft-unreadable = The copy of this room saved on this device could not be read ({ $detail }); it will be fetched again.
notice-unreadable-message = The relay sent something this device could not read ({ $detail }); reconnecting.
notice-changes-skipped = Some changes from the room were skipped: { $detail }.
notice-relay-closed = The relay closed the connection: { $reason }
close-malformed = it could not read what this device sent
close-version = this page is older than the relay; reload it
close-not-allowed = it did not allow what this device sent
close-write-refused = this link can read the room but not change it
close-idle = nothing came from this device for too long
close-too-large = an edit or message was too large
close-too-many = too many messages at once
close-full = the room has no place for another connection just now
notice-storage-pressure = This device's storage for Constellation is { $percent } % full. Stay online so the relay keeps your changes, or free some space.
notice-storage-full = This device's storage is full: recent changes are not saved here. Free some space, or stay online so the relay keeps them.
notice-storage-unavailable = Changes cannot be saved on this device ({ $detail }); they are kept only while the page is open.
not-found-title = Page not found
not-found-body = This address is not part of Constellation.
go-to-start = Go to the start page

## Start page

landing-lede = Open planning for coalitions: one shared room for the wall of ideas, the goals you measure together, what each partner commits, and the network that connects you.
landing-you = You
landing-your-name = Your name
landing-name-hint = Shown to the others in a room. Remembered on this device.
landing-start = Start
landing-create = Create room
landing-create-hint = A new room gets its own secret link; only people you give it to can read it.
landing-join-heading = Join a room
landing-code = Room code or link
landing-join = Join

## Room frame

room-fallback-name = Room { $id }
room-unknown = Unknown room
status-offline = Offline
status-syncing = Syncing
status-online = Online
room-sections = Room sections
section-board = Board
section-goals = Goals
section-network = Network
section-commitments = Commitments
room-link-broken = This room link does not work
room-no-key = This link has no room key, so the room's content cannot be read here. Ask for the full link (it ends with #k=…).
here-count = { $count } here
participants = Participants
participant-you = You
participant-me = { $name } (you)
participant-guest = Guest
embed-watchers = { $count ->
    [one] Also watched through 1 view embedded in a website
   *[other] Also watched through { $count } views embedded in websites
}

## Board

board-no-key = This link has no room key, so the board cannot be opened.
board-opening = Opening the room…
board-first-name = Ideas
undone = Undone.
redone = Redone.
note-empty-short = empty note
boards-nav = Boards
board-default-name = Board { $n }
board-add = Add board
board-name = Board name
save-name = Save name
cancel = Cancel
board-deleted = Board “{ $name }” deleted.
undo = Undo
redo = Redo
dismiss = Dismiss
board-this = This board
board-rename = Rename board
board-move-left = Move board left
board-move-right = Move board right
board-delete = Delete board
cluster-new = New group
vote-allowance-error = Votes per person must be a whole number from 0 to { $max }.
board-tools = Board tools
board-view = View
mode-canvas = Canvas
mode-list = List
mode-ranked = Ranked
note-add = Add note
more-tools = More tools
votes-left = { $remaining } of { $allowance } votes left
cluster-add = Add cluster
zoom = Zoom
zoom-out = Zoom out
zoom-in = Zoom in
zoom-fit = Zoom to fit
votes-per-person = Votes per person
selection = Selection
panel-hint = Select a note to change its colour, link it, vote for it or delete it. Add a cluster to group notes: notes dropped inside it belong to it and move with it.
link-target-missing = Choose the note the link points to.
link-added = Link added.
note-gone = This note was deleted.
note = Note
note-by = By { $author }
anonymous = Anonymous
note-edit-text = Edit text
colour = Colour
color-yellow = Yellow
color-pink = Pink
color-blue = Blue
color-green = Green
color-orange = Orange
color-purple = Purple
votes = Votes
votes-summary = { $total } in total, { $mine } of them yours
vote-for = Vote for { $name }
vote = Vote
vote-remove-from = Remove my vote from { $name }
vote-remove = Remove my vote
links = Links
link-remove-named = Remove link { $text }
remove = Remove
link-to = Link to
link-choose = Choose a note…
link-label = Link label (optional)
link-add = Add link
note-deleted-undo = Deleted note { $name }. Undo brings it back.
note-deleted-ctrl-z = Deleted note { $name }. Ctrl+Z brings it back.
note-delete = Delete note
cluster-gone = This cluster was deleted.
cluster = Cluster
cluster-label = Cluster label
cluster-members = { $count ->
    [0] No notes in it yet: drag notes inside.
    [one] 1 note in it.
   *[other] { $count } notes in it.
}
cluster-deleted = Cluster deleted; its notes stay on the board.
cluster-delete = Delete cluster
group-unnamed = Unnamed group
group-none = Not in a cluster
notes-none = No notes yet. Add the first one.
notes = Notes
note-text = Note text
note-placeholder = Write your idea
vote-count = { $count ->
    [0] {""}
    [one] 1 vote
   *[other] { $count } votes
}
note-delete-named = Delete note { $name }
delete = Delete
ranked-heading = Ranked by votes
voters = { $count ->
    [0] Nobody has voted yet.
    [one] 1 person has voted.
   *[other] { $count } people have voted.
}
ranked-notes = Ranked notes
rank = Rank { $rank }
note-empty = Empty note
export-nothing = There is no board to export yet.
imported = Imported { $name } as a new board.
files = Files
export-svg = Export SVG
export-png = Export PNG
export-json = Export JSON
import-json = Import JSON
png-failed = The PNG could not be made in this browser; export SVG instead.
canvas-label = Board canvas
canvas-help = Drag empty space to pan; wheel, pinch, plus and minus keys zoom; 0 shows actual size. Double-click or double-tap empty space to add a note. On a note: Enter edits its text, arrow keys move it.
canvas-empty = Double-click or double-tap anywhere to add a note, or use “Add note”.
note-named = Note: { $name }
cluster-named = Cluster: { $name }
cluster-resize = Resize cluster { $name }
zoom-level = { $percent } %

## Plan: field labels, hints and buttons

p-a-report-or-photo-online-https = A report or photo online (https://…)
p-add-commitment = Add commitment
p-add-measurement = Add measurement
p-amount = Amount
p-baseline-date = Baseline date
p-baseline-value = Baseline value
p-brands-the-mission-like-cleanriver2030 = Brands the mission, like #CleanRiver2030
p-check-in = Check in
p-check-ins = Check-ins
p-cycle-stage = Cycle stage
p-data-source = Data source
p-date = Date
p-delivered-so-far = Delivered so far
p-direction = Direction
p-due-date = Due date
p-end-date = End date
p-evidence-link = Evidence link
p-experiment-title = Experiment title
p-for-example-xm-dac-47015-or-xi-iati-with = For example XM-DAC-47015, or XI-IATI-… without a registry number
p-from = From
p-goal-tree = Goal tree
p-hashtag = Hashtag
p-hours-eur-data-sets = Hours, EUR, data sets…
p-households-tonnes = Households, %, tonnes…
p-hypothesis = Hypothesis
p-iati-organization-identifier = IATI organization identifier
p-if-we-do-this-we-expect-that = If we do this, we expect that…
p-indicators = Indicators
p-kind = Kind
p-measure-type = Measure type
p-name = Name
p-new-task = New task
p-note = Note
p-one-name-per-line = One name per line
p-one-task-per-line = One task per line
p-organization = Organization
p-organization-type = Organization type
p-parent-goal = Parent goal
p-participant = Participant
p-partners = Partners
p-population = Population
p-problems-in-the-file = Problems in the file
p-prototype-experiments = Prototype experiments
p-proxy = Proxy
p-question = Question
p-reporting-organization = Reporting organization
p-responses = Responses
p-role = Role
p-role-holders = Role holders
p-source = Source
p-stands-in-for-something-that-cannot-be-m = Stands in for something that cannot be measured directly
p-start-date = Start date
p-start-experiment = Start experiment
p-statement = Statement
p-status = Status
p-target-date = Target date
p-target-value = Target value
p-tasks = Tasks
p-team-organizations = Team: organizations
p-team-people = Team: people
p-text = Text
p-title = Title
p-to = To
p-toward-goal-or-indicator = Toward goal or indicator
p-unit = Unit
p-value = Value
p-what-is-promised = What is promised
p-what-is-put-in = What is put in
p-what-was-done-since-the-last-check-in = What was done since the last check-in
p-what-was-learned = What was learned
p-where-it-applies = Where it applies
p-who-or-what-the-goal-is-about = Who or what the goal is about

## Commitments

commitments-lede = What each partner promised, what it delivered, and who has gone quiet.
commitments-all = All commitments
commitments-none = No commitments yet.
accountability-heading = Accountability by partner
accountability-none = Partners appear here once they commit or report a measurement.
report-never = Never reported
report-days = { $days ->
    [0] Last report today
    [1] Last report yesterday
   *[other] Last report { $days } days ago
}
amount-delivered = { $kind }: { $delivered } of { $promised } { $unit } delivered
tally-big = { $delivered } of { $promised }
tally-rest = commitments delivered ({ $met } met, { $partly } partly, { $open } open, { $notmet } not met)
overdue-none = Nothing overdue
overdue-count = { $count } overdue
overdue-item = { $description } (due { $due })
gone-quiet = Gone quiet
target-choose = Choose a goal or indicator
target-goal = Goal: { $title }
target-indicator = Indicator: { $name } ({ $goal })
toward-indicator = Indicator: { $name }
toward-missing = Choose the goal or indicator this commitment serves.
toward-deleted = Its goal or indicator was deleted
commitment-new = New commitment
commitment-due = Due { $date }
commitment-status = Status: { $status }
overdue = Overdue
status-save = Save status
commitment-delete-confirm = Delete this commitment and its check-ins?
commitment-delete = Delete commitment
response-line = { $kind ->
    [acknowledgement] { $who } acknowledged on { $date }
    [question] { $who } asked on { $date }
   *[answer] { $who } answered on { $date }
}
evidence = Evidence
acknowledge = Acknowledge
ask-question = Ask a question
send-question = Send question
roles = Roles
role-remove = Remove role { $role } from { $name }
role-give = Give role
status-planned = planned
status-in_progress = in progress
status-met = met
status-partially_met = partially met
status-not_met = not met
kind-staff_time = staff time
kind-money = money
kind-data = data
kind-venue = venue
kind-expertise = expertise
kind-other = other
role-initiator = initiator
role-facilitator = facilitator
role-program_manager = program manager
role-media_director = media director
role-media_liaison = media liaison
role-subject_matter_expert = subject-matter expert
role-enabler_broker = enabler/broker

## Form problems (core's field problems, by kind; fields by name)

problem-required = The { $field } is required.
problem-too-long = The { $field } holds at most { $max } characters; this one has { $length }.
problem-not-a-date = The { $field } must be a date written YYYY-MM-DD (for example 2030-12-31), found '{ $found }'.
problem-not-a-number = The { $field } must be a number (like 12 or 12.5), found '{ $found }'.
problem-not-finite = The { $field } must be a finite number.
problem-negative = The { $field } cannot be negative, found { $found }.
problem-not-yes-no = The { $field } must be yes or no, found '{ $found }'.
problem-not-a-link = The { $field } must be a web link starting with https:// or http://, found '{ $found }'.
field-title = title
field-statement = statement
field-hashtag = hashtag
field-population-or-result = population or result
field-start-date = start date
field-end-date = end date
field-parent-goal = parent goal
field-indicator-name = indicator name
field-unit = unit
field-baseline-value = baseline value
field-baseline-date = baseline date
field-target-value = target value
field-target-date = target date
field-data-source = data source
field-value = value
field-date = date
field-source = source
field-reporting-organization = reporting organization
field-note = note
field-experiment-title = experiment title
field-hypothesis = hypothesis
field-what-was-learned = what was learned
field-team-member = team member
field-task = task
field-record = record
field-organization = organization
field-description-of-what-is-promised = description of what is promised
field-amount = amount
field-goal-or-indicator = goal or indicator
field-due-date = due date
field-date-the-commitment-was-made = date the commitment was made
field-status-date = status date
field-amount-delivered = amount delivered
field-name-of-who-reports = name of who reports
field-text = text
field-evidence-link = evidence link
field-participant-name = participant name

## Goals and indicators

goals-lede = Mission goals, how each is measured, and how it is doing.
goals-none = No goals yet. Add the mission first.
goal-add = Add goal
goal-save = Save goal
goal-new = New goal
goal-edit = Edit goal
goal-delete = Delete goal
goal-delete-confirm = Delete the goal “{ $title }” with its indicators, measurements and experiments?
goal-status = Goal status: { $status }
goal-under = Under { $title }
goal-dates = { $start } to { $end }
goal-parent-none = None: this is a mission
level-mission = Mission
level-objective = Objective
level-sub-objective = Sub-objective
status-on-track = On track
status-at-risk = At risk
status-off-track = Off track
status-no-data = No status yet
fact-hashtag = Hashtag
fact-population = Population
fact-dates = Dates
open-data = Open data
open-data-hint = Goals, indicators, measurements and commitments as files other tools read. Each indicator also has its own CSV (Open SDG layout).
iati-settings = IATI settings
export-iati = Export IATI XML
export-csv = Export CSV
org-type-10 = Government
org-type-21 = International NGO
org-type-22 = National NGO
org-type-23 = Regional NGO
org-type-70 = Private sector
org-type-80 = Academic, training and research
org-type-90 = Other
indicators-none = No indicator yet: how will you know this goal is reached?
indicator-add = Add indicator
indicator-save = Save indicator
indicator-new = New indicator
indicator-edit = Edit indicator
indicator-delete = Delete indicator
indicator-delete-confirm = Delete the indicator “{ $name }” and its measurements?
measurement-add = Add measurement
measurement-new = New measurement of { $name }
direction-higher = Higher is better
direction-lower = Lower is better
measure-number = Number
measure-percentage = Percentage
measure-yes-no = Yes/no
measure-qualitative = Qualitative
trend-improving = improving
trend-steady = steady
trend-worsening = worsening
trend-unknown = not known yet
indicator-unit = unit: { $unit }
indicator-proxy = proxy
data-source = Data source: { $source }
progress-toward = { $percent } of the way toward { $target } by { $date }
progress = { $percent } of the way
value-on-date = { $value } on { $date }
reason-qualitative = A qualitative indicator has no computed status.
reason-no-baseline = No baseline yet: add one to compute a status.
reason-no-target = No target yet: add one to compute a status.
reason-no-measurement = No measurement yet.
reason-reached = The target { $target } for { $date } is reached.
reason-deadline-passed = The target { $target } was due on { $date } and is not reached.
reason-awaiting-yes = Not yet achieved; { $percent } of the time to { $date } has passed.
reason-not-held = The level { $target } should be held and is not.
reason-ahead = Ahead of the trajectory (expected { $expected }) toward { $target } by { $date }.
reason-behind = { $percent } of the way behind the trajectory (expected { $expected }) toward { $target } by { $date }.
status-line = Status: { $status }
fact-progress = Progress
fact-trend = Trend
fact-latest = Latest
fact-expected = Expected by now
target-n = Target { $n }
target-remove = Remove target { $n }
target-add = Add target
hint-number = A number, like 12 or 12.5
hint-percentage = A percentage, like 45 or 45%
hint-yes-no = Yes or no
hint-text = A short text
csv-import = Import measurements CSV
csv-hint = Columns: date (or year), value; optional source, organization, note. Nothing is applied unless every row is valid.
csv-imported = Imported { $count } measurement(s) from { $name }{ $skipped ->
    [0] {""}
   *[other] {" "}({ $skipped } already recorded, skipped)
}.
csv-refused = Nothing was imported from { $name }: { $total ->
    [one] { $total } problem
   *[other] { $total } problems
} to fix in the file first.
csv-more = …and { $count } more.

## Presenter mode and the board lock (src/presenter/, src/board/)
present = Present
presenter-heading = Presenter
presenter-back = Back to the room
presenter-join = Join this room
presenter-qr = QR code to join this room
presenter-count = { $count ->
    [one] 1 participant here
   *[other] { $count } participants here
}
presenter-facilitation = Facilitation
board-locked = The board is locked while votes are counted.
presenter-unlocked = The board is open for notes and votes.
presenter-lock = Lock board
presenter-unlock = Unlock board
presenter-no-session = No session started: the read-out covers the whole room.
presenter-session-since = Session started at { $time }.
presenter-start-session = Start session
presenter-restart-session = Start a new session
presenter-readout = Read-out of the session
presenter-top-notes = Top-voted notes
presenter-no-votes = No votes yet.
presenter-new-commitments = New commitments
presenter-network-changes = Network changes
presenter-none-yet = Nothing new yet.
presenter-new-organization = New organization: { $name }
presenter-new-person = New person: { $name }
presenter-new-tie = { $from } now works with { $to }
presenter-readout-text = To read aloud
presenter-copy = Copy read-out
presenter-copied = Read-out copied.
presenter-text-no-votes = No votes were counted.
presenter-text-note = “{ $text }” ({ $votes ->
    [one] 1 vote
   *[other] { $votes } votes
})
presenter-text-top = Top-voted notes: { $notes }.
presenter-text-commitments = { $count ->
    [0] No new commitments.
    [one] 1 new commitment:
   *[other] { $count } new commitments:
}
presenter-text-network = The network grew by { $organizations ->
    [one] 1 organization
   *[other] { $organizations } organizations
}, { $people ->
    [one] 1 person
   *[other] { $people } people
} and { $ties ->
    [one] 1 tie
   *[other] { $ties } ties
}.
presenter-text-commitment = { $organization } ({ $description })
presenter-text-commitment-list = { $list }.
presenter-copy-refused = This browser does not allow copying here; select the read-out and copy it.
timer-heading = Timer
timer-minutes = Minutes
timer-minutes-error = Minutes must be a number above 0 and at most 600, such as 5 or 2.5.
timer-start = Start timer
timer-pause = Pause timer
timer-reset = Reset timer
timer-left = Time left
timer-ended = Time is up.
timer-local = The timer runs on this screen only.

## Experiments

phase-communicate = Communicate
phase-negotiate = Negotiate
phase-act = Act
phase-learn = Learn
experiment-add = Add experiment
experiment-new = New prototype experiment
member-organization = { $name } (organization)
experiment-stage = Stage: { $stage }
experiment-hypothesis = Hypothesis:
experiment-team = Team:
experiment-advance = Move to { $stage }
task-add = Add task
learned-save = Save what was learned
experiment-delete = Delete experiment

## Indicator chart

chart-data-table = Data table: { $name }
chart-caption = { $name }: baseline, targets and measurements
chart-title = { $name }: baseline, targets and measurements over time
chart-date = Date
chart-what = What
chart-value = Value
chart-value-unit = Value ({ $unit })
chart-reported-by = Reported by
chart-actions = Actions
chart-row-baseline = Baseline
chart-row-target = Target
chart-row-measurement = Measurement
chart-delete-measurement = Delete measurement { $value } of { $date }
chart-desc-baseline = Baseline { $value } on { $date }
chart-desc-target = target { $value } by { $date }
chart-desc-latest = { $count ->
    [one] { $count } measurement
   *[other] { $count } measurements
}, the latest { $value } on { $date }
chart-desc-none = no measurements yet
chart-empty = The chart appears once there is a baseline, a target or a measurement.
chart-key-baseline = Baseline
chart-key-target = Target
chart-key-trajectory = Trajectory
chart-key-measurements = Measurements

## Digest

digest = Digest
digest-hint = What happened in a period: status changes, measurements, commitments made, met and overdue, check-ins.
digest-bad-date = The { $name } date must be written YYYY-MM-DD, found '{ $found }'.
digest-from = From
digest-to = To
digest-copied = The Markdown is copied.
digest-print-refused = This browser would not print the digest.
digest-not-ready = The printable digest is not ready yet.
digest-markdown = Digest as Markdown
digest-copy = Copy Markdown
digest-download-md = Download Markdown
digest-download-html = Download HTML
digest-print = Print digest
digest-printable = Printable digest

digest-doc-title = Progress digest: { $title }
digest-doc-title-none = Progress digest: the coalition
digest-doc-period = { $from } to { $to }
digest-doc-status-changes = Goals whose status changed ({ $count })
digest-doc-measurements = New measurements ({ $count })
digest-doc-new-commitments = New commitments ({ $count })
digest-doc-met = Commitments met ({ $count })
digest-doc-overdue = Overdue at the end of the period ({ $count })
digest-doc-check-ins = Check-ins ({ $count })
digest-doc-empty-status-changes = No goal changed status.
digest-doc-empty-measurements = No measurement is dated in this period.
digest-doc-empty-new-commitments = No commitment was made in this period.
digest-doc-empty-met = No commitment was met in this period.
digest-doc-empty-overdue = Nothing is overdue.
digest-doc-empty-check-ins = No partner checked in during this period.
digest-doc-yes = yes
digest-doc-no = no
digest-doc-kind = {" ("}{ $kind }{"): "}
digest-doc-status-change = {": "}{ $before } → { $after }
digest-doc-date-sep = {" · "}
digest-doc-amount-sep = {" — "}
digest-doc-due = , due { $date }
digest-doc-met-on = ; met on { $date }
digest-doc-days-late = {" ("}{ $days ->
    [one] 1 day
   *[other] { $days } days
} late at the end of the period)
digest-doc-due-last-day = {" (due on the last day, not delivered)"}
digest-doc-goal-open = {" ("}
digest-doc-goal-close = {"): "}
digest-doc-reported-by = {", reported by "}
digest-doc-checked-in-on = {" on "}
digest-doc-check-in-text = {": "}
digest-doc-responses = {" ("}{ $count ->
    [one] 1 response
   *[other] { $count } responses
})
digest-doc-evidence = evidence
## Room links

link-bad-room-id = a room code is 43 letters, digits, '-' or '_' (22 for rooms made before view-only links); found "{ $found }"
link-bad-write-key = the write key in the link is damaged (expected 43 letters, digits, '-' or '_' after 'w=')
link-write-key-mismatch = the write key in the link does not belong to this room; ask for the room's edit link again
link-bad-room-key = the room key in the link is damaged (expected 43 letters, digits, '-' or '_' after '#k=')
link-no-room = no room code found in "{ $input }": paste the room link or its code

## Share dialog, room codes and the name prompt (src/share/)

share = Share
share-title = Share this room
share-close = Close
share-copy = Copy
share-copied = Copied.
share-copy-by-hand = Selected: press Ctrl+C (or ⌘C) to copy.
share-edit-link = Edit link
share-view-link = View-only link
share-room-link = Room link
share-copy-edit-link = Copy edit link
share-copy-view-link = Copy view-only link
share-copy-room-link = Copy room link
share-access-edit = Anyone with the edit link can change the room; give it only to people who plan with you. The view-only link lets people read and follow along: the relay refuses any change sent with it.
share-access-view = You opened a view-only link: you can read the room and pass this link on, but not change anything.
share-access-open = This room was created before view-only links existed: anyone with its link can read and change it. For a room you can share read-only, create a new room.
share-qr-heading = QR code
share-qr-of-edit = QR code of the edit link
share-qr-of-view = QR code of the view-only link
share-qr-of-room = QR code of the room link
share-embed-heading = Embed in a web page
share-embed-show = Show
share-embed-code = Embed code
share-copy-embed = Copy embed code
share-embed-note = Embeds always use the view-only link: visitors of the page can read, never change.
share-embed-network = Network map
share-embed-accountability = Accountability
share-embed-goal = Goal: { $title }
view-only = View only
view-only-hint = This link can read the room but not change it.
view-only-notice = View only: this link can read the room but not change it.
code-heading = Room code
code-intro = A short code people can type on the start page (“{ landing-code }”) instead of the link. It works for 24 hours, or until you withdraw it.
code-opens = The code opens
code-opens-view = the view-only link
code-opens-edit = the edit link
code-make = Make a room code
code-making = Making the code…
code-label = Room code
code-copy = Copy room code
code-valid-until = Valid until { $time }.
code-withdraw = Withdraw code
code-withdrawing = Withdrawing the code…
code-withdrawn = The code { $code } no longer opens the room.
code-no-relay = The relay could not be reached to store the code; try again when online.
code-no-such = No room has this code. Check it, or ask for a new one (codes last 24 hours).
code-too-many = Too many codes were tried from this network; wait a minute and try again.
code-no-crypto = This browser cannot derive the code's key (WebCrypto is missing; the page must be served over HTTPS).
name-prompt-heading = Before you join
name-prompt-intro = Tell the others in this room who you are.
name-prompt-hint = Shown to the others in this room. Remembered on this device.
name-prompt-join = Join
name-prompt-skip = Skip
name-prompt-needed = Type a name, or choose Skip to join without one.

## Lists, sectors, tie kinds (shared words)

list-and = { $head } and { $last }
list-semicolon = {"; "}
sector-government = government
sector-business = business
sector-civil-society = civil society
sector-other = other sector
sector-none = No organization
tie-collaborates = collaborates
tie-knows = knows
tie-funds = funds
tie-governs = governs
tie-other = other

## Network: details panel, table and health summary (src/network_view/)

net-details = Details
net-details-hint = Select a person or an organization on the map or in the table to see their ties and measures.
net-gone = This entry is no longer in the network.
net-kind-org = Organization · { $sector } · { $people ->
    [one] 1 person
   *[other] { $people } people
}
net-kind-person-at = Person at { $organization } ({ $sector })
net-kind-person-alone = Person, no organization
net-describe-org = { $name } ({ $sector }, organization)
net-m-tied-organizations = Tied organizations
net-m-ties = Ties
net-m-degree = Degree
net-m-betweenness = Betweenness
net-m-weighted-betweenness = Trust-weighted betweenness
net-m-closeness = Closeness
net-m-eigenvector = Eigenvector
net-m-constraint = Constraint
net-m-effective-size = Effective size
net-m-brokerage = Brokerage across sectors
net-hl-none = Nothing
net-hl-connectors = Top connectors
net-hl-heterarchies = Heterarchies
net-hl-silos = Silos
net-hl-cut-points = Cut points
net-role-coordinator = coordinator
net-role-gatekeeper = gatekeeper
net-role-representative = representative
net-role-itinerant = itinerant
net-role-liaison = liaison
net-role-count = { $role } { $count }
net-roles-none = none
net-brokerage-sectors = Brokerage across sectors:
net-brokerage-organizations = Brokerage across organizations:
net-ties-heading = Ties ({ $count })
net-tie-line = { $kind } { $other }, trust { $trust }
net-tie-line-to = { $kind } (to) { $other }, trust { $trust }
net-tie-line-from = { $kind } (from) { $other }, trust { $trust }
net-remove = Remove
net-remove-tie = Remove tie: { $tie }
net-whatif-org = What if this organization leaves?
net-whatif-person = What if this person leaves?
net-delete-org = Delete organization
net-delete-person = Delete person
net-deleted = Deleted.
net-pair = { $a } and { $b }
net-whatif-none = Nothing disconnects: everyone else stays in contact.
net-whatif-lost = { $count ->
    [one] 1 pair of organizations loses contact
   *[other] { $count } pairs of organizations lose contact
}: { $pairs }.
net-whatif-pieces = What remains falls into { $count } separate groups.
net-whatif-sectors = No contact left anywhere between { $pairs }.
net-tie-from-missing = From: choose a person or an organization.
net-tie-to-missing = To: choose a person or an organization.
net-tie-trust-invalid = Trust: give a whole number from 1 to 5.
net-health = Network health
net-empty = No one is on the map yet. Add yourself with the quick entry above.
net-analyzing = Analyzing…
net-updating = Updating after the latest changes…
net-table-heading = People and organizations
net-table-caption = People and organizations with their measures; column buttons sort
net-col-type = Type
net-type-organization = organization
net-type-person = person
net-rows = Rows { $first }–{ $last } of { $total }
net-rows-previous = Previous rows
net-rows-next = Next rows
net-level-short-senior = senior
net-level-short-mid = mid
net-level-short-junior = junior
net-person-of = { $name } ({ $organization })
net-sector-count = { $sector } { $count }
net-why-sectors = links { $count } sectors ({ $sectors })
net-why-highest-betweenness = highest betweenness in the network ({ $value })
net-why-betweenness = betweenness { $value }
net-why-low-constraint = low constraint { $value }
net-why-mid-level = mid-level or junior staff
net-sum-size = The network has { $people ->
    [one] 1 person
   *[other] { $people } people
} in { $organizations ->
    [one] 1 organization
   *[other] { $organizations } organizations
}, joined by { $ties ->
    [one] 1 tie
   *[other] { $ties } ties
}.
net-sum-too-small = Add people and ties to see how the coalition is connected.
net-sum-density = Density is { $density }: { $percent } of the possible ties between people exist.
net-sum-connected = Everyone is connected: two people are on average { $steps } steps apart, and at most { $diameter }.
net-sum-fragmented = The people fall into { $groups ->
    [one] 1 connected group
   *[other] { $groups } separate connected groups
} that do not reach each other; the largest holds { $largest } of { $people }, who are on average { $steps } steps apart.
net-sum-isolated = { $count ->
    [one] 1 person has
   *[other] { $count } people have
} no ties yet.
net-sum-connectors = The strongest { $count ->
    [one] connector is
   *[other] connectors are
} { $names }.
net-sum-why = Why { $name }: { $reasons }.
net-sum-mid-level = { $names } { $count ->
    [one] is mid-level or junior staff: a connector
   *[other] are mid-level or junior staff: connectors
} an organization chart would miss.
net-sum-no-connectors = No one connects different organizations or sectors yet.
net-sum-no-heterarchy = No heterarchy yet: no three organizations from different sectors are tied together with trust { $trust } or more.
net-sum-heterarchies = { $count ->
    [one] 1 heterarchy
   *[other] { $count } heterarchies
} found; the strongest joins { $organizations } ({ $sectors }) with average trust { $trust }.
net-sum-inward = The most inward-looking sector is { $sector } (E-I index { $ei }): { $all ->
    [yes] all
   *[no] most
} of its ties stay inside it.
net-sum-silos = { $names } { $count ->
    [one] keeps to itself: most of its ties stay inside.
   *[other] keep to themselves: most of their ties stay inside.
}
net-sum-cut = If { $person } leaves, { $cut_off } would lose contact.
net-sum-cut-with = If { $person } leaves, { $cut_off } would lose contact with { $rest }.
net-sum-cut-all = In all, { $count ->
    [one] 1 person is
   *[other] { $count } people are
} the only link between some part of the network and the rest.
net-sum-only-links = { $count ->
    [one] 1 person is
   *[other] { $count } people are
} the only link of someone to the rest; no organization depends on a single person.
net-sum-no-cut = No single person's leaving would cut anyone off.
net-sum-balance = Sector balance is { $percent } of the ideal (people: { $counts }).
net-sum-missing = No one from { $sectors } takes part yet.

## Embeds (src/embed/)
embed-blocked-crypto = This browser does not let this embedded view use encryption, so the room cannot be shown here.
embed-open-tab = Open it in its own tab
embed-blocked-storage = This browser blocks storage for embedded views: this view follows the room live but keeps no copy on this device.
embed-powered = Open in Constellation
embed-goal-missing = This goal is not in the room (it may have been deleted).
embed-indicators = Indicators
embed-delivered = { $delivered } of { $promised } commitments delivered
embed-network = Network map
embed-network-count = { $people ->
    [one] 1 person
   *[other] { $people } people
}, { $organizations ->
    [one] 1 organization
   *[other] { $organizations } organizations
}
embed-network-list = People and organizations
ranked-votes = { $count ->
    [one] { $count } vote
   *[other] { $count } votes
}

## Network

n-add-organization = Add organization
n-add-person = Add person
n-add-tie = Add tie
n-at = at
n-direction = Direction
n-from = From
n-i-am = I am
n-i-work-with = I work with
n-keep = Keep
n-kind = Kind
n-level = Level
n-merge = Merge
n-merge-duplicates = Merge duplicates
n-merge-into-it = Merge into it
n-name = Name
n-new-organization = New organization
n-new-person = New person
n-new-tie = New tie
n-note = Note
n-organization = Organization
n-role = Role
n-sector = Sector
n-sector-of-a-new-organization = Sector of a new organization
n-tags = Tags
n-to = To
n-trust-1-5 = Trust (1–5)
net-quick = Quick entry
net-quick-hint = Add yourself and the people you work with. Names already on the map are suggested, so no one is added twice.
net-quick-done = Added { $name }: { $people } new { $people ->
    [one] person
   *[other] people
}, { $organizations } new { $organizations ->
    [one] organization
   *[other] organizations
}, { $ties } new { $ties ->
    [one] tie
   *[other] ties
}.
net-more-person = {" "}(person { $n })
net-more-org = {" "}(organization of person { $n })
net-more-tags = {" "}(separated by commas)
net-add-another = Add another person
net-add-me = Add me to the map
net-edit = Edit the network
net-none = None
net-choose = Choose…
net-added-org = Added organization { $name }.
net-added = Added { $name }.
net-level-none = Not given
net-level-senior = Senior
net-level-mid = Mid-level
net-level-junior = Junior
net-both-ways = Both ways
net-from-to = From → To
net-tie-added = Tie added.
net-two-orgs = Two organizations
net-two-people = Two people
net-merge-choose = Choose the entry to keep and the one to merge into it, of the same kind.
net-merged = Merged.
net-selected = Selected { $name }, { $ties ->
    [one] { $ties } connection
   *[other] { $ties } connections
}.
net-no-key = This link has no room key, so the network cannot be opened.
net-presenter = Presenter view
net-slow = The last analysis took { $ms } ms (off the page, in a worker).
net-imported = Imported: { $people } new people ({ $matched_people } already here), { $organizations } new organizations ({ $matched_organizations } already here), { $ties } new ties.
net-png-failed = The map could not be saved as a picture.
net-import = Import network
net-import-hint = A CSV edge list (from,to,trust,kind), JSON, GraphML or GEXF. Choose two files for an edge list with its node list, or Kumu's elements and connections sheets. Nothing is added unless the whole import is valid.
net-import-refused = Nothing was imported. Fix these and try again:
net-export-graphml = Export GraphML
net-export-gexf = Export GEXF
net-export-kumu = Export Kumu
net-import-no-worker = The files could not be read: the map's worker did not start in this browser.
net-import-adding = Adding the import: { $done } of { $total } entries…

## Network map (src/network_view/map.rs)

map-count = Showing { $shown } of { $total } people and organizations
map-label = Network map, { $count } people and organizations. Arrow keys move the selection along ties, Enter opens its details.
map-help = Drag to pan, pinch or wheel to zoom, tap a node to see its details, drag a node to pin it. With the keyboard: arrow keys follow ties, Enter opens details, + and − zoom.
map-fit = Fit map
map-release = Release pins
map-no-ties-here = No ties lead from here.
map-legend = Legend
map-legend-org = Organization (dark outline)
map-legend-member = Works at (dashed)
map-legend-tie = Tie: wider, or on a crowded map darker, for more trust
map-size-by = Size by
map-highlight = Highlight
map-focus = Focus
map-focus-whole = Whole network
map-focus-steps = { $steps ->
    [one] 1 step around the selection
   *[other] { $steps } steps around the selection
}
map-search = Search by name
map-filters = Filters
map-sectors = Sectors
map-kinds = Kinds of tie
map-min-trust = Minimum trust
map-caption = { $highlight }: { $names }.
map-caption-none = { $highlight }: none found.
map-layout-failed = The map could not be laid out: { $error }
map-bad-message = The map could not read what the page sent: { $error }
map-cannot-draw = This browser cannot draw the map; the table below lists the same network.
map-bad-answer = The map answered in a form the page cannot read: { $error }
map-png-failed = The map could not be saved as PNG.
map-no-worker = This could not be worked out: the map's worker did not start in this browser.
map-entry-gone = This entry is no longer in the network.
map-svg-size = Size: { $metric }
worker-cannot-start = The network analysis could not start in this browser: { $why }.
worker-files-not-loaded = its files could not be loaded
worker-failed = The network could not be analyzed: { $error }
worker-other-version = The network analysis is from another version of the app; reload the page.
worker-bad-answer = The analysis answered in a form the page cannot read: { $error }

# Board, plans and files refusals
goal-err-bad-hashtag = A hashtag is # followed by letters, digits or _ with no spaces (like #CleanRiver2030); found “{ $found }”.
goal-err-end-before-start = The end date { $end } is before the start date { $start }: move the end later or the start earlier.
goal-err-target-before-baseline = The target date { $target } is before the baseline date { $baseline }: move the target later or the baseline earlier.
goal-err-baseline-date-missing = The baseline date is required when a baseline value is given (or leave both empty).
goal-err-baseline-value-missing = The baseline value is required when a baseline date is given (or leave both empty).
goal-err-duplicate-target-date = There is already a target on { $date }: change that target instead of adding another.
goal-err-value-does-not-fit = The { $field } of this indicator must be { $expects }.
goal-err-measure-change = This indicator cannot become “{ $measure }”: { $count ->
    [one] 1 of its baseline, targets or measurements is not { $expects }; change or delete it first.
   *[other] { $count } of its baseline, targets or measurements are not { $expects }; change or delete them first.
}
goal-err-parent-is-self = A goal cannot be placed under itself.
goal-err-parent-loop = This goal cannot be placed under a goal that is already inside it: choose a goal outside its branch.
goal-err-has-sub-goals = { $count ->
    [one] This goal has 1 sub-goal: move or delete it first.
   *[other] This goal has { $count } sub-goals: move or delete them first.
}
goal-err-duplicate-member = The team already has { $name }.
goal-err-unknown-goal = This goal is no longer in the room (it may have been deleted).
goal-err-unknown-parent = The parent goal is no longer in the room (it may have been deleted): choose another.
goal-err-unknown-indicator = This indicator is no longer in the room (it may have been deleted).
goal-err-unknown-target = This target is no longer on the indicator (it may have been removed).
goal-err-unknown-measurement = This measurement is no longer in the room (it may have been deleted).
goal-err-unknown-experiment = This experiment is no longer in the room (it may have been deleted).
goal-err-unknown-task = This task is no longer in the experiment (it may have been removed).
goal-err-unknown-member = The team has no member { $name }.
expects-number = a number
expects-percentage = a percentage (a number, optionally followed by %)
expects-yes-no = yes or no
expects-text = a short text
commitment-err-amount-without-unit = The unit is required when an amount is given (hours, EUR, data sets…).
commitment-err-due-before-made = The due date { $due } is before the date the commitment was made, { $made }: move the due date later.
commitment-err-before-commitment = The date { $date } is before the date the commitment was made, { $made }.
commitment-err-empty-response = { $kind ->
    [question] A question needs a text.
    [answer] An answer needs a text.
   *[other] An acknowledgement needs a text.
}
commitment-err-unknown-goal = This goal is no longer in the room (it may have been deleted): choose another.
commitment-err-unknown-indicator = This indicator is no longer in the room (it may have been deleted): choose another.
commitment-err-unknown-commitment = This commitment is no longer in the room (it may have been deleted).
commitment-err-unknown-check-in = This check-in is no longer in the room (it may have been deleted).
commitment-err-role-not-held = { $name } does not hold the role { $role }.
iati-err-missing-setting = The IATI export needs the reporting organization's { $setting ->
    [ref] identifier (ref)
    [type] type
   *[name] name
}: fill it in the export settings.
iati-err-nothing = There is no mission goal with indicators to export: add an indicator to a goal first.
opensdg-err-qualitative = “{ $name }” is qualitative: Open SDG publishes numbers only.
digest-err-ends-before-start = The period ends ({ $to }) before it starts ({ $from }): swap the two dates.
csv-at-line = Line { $line }: { $problem }
csv-at-column = Line { $line }, column { $column } ({ $name }): { $problem }
csv-err-unreadable-file = The file cannot be read as CSV: save it as comma-separated text.
csv-err-unreadable-line = This line cannot be read as CSV (check its quotes).
csv-err-empty = The file is empty: it needs a header row (date,value…) and one row per measurement.
csv-err-duplicate-column = This column appears twice: keep one.
csv-err-unknown-column = Unknown column: the columns are indicator, date or year, value, units, source, organization, note.
csv-err-no-value-column = The header has no value column.
csv-err-no-date-column = The header needs a date column (YYYY-MM-DD) or a year column.
csv-err-date-and-year = The header has both a date and a year column: keep one.
csv-err-no-indicator-column = The file has no indicator column: choose the indicator to import into.
csv-err-field-count = This line has { $found } fields; the header has { $expected }.
csv-err-indicator-missing = The indicator is missing.
csv-err-no-such-indicator = There is no indicator “{ $name }” in this room: use an indicator's name or id.
csv-err-ambiguous-indicator = { $count } indicators are called “{ $name }”: use the indicator's id instead.
csv-err-bad-year = The year must be four digits, like 2026; found “{ $found }”.
csv-err-units-differ = The units “{ $units }” differ from the indicator's unit “{ $expected }”.
board-err-empty-name = A board needs a name.
board-err-name-too-long = A board name holds at most { $max } characters; this one has { $length }.
board-err-unknown-board = This board is no longer in the room (it may have been deleted).
board-err-unknown-note = This note is no longer in the room (it may have been deleted).
board-err-note-too-long = A note holds at most { $max } characters; this text has { $length }.
board-err-invalid-position = A note's position must be two finite numbers, found ({ $x }, { $y }).
board-err-author-too-long = An author name holds at most { $max } characters; this one has { $length }.
board-err-unknown-cluster = This cluster is no longer in the room (it may have been deleted).
board-err-cluster-label-too-long = A cluster label holds at most { $max } characters; this one has { $length }.
board-err-cluster-size = A cluster's width and height must be from { $min } to { $max }, found { $width } × { $height }.
board-err-unknown-link = This link is no longer in the room (it may have been deleted).
board-err-link-to-itself = A link joins two different notes: choose another note to link to.
board-err-link-across-boards = A link joins notes of one board; these notes are on different boards.
board-err-duplicate-link = These notes are already linked.
board-err-link-label-too-long = A link label holds at most { $max } characters; this one has { $length }.
board-err-invalid-participant = A participant id must be 1 to { $max } characters without spaces or control characters.
board-err-allowance-too-large = A participant can have at most { $max } votes on a board; { $allowance } asked.
board-err-voting-closed = Voting on this board is not open: the facilitator has not given votes yet.
board-err-no-votes-left = { $allowance ->
    [one] Your vote on this board is placed; remove it to vote again.
   *[other] All { $allowance } of your votes on this board are placed; remove one to vote again.
}
board-err-no-vote-to-remove = You have no vote on this note to remove.
board-err-locked = The board is locked while votes are counted; wait until the facilitator unlocks it.
board-import-unreadable = { $name }: the file could not be read as a board (line { $line }, column { $column }).
board-import-not-a-board = { $name }: this file is not a Constellation board export (its “format” is not “constellation-board”).
board-import-missing-version = { $name }: this board file does not say which version of the format it uses (“version”: { $version }).
board-import-unsupported-version = { $name }: this file uses version { $found } of the board format, and this app reads version { $version }: update the app to import it.
board-import-invalid = { $name }: the board was not imported; { $count ->
    [one] 1 problem
   *[other] { $count } problems
} to fix in the file. { $problems }
board-import-locked = { $name }: the board was not imported: the board is locked while votes are counted.
board-file-problem = { $element }: { $problem }
board-file-the-board = The board
board-file-item = { $kind ->
    [note] Note { $number }
    [cluster] Cluster { $number }
   *[link] Link { $number }
}
board-file-allowance = vote_allowance is { $found }, at most { $max }.
board-file-too-many = The file has { $count } { $kind ->
    [note] notes
    [cluster] clusters
   *[link] links
}, at most { $max }.
board-file-too-long = { $field ->
    [text] The text
    [author] The author
   *[label] The label
} is { $length } characters, at most { $max }.
board-file-not-finite = The position ({ $x }, { $y }) is not two finite numbers.
board-file-unknown-color = The colour “{ $found }” is not one of { $colors }.
board-file-missing-cluster = Cluster “{ $id }” is not in the file.
board-file-missing-note = Note “{ $id }” is not in the file.
board-file-link-to-itself = It starts and ends at note “{ $id }”.
board-file-repeated-link = It repeats link { $first }.
board-file-empty-id = Its id is empty.
board-file-duplicate-id = Its id “{ $id }” is already used by { $kind ->
    [note] note
    [cluster] cluster
   *[link] link
} { $first }.
board-file-more = { $count } more problems are not listed.
png-cannot-draw = This browser cannot draw pictures; export as SVG instead.
value-yes = yes
value-no = no

# Network and sharing refusals
net-field-name = name
net-field-sector = sector
net-field-tags = tags
net-field-organization = organization
net-field-role = role
net-field-level = level
net-field-from = from
net-field-to = to
net-field-kind = kind of tie
net-field-trust = trust
net-field-note = note
net-field-works-with = works with (person { $n })
net-field-works-with-org = works with (organization of person { $n })
net-field-record = entry
net-problem-control = The { $field } must be one line without control characters.
net-problem-too-many-tags = At most { $max } tags; this entry has { $count }.
net-problem-trust = The trust must be a whole number from 1 to 5; found { $found }.
net-problem-mixed-tie = A tie joins two people or two organizations, not a person and an organization.
net-problem-tie-to-itself = A tie must join two different people or organizations.
net-problem-colleague-needs-name = { $field }: a name is needed with the organization.
net-problem-colleague-is-self = { $field }: that is the person entering; list the people they work with.
net-problem-no-such-organization = The organization chosen is no longer in the network (someone may have deleted or merged it).
net-problem-no-such-end = The entry chosen in “{ $field }” is no longer in the network (someone may have deleted or merged it).
net-error-unknown-organization = This organization is no longer in the network (someone may have deleted or merged it).
net-error-unknown-person = This person is no longer in the network (someone may have deleted or merged them).
net-error-unknown-tie = This tie is no longer in the network (someone may have deleted it).
net-error-merge-with-itself = An entry cannot be merged into itself.
net-connectors-heading = Connectors
net-group-none = people without an organization
net-why-organizations = links { $count } organizations
net-why-liaison = liaison between { $a } and { $b } on { $paths ->
    [one] 1 path
   *[other] { $paths } paths
}
net-why-itinerant = itinerant broker within { $group } on { $paths ->
    [one] 1 path
   *[other] { $paths } paths
}
net-why-represents = represents { $own } towards { $other } on { $paths ->
    [one] 1 path
   *[other] { $paths } paths
}
net-why-gatekeeper = gatekeeper for { $own } from { $other } on { $paths ->
    [one] 1 path
   *[other] { $paths } paths
}
net-why-mid-level-staff = mid-level staff
net-why-junior-staff = junior staff
net-warning-weighted = { $graph ->
    [people] Among people
   *[organizations] Among organizations
}, weighted betweenness could not be computed (a tie has length { $length }); unweighted betweenness is shown instead.
net-warning-eigenvector = { $graph ->
    [people] Among people
   *[organizations] Among organizations
}, eigenvector centrality did not settle in { $iterations } iterations; it is not shown.
net-warning-cliques = Heterarchies: the high-trust organization graph has more than { $limit } maximal cliques; only the first were examined.
net-check-duplicate-organization = organization id “{ $id }” is used twice
net-check-duplicate-person = person id “{ $id }” is used twice
net-check-unknown-organization = person “{ $person }”: unknown organization “{ $organization }”
net-check-unknown-end = tie { $tie }: { $end } is not in the network
net-check-trust = tie { $tie }: trust must be 1–5, found { $found }
net-check-self-tie = tie { $tie }: a tie must join two different nodes, found { $end } at both ends
net-check-mixed-tie = tie { $tie }: a tie joins two people or two organizations, not { $from } and { $to }
net-node-person = person “{ $id }”
net-node-organization = organization “{ $id }”
net-file-problem = { $place }: { $reason }
net-file-line = line { $line }
net-file-field = { $field }
net-file-column = column { $column }
net-imp-not-utf8 = is not UTF-8 text
net-imp-bad-csv = cannot be read as CSV ({ $detail })
net-imp-empty = is empty (a header row is needed)
net-imp-header-id-name = the header needs an id or a name (label) column
net-imp-header-from-to = the header needs From and To columns
net-imp-id-or-name = an id or a name is required
net-imp-used-twice = “{ $id }” is used twice (first on line { $first })
net-imp-no-organization = no organization with id or name “{ $name }” in this file
net-imp-no-node = no node with id or name “{ $name }” in { $nodes_file }
net-imp-no-node-id = no node with id “{ $id }”
net-imp-empty-cell = is empty
net-imp-mixed-tie = a tie joins two people or two organizations, not { $from } and { $to }
net-imp-self-tie = a tie must join two different nodes, found { $node } at both ends
net-imp-trust = must be a whole number from 1 to 5, found “{ $found }”
net-imp-true-false = must be true or false, found “{ $found }”
net-imp-kind = unknown kind “{ $found }” (collaborates, knows, funds, governs or other)
net-imp-sector = unknown sector “{ $found }” (government, business, civil society or other)
net-imp-level = unknown level “{ $found }” (senior, mid or junior)
net-imp-too-long = is too long ({ $length } characters, at most { $max })
net-imp-control = must be one line without control characters
net-imp-node-needs-id = a node needs an id
net-imp-not-graphml = is not GraphML (its root element is not <graphml>)
net-imp-not-gexf = is not GEXF (its root element is not <gexf>)
net-imp-no-graph = holds no <graph>
net-imp-bad-xml = is not well-formed XML ({ $detail })
net-imp-unmatched-end = has an unmatched end tag
net-imp-unknown-entity = has an unknown entity reference
net-imp-unclosed = ends before its elements are closed
net-imp-no-element = holds no XML element
net-imp-bad-attribute = has a malformed attribute ({ $detail })
net-imp-kumu-elements = Kumu connections need the elements sheet too
net-imp-second-file = only a CSV edge list takes a second file (its node list)
net-imp-bad-json = cannot be read as a network in JSON ({ $detail })
net-import-unreadable = { $file } could not be read.
net-import-extension = { $file }: the name should end in .csv, .json, .graphml or .gexf.
net-import-two-files = Two files are a CSV edge list with its node list (a name with “nodes”), or Kumu's elements and connections sheets.
net-import-how-many = Choose one network file, or two (an edge list and its node list, or Kumu's elements and connections).
file-error-make = The file could not be made ({ $detail }).
file-error-link = The download could not be started ({ $detail }).
file-error-no-page = The download could not be started: the page is not ready.
file-error-read = The chosen file could not be read ({ $detail }).
file-error-copy = This browser does not allow copying here; select the text and copy it.
share-qr-too-long = This link ({ $length } characters) is too long for a QR code.
code-relay-refused = The relay refused: { $said }
code-bad = A room code is 12 letters and digits, like 7KQ2-M9XD-4HRT; “{ $found }” is not one.
code-wrong = This code does not open the room it points to (mistyped, or it was replaced): check it and try again.
code-bad-ticket = The room code's ticket is damaged: { $error }
net-svg-desc = { $shown } of { $total } people and organizations, { $ties ->
    [one] 1 tie
   *[other] { $ties } ties
}; nodes sized by { $metric }.
worker-not-sent = the network could not be sent to the analysis
