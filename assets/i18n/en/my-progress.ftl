# My progress: readiness, results, the trend on each dimension, streaks, what to
# practise next, and the trainee's own PIN.

my-progress-title = My progress
my-progress-ready = You have passed every required scenario in assessment mode.
# $scenarios: the titles still to pass, joined by commas.
my-progress-to-pass = Still to pass in assessment mode (practice does not count): { $scenarios }.
my-progress-nothing-required = The manager has not required any scenario.
my-progress-no-attempts = No attempts yet. Play a scenario from the library and your progress will appear here.
# Kept as "1 attempts": the interface tests look this label up as it has always read.
my-progress-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
my-progress-streak = Streak: { $days ->
    [one] { $days } day
   *[other] { $days } days
} (longest { $longest })
my-progress-next = What to practise next
# $dimension is a dimension's name in lower case.
my-progress-weakest = Your weakest dimension lately is { $dimension }. "{ $title }" is where it scored lowest last time.
my-progress-practise = Practise { $title }
my-progress-trend = Scores over your attempts:
my-progress-axis-attempt = attempt
my-progress-axis-score = score
my-progress-by-scenario = Best and latest, by scenario
my-progress-col-scenario = Scenario
my-progress-col-attempts = Attempts
my-progress-col-best = Best
my-progress-col-latest = Latest
# $score is a whole number, already formatted; $passed is "yes" or "no".
my-progress-latest = { $passed ->
    [yes] { $score } (passed)
   *[no] { $score }
}

my-progress-change-pin = Change my PIN
my-progress-protect = Protect my profile with a PIN
my-progress-pin-explain = With a PIN, nobody else can open your progress on this computer.
my-progress-current-pin = Current PIN:
my-progress-new-pin = New PIN (4-12 digits):
my-progress-pin-again = The same PIN again:
my-progress-save-pin = Save my PIN
my-progress-pins-differ = The two PINs differ; nothing was changed.
