# The debrief after an attempt: scores, pass or fail, the outcome, the mood chart and
# the transcript. Loyalty numbers are whole numbers, already formatted.

debrief-title = Debrief: { $title }
debrief-retry = Retry
debrief-practice-note = Practice: it does not count towards your pass or readiness. You went back { $rewinds ->
    [0] no times
    [one] 1 time
   *[other] { $rewinds } times
} and asked for { $hints ->
    [0] no hints
    [one] 1 hint
   *[other] { $hints } hints
}.
debrief-customer-at-end = { $name } at the end: { $emotion }
debrief-overall = Overall
# $passed is "yes" or "no".
debrief-verdict = { $passed ->
    [yes] PASS
   *[no] NOT PASSED
}: pass mark { $pass_mark }, every dimension at least { $floor }
debrief-advocate = Advocate: more loyal than before the problem
debrief-recovered = Recovered: back, but not yet a fan
debrief-lost = Lost: the customer is gone
debrief-loyalty = { $name }'s loyalty ended at { $loyalty }. It was { $baseline } before anything went wrong and { $start } after it; below { $threshold } the customer is lost.
debrief-loyalty-hover = Loyalty { $loyalty } of 100
# $intended is an outcome's name.
debrief-intended = This ending was written as { $intended }, but the outcome comes from loyalty over the whole conversation.

debrief-mood-chart = Mood over the conversation
debrief-axis-reply = reply
debrief-axis-mood = mood
debrief-mood-line = Mood
debrief-starting-mood = Starting mood

debrief-transcript = Transcript
debrief-you-said = You said
debrief-model-answer = A model answer
