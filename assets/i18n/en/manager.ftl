# The manager area: the trainee list and a trainee's history, the cohort, exports,
# backup and restore, the audit log, the standard, PINs and the LRS.
# Tests find many of these words by name: change the English only with them.

## The tab bar

manager-heading = Manager
manager-lock = Lock
manager-lock-hover = Leave the manager area; the PIN is needed to come back
manager-tab-trainees = Trainees
manager-tab-cohort = Cohort
manager-tab-export = Export
manager-tab-backup = Backup
manager-tab-audit = Audit log
manager-tab-standards = Standards
manager-tab-settings = Settings
manager-tab-lrs = LRS
manager-cancel = Cancel
# A day or time that never happened: "last active never".
manager-never = never

## Column headings, shared by the tables

manager-col-trainee = Trainee
manager-col-trainees = Trainees
manager-col-attempts = Attempts
manager-col-practice = Practice
manager-col-practice-hover = Practice attempts: stored and flagged, they do not count
manager-col-listen = Listen
manager-col-own = Own
manager-col-exceed = Exceed
manager-col-latest = Latest
manager-col-average = Average
manager-col-overall = Overall
manager-col-passed = Passed
manager-col-passed-hover = Scenarios whose latest assessment passed
manager-col-readiness = Readiness
manager-col-readiness-hover = Ready for the floor: every required scenario passed in an assessment (see Standards)
manager-col-last-active = Last active
manager-col-date = Date
manager-col-scenario = Scenario
manager-col-kind = Kind
manager-col-outcome = Outcome
manager-col-version = Version
manager-col-outcomes = Lost / recovered / advocate
manager-col-trainees-wrong = Trainees wrong
manager-col-customer-said = After the customer said
manager-col-mean-score = Mean score

## The trainee list

manager-readiness-ready = Ready
manager-readiness-not-yet = Not yet: { $passed } of { $total }
manager-readiness-none = none required
# $scenarios: the titles of the scenarios still to pass, joined by commas.
manager-readiness-still-to-pass = Still to pass: { $scenarios }
manager-sort-hover = Sort by this column; click again to reverse
manager-no-trainees = No trainees yet. Profiles appear here once trainees create them on the start screen.
manager-filter = Filter by name:
manager-filter-hint = type part of a name
manager-list-count = { $trainees ->
    [one] 1 trainee
   *[other] { $trainees } trainees
}, { $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
}
manager-list-explained = Latest: the most recent assessment attempt. Average: over all assessment attempts. Practice attempts are counted but do not score.
manager-no-match = No trainee's name contains "{ $filter }".
manager-open-trainee-hover = Open this trainee's history

## A trainee's history

manager-back-to-trainees = Back to all trainees
# $last: a date, or manager-never.
manager-trainee-summary = { $attempts ->
    [one] 1 assessment attempt
   *[other] { $attempts } assessment attempts
}, { $practice } practice; last active { $last }
manager-clear-pin = Clear their PIN
manager-clear-pin-hover = For a trainee who forgot it: they can set a new one
manager-delete = Delete this trainee...
manager-delete-hover = Remove their profile and every attempt, for good
manager-delete-confirm = Delete { $name } and { $attempts ->
    [one] their 1 attempt
   *[other] all { $attempts } of their attempts
} for good? This cannot be undone.
manager-delete-for-good = Delete for good
manager-delete-keep = Keep
# The speaker's name in a transcript whose scenario is no longer in the library.
manager-customer = Customer
manager-back-to-history = Back to the history
# $passed is "yes" or "no"; $outcome is the outcome's name in lower case.
manager-attempt-summary = { $title }, { $day }: overall { $overall } ({ $passed ->
        [yes] passed
       *[no] not passed
    }), { $outcome }
manager-no-attempts = No attempts yet.
manager-attempts-heading = Attempts, newest first
manager-transcript = Transcript
manager-kind-assessment = assessment
manager-kind-practice = practice
# $version: the first characters of the scenario's version hash.
manager-version-edited = { $version } (edited)
manager-version-edited-hover = The scenario changed since this trainee's previous attempt at it: compare scores across the edit with care
manager-chart-heading = Each dimension over their assessment attempts:
manager-chart-edited = Dotted lines: the scenario of the next attempt was edited since this trainee last played it.
manager-chart-practice-only = Only practice attempts so far; the chart shows assessments.
manager-chart-x = assessment attempt
manager-chart-y = score
manager-chart-scenario-edited = scenario edited

## The cohort

manager-cohort-empty = No assessment attempts yet. The cohort view fills in as trainees play.
manager-cohort-heading = Per scenario: average scores and how the customers ended up
manager-hard-heading = The turns most trainees get wrong
manager-hard-explained = A trainee gets a turn wrong when their replies there average below { $below } of 100.
manager-hard-none = No turn is getting anyone wrong yet.
manager-hard-share = { $wrong } of { $reached } ({ $percent }%)
manager-hard-share-hover = { $wrong } of the { $reached } trainees who reached this turn average below { $below } there
# A turn whose customer line could not be found: $node is its id.
manager-hard-turn = turn `{ $node }`
# What the customer said, quoted.
manager-quoted = “{ $said }”
manager-outcomes-hover = lost { $lost }, recovered { $recovered }, advocate { $advocate }

## Export, backup and restore

manager-export-explained = Export every trainee's attempts as CSV, for a spreadsheet. Files use trainee ids and names; the columns are described in docs/reports.md.
manager-export-folder = Save into folder:
manager-export-attempts = Export attempts
manager-export-attempts-hover = One row per attempt
manager-export-turns = Export turns
manager-export-turns-hover = One row per reply, with its levels and evidence
manager-backup-heading = Back up
manager-backup-explained = One file with every trainee's profile and attempts, the PINs' hashes, the trainer's scenarios and the audit log, with a checksum for each file. It holds trainees' records: keep it somewhere only managers can read.
manager-backup-file = Back up to file:
manager-backup-now = Back up now
manager-restore-heading = Restore
manager-restore-explained = Every checksum is checked before anything changes. The data here now is moved aside beside it, never deleted.
manager-restore-file = Restore from file:
manager-restore = Restore...
manager-restore-confirm = Replace the data here with the backup? The current data is kept aside.
manager-restore-now = Restore now
manager-restore-cancel = Cancel restore
# A job just started: $what is what it does ("Exporting turns").
manager-job-starting = { $what }...
# $unit is what $done and $total count ("trainees", "files").
manager-job-progress = { $what }: { $done } of { $total } { $unit }

## The audit log

manager-audit-explained = What managers did, and every refused PIN, newest first. Entries are only ever added.
manager-audit-empty = Nothing recorded yet.

## The standard

manager-standards-marks-heading = Pass mark and floor
manager-standards-marks-explained = A pass needs the overall score at the pass mark and every dimension at the floor. These defaults apply to scenarios that set none of their own.
manager-standards-pass-mark = Default pass mark (0-100):
manager-standards-floor = Default floor (0-100):
manager-standards-readiness-heading = Readiness for the floor
manager-standards-readiness-explained = A trainee is ready once they have passed every required scenario in an assessment, judged by the standard in force now. Practice never counts.
manager-standards-every = Every scenario in the library is required
manager-standards-only-ticked = Only the scenarios ticked below
manager-standards-own-both = { $title } (sets its own: pass mark { $pass }, floor { $floor })
manager-standards-own-pass = { $title } (sets its own pass mark: { $pass })
manager-standards-own-floor = { $title } (sets its own floor: { $floor })
manager-standards-save = Save standard
manager-standards-undo = Undo changes

## PINs

manager-pins-heading = PINs
manager-pins-explained = PINs are 4-12 digits and are stored only as salted hashes. The manager PIN also opens the trainer area.
manager-pins-for = Set the PIN for:
manager-pins-role-manager = Manager
manager-pins-role-trainer = Trainer
manager-pins-role-trainer-unset = Trainer (not set yet)
manager-pins-current = Current manager PIN:
manager-pins-new = New PIN:
manager-pins-again = The same PIN again:
manager-pins-save = Save PIN
manager-pins-differ = The two PINs differ; nothing was changed.
manager-trainee-pins-heading = Trainee PINs
manager-trainee-pins-required = Every trainee must protect their profile with a PIN
manager-trainee-pins-required-hover = Trainees without one choose it the next time they sign in

## The LRS

manager-lrs-heading = Learning Record Store
manager-lrs-explained = With an LRS set up, every assessment attempt is also sent as xAPI statements. They are written to an outbox on this computer first and sent in the background, so an LRS that is down loses nothing; they go when it is back.
manager-lrs-sync = Sync
manager-lrs-none = No LRS is set up: attempts stay on this computer only.
manager-lrs-sending-to = Sending to { $url } as { $username }.
manager-lrs-outbox = Waiting in the outbox: { $statements ->
        [one] { $statements } statement
       *[other] { $statements } statements
    } from { $pending ->
        [one] { $pending } attempt
       *[other] { $pending } attempts
    }. Sent: { $sent ->
        [one] { $sent } attempt
       *[other] { $sent } attempts
    }.
manager-lrs-rejected = Set aside: { $rejected ->
        [one] { $rejected } attempt
       *[other] { $rejected } attempts
    } the LRS refused on its own, kept with the reason in the data dir's lrs/rejected folder.
# $when: a date and time, or manager-never.
manager-lrs-last-success = Last successful send: { $when }
manager-lrs-last-error = Last try failed ({ $at }): { $why }
manager-lrs-sending = Sending...
manager-lrs-next-try = Next try in { $seconds } s.
manager-lrs-send-now = Send now
manager-lrs-settings = Settings
manager-lrs-endpoint = Endpoint:
manager-lrs-username = Username:
manager-lrs-username-hint = the LRS key or user
manager-lrs-home-page = Home page:
manager-lrs-password = Password:
manager-lrs-password-unchanged = unchanged unless typed
manager-lrs-password-hint = the LRS secret
manager-lrs-send-practice = Send practice attempts too (assessments always go)
manager-lrs-password-kept = The password is kept in a file only this computer's account can read, and is never shown again.
manager-lrs-save = Save LRS settings

## Opening the area

manager-loading-heading = Manager area
manager-loading = Reading the trainees' records…
manager-loading-progress = Reading the trainees' records: { $done } of { $total }
manager-loading-cancel-hover = Stop reading and go back to the start
manager-unit-trainees = trainees
manager-unit-files = files
