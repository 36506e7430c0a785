# The window's frame: the top bar, the settings menu and notices.

app-settings = Preferences
app-theme = Theme
theme-dark = Dark
theme-light = Light
theme-high-contrast = High contrast
app-text-size = Text size
app-text-smaller = Smaller
app-text-smaller-keys = Ctrl + minus
app-text-larger = Larger
app-text-larger-keys = Ctrl + plus
app-text-reset = Reset
app-language = Language
app-volume = Volume
app-mute = Mute

app-read-profiles-failed = Could not read trainee profiles: { $error }
app-lrs-sent = Sent { $statements ->
    [one] 1 statement
   *[other] { $statements } statements
} from { $attempts ->
    [one] 1 attempt
   *[other] { $attempts } attempts
}.
app-lrs-send-stopped = The send stopped unexpectedly.
app-unfinished-read-failed = Could not read your unfinished attempt: { $error }
app-unfinished-save-failed = Could not save your place in this attempt: { $error }
app-unfinished-clear-failed = Could not clear your unfinished attempt: { $error }
app-attempts-read-failed = Could not read your attempts: { $error }
app-profile-create-failed = Could not create the profile: { $error }
app-manager-pin-saved = The manager PIN is saved.
app-trainer-pin-saved = The trainer PIN is saved.
app-not-saved = Not saved: { $error }.
app-pins-differ = The two PINs differ. Type the same PIN twice.
app-pin-clear-failed = Could not clear the PIN: { $error }
app-standards-saved = Saved. Readiness now follows this standard.
app-not-saved-bare = Not saved: { $error }
app-no-pin-yet = No PIN is set yet. A manager sets the manager PIN first (Manager area); it opens the trainer area too, and a trainer PIN can then be set in the manager's Settings.
app-playtest-failed = Cannot playtest: { $error }
app-nobody-signed-in = Nobody is signed in.
app-current-pin-wrong = Not saved: the current PIN. { $why }
app-own-pin-saved = Your PIN is saved. You will be asked for it when you sign in.
app-profile-has-pin = This profile already has a PIN. Enter it to continue.
app-records-read-failed = Could not read trainees' records: { $error }
app-lrs-password-needed = Type the LRS password to save the settings.
app-lrs-saved = Saved. Attempts go to { $url }.
app-library-reloaded = Library read again (reload { $reload }): { $playable } playable, { $errors } with errors.
app-playtest-stopped = The playtest could not go on: { $error }
app-write-failed = Could not write { $path }: { $error }
app-attempt-read-failed = Could not read that attempt: { $error }
app-attempt-unreadable = That attempt could not be read; see any notice about set-aside files.
app-delete-failed = Could not delete the trainee: { $error }
app-scenario-gone = Scenario `{ $id }` is no longer in the library.
app-start-failed = Cannot start `{ $id }`: { $error }
app-attempt-save-failed = Your attempt could not be saved: { $error }
app-trainee = Trainee: { $name }
app-switch-trainee = Switch trainee
app-library = Library
app-practice-pad = Practice pad
app-practice-pad-hover = Type a reply to any customer line and see it scored as you type
app-my-progress = My progress
app-dismiss = Dismiss
app-resume-failed = That attempt could not be resumed ({ $error }); it was discarded.
app-setting-save-failed = Could not save the setting: { $error }
app-scenario-written = Wrote { $path }. Open it in your editor, change it and save: it reloads here.
app-scenario-copied = Copied to { $path }: your copy now overrides the built-in scenario.
app-opened-in-editor = Opened { $path } in your editor.
app-open-failed = Could not start `{ $opener }` to open { $path }: { $error }. Open the file in any editor; saved changes are picked up here.
app-exporting-attempts = Exporting attempts
app-exporting-turns = Exporting turns
app-export-failed = The export failed: { $error }
app-export-cancelled = The export was cancelled; no file was written.
app-exported = Exported { $rows } rows to { $path }
app-backing-up = Backing up
app-backup-failed = The backup failed: { $error }
app-backed-up = Backed up { $files } files to { $path }
app-restoring = Checking and restoring
app-restore-failed = Nothing was restored: { $error }
app-restored-kept = Restored { $files } files from { $path }. The data that was here is kept in { $aside }
app-restored = Restored { $files } files from { $path }
app-trainee-deleted = { $attempts ->
    [one] The trainee and their 1 attempt were deleted.
   *[other] The trainee and their { $attempts } attempts were deleted.
}
app-lrs-queue-failed = The attempt is saved, but not queued for the LRS: { $error }
app-file-set-aside = A damaged file was set aside: { $original } was moved to { $moved } ({ $reason })
app-file-skipped = A file was left untouched and not loaded: { $path } ({ $reason })
app-resume-translation-gone = "{ $title }" was started in a translation that is no longer there, so that attempt cannot be resumed; it was discarded.
app-read-thread-stopped = the reading thread stopped unexpectedly
app-resume-changed = "{ $title }" has changed since you started, so that attempt cannot be resumed; it was discarded.
app-trainee-pin-cleared = { $name }'s PIN is cleared; they can set a new one from My progress.
app-read-cannot-start = cannot start reading: { $error }
app-count-stopped = the count stopped unexpectedly
app-playtest-replayed = The playtest replayed onto the new version.
app-playtest-kept-node = The route changed; the playtest carries on from `{ $node }`, with mood and loyalty as at the start.
app-playtest-restarted = The playtest's node is gone; it started again from `{ $node }`.
app-playtest-stopped-now = The playtest stopped: { $error }.
app-playtest-scenario-errors = The playtest's scenario has errors now; it carries on once they are fixed.
app-job-finished = { $message } in { $seconds } s
app-job-stopped = { $what } stopped unexpectedly.
